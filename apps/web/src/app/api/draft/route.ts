import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { readerPath } from '@copydesk/types/site-urls'

import { getDraft, verifyToken } from '@/lib/cms/preview'
import { previewCookieOptionsFor, startPreviewSession } from '@/lib/previewCookies'
import { safeRedirectPath } from '@/lib/safeRedirectPath'

/**
 * Opens the site in draft mode on a document's latest draft. The CMS signs the link for a staff
 * member (`?token=`); anyone else gets a 401 and draft mode stays off. It only ever redirects to
 * the document's own page on this site, whatever its draft slug holds.
 */
export const GET = async (request: Request) => {
  const token = new URL(request.url).searchParams.get('token')
  const claims = verifyToken(token)
  if (!token || !claims || claims.collection === 'faqs')
    return Response.json(
      {
        error:
          'This preview link is not valid, or it has expired. Open Preview from the CMS again.',
      },
      { status: 401 },
    )
  const draft = await getDraft({ collection: claims.collection, id: claims.id, token })
  if (!draft?.slug)
    return Response.json(
      { error: 'The draft could not be loaded: it may have been deleted, or it has no slug yet.' },
      { status: 404 },
    )
  ;(await draftMode()).enable()
  startPreviewSession({ jar: await cookies(), token, options: previewCookieOptionsFor(request) })
  redirect(safeRedirectPath(readerPath(claims.collection, draft.slug)))
}
