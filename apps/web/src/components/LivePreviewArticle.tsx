'use client'

import { useLivePreview } from '@payloadcms/live-preview-react'

import type { Article } from '@copydesk/types/payload-types'

import { ArticleView } from '@/components/ArticleView'

/**
 * The article as the editor types it: the CMS's live-preview panel posts the form's state to this
 * frame, and `useLivePreview` merges it (populating relationships through the CMS's REST API).
 */
export const LivePreviewArticle = ({
  initialData,
  cmsOrigin,
}: {
  initialData: Article
  cmsOrigin: string
}) => {
  const { data } = useLivePreview<Article>({ initialData, serverURL: cmsOrigin, depth: 2 })
  return <ArticleView article={data} cmsOrigin={cmsOrigin} />
}
