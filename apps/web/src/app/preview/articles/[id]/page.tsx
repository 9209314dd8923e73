import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { LivePreviewArticle } from '@/components/LivePreviewArticle'
import { env } from '@/env'
import { getDraft, verifyToken } from '@/lib/cms/preview'

type Props = {
  params: Promise<{ id: string }>
  searchParams: Promise<{ token?: string }>
}

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Live preview',
  robots: { index: false, follow: false },
}

/**
 * The frame of the CMS's live-preview panel: the latest draft of one article, for the staff
 * member whose signed link opened it, then updated as they type. The only route that ships the
 * live-preview client component.
 */
const LivePreviewPage = async ({ params, searchParams }: Props) => {
  const { id } = await params
  const { token } = await searchParams
  const claims = verifyToken(token)
  if (!token || claims?.collection !== 'articles' || claims.id !== id) notFound()
  const draft = await getDraft({ collection: 'articles', id, token })
  if (!draft) notFound()
  return (
    <>
      <div className="preview-banner" role="status">
        <p>
          <strong>Live preview</strong> of the latest draft, updated as you edit.
        </p>
      </div>
      <LivePreviewArticle initialData={draft} cmsOrigin={env.CMS_URL} />
    </>
  )
}

export default LivePreviewPage
