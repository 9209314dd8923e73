import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { PREVIEW_COOKIE } from '@/lib/cms/preview'

/** Leaves draft mode and returns to the published page the reader was on. */
export const GET = async (request: Request) => {
  ;(await draftMode()).disable()
  ;(await cookies()).delete(PREVIEW_COOKIE)
  const back = new URL(request.url).searchParams.get('path')
  redirect(back?.startsWith('/') && !back.startsWith('//') ? back : '/')
}
