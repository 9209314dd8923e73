import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { getDraft, PREVIEW_COOKIE, verifyToken } from '@/lib/cms/preview'

const pathOf = (collection: 'articles' | 'authors', slug: string) =>
  collection === 'articles' ? `/articles/${slug}` : `/authors/${slug}`

/**
 * Opens the site in draft mode on a document's latest draft. The CMS signs the link for a staff
 * member (`?token=`); anyone else gets a 401 and draft mode stays off.
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
  ;(await cookies()).set(PREVIEW_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: new URL(request.url).protocol === 'https:',
    path: '/',
  })
  redirect(pathOf(claims.collection, draft.slug))
}
