import { cookies, draftMode } from 'next/headers'

import { PREVIEW_COOKIE, PREVIEW_TOKEN_HEADER } from '@copydesk/types/contract'
import type { PreviewClaims } from '@copydesk/types/preview'
import { verifyPreviewToken } from '@copydesk/types/preview'
import type { Article, Author } from '@copydesk/types/payload-types'

import { env, previewSecret } from '@/env'

export const verifyToken = (token: string | null | undefined): PreviewClaims | null =>
  previewSecret ? verifyPreviewToken({ token, secret: previewSecret }) : null

type PreviewDocs = { articles: Article; authors: Author; faqs: never }

/**
 * The latest draft of one document, fetched with a preview token the CMS signed. Never cached:
 * a draft is for the staff member looking at it, now.
 */
export const getDraft = async <C extends 'articles' | 'authors'>({
  collection,
  id,
  token,
}: {
  collection: C
  id: string
  token: string
}): Promise<PreviewDocs[C] | null> => {
  const response = await fetch(
    `${env.CMS_URL}/api/${collection}/${encodeURIComponent(id)}/preview`,
    {
      headers: { [PREVIEW_TOKEN_HEADER]: token },
      cache: 'no-store',
    },
  )
  if (!response.ok) return null
  return (await response.json()) as PreviewDocs[C]
}

/**
 * The draft this request should show instead of the published document, when draft mode is on
 * and its token is for this collection. The one place that decides draft mode for pages: it
 * reads cookies only when draft mode is on, so published pages stay static.
 */
export const draftFor = async <C extends 'articles' | 'authors'>(
  collection: C,
): Promise<PreviewDocs[C] | null> => {
  if (!(await draftMode()).isEnabled) return null
  const token = (await cookies()).get(PREVIEW_COOKIE)?.value
  const claims = verifyToken(token)
  if (!token || !claims || claims.collection !== collection) return null
  return getDraft({ collection, id: claims.id, token })
}
