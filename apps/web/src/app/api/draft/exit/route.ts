import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { endPreviewSession, previewCookieOptionsFor } from '@/lib/previewCookies'
import { safeRedirectPath } from '@/lib/safeRedirectPath'

/**
 * Leaves draft mode and returns to the published page the reader was on: a path on this site
 * (`?path=`), or the front page when it is anything else.
 */
export const GET = async (request: Request) => {
  ;(await draftMode()).disable()
  endPreviewSession({ jar: await cookies(), options: previewCookieOptionsFor(request) })
  redirect(safeRedirectPath(new URL(request.url).searchParams.get('path')))
}
