import { DRAFT_MODE_COOKIE, PREVIEW_COOKIE } from '@copydesk/types/contract'

import { isProduction } from '../env'

/** The cookies that make up a preview session: Next's draft mode and the site's token. */
export const PREVIEW_SESSION_COOKIES = [DRAFT_MODE_COOKIE, PREVIEW_COOKIE] as const

export type PreviewCookieOptions = {
  httpOnly: true
  sameSite: 'lax'
  secure: boolean
  path: '/'
}

/** The protocols a request's proxies say it arrived over (`X-Forwarded-Proto` and `Forwarded`). */
const forwardedProtocols = ({
  forwardedProto,
  forwarded,
}: {
  forwardedProto: string | null
  forwarded: string | null
}): string[] => [
  ...(forwardedProto ?? '').split(','),
  ...[...(forwarded ?? '').matchAll(/(?:^|[;,\s])proto="?([^";,\s]+)/gi)].map((m) => m[1] ?? ''),
]

/**
 * Whether cookies set in answer to this request must be `Secure`: always in production, and
 * also whenever the request came over TLS, straight (`https:`) or through a proxy that says so
 * (`X-Forwarded-Proto: https`, `Forwarded: proto=https`), as a development server behind one
 * does. Erring towards `Secure` costs nothing: a browser that reached the site over plain HTTP
 * by a spoofed header only loses its own preview cookie.
 *
 * @example
 * isSecureCookieRequest({ isProduction: false, url: 'http://127.0.0.1:3000/api/draft',
 *   forwardedProto: 'https', forwarded: null }) // true
 */
export const isSecureCookieRequest = ({
  isProduction,
  url,
  forwardedProto,
  forwarded,
}: {
  isProduction: boolean
  url: string
  forwardedProto: string | null
  forwarded: string | null
}): boolean =>
  isProduction ||
  new URL(url).protocol === 'https:' ||
  forwardedProtocols({ forwardedProto, forwarded }).some(
    (protocol) => protocol.trim().toLowerCase() === 'https',
  )

/**
 * The attributes of both preview cookies. `SameSite=Lax` rather than Next's own `None` for draft
 * mode in production: the site's preview opens as a top-level page (the CMS's live-preview frame
 * carries its token in the URL instead), so no other site needs to send it, and a page framed or
 * fetched by another site never renders a draft.
 *
 * @example
 * previewCookieOptions({ isSecure: true })
 * // { httpOnly: true, sameSite: 'lax', secure: true, path: '/' }
 */
export const previewCookieOptions = ({
  isSecure,
}: {
  isSecure: boolean
}): PreviewCookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: isSecure,
  path: '/',
})

/** The part of Next's `cookies()` (a route handler's, writable) that a preview session uses. */
export type PreviewCookieJar = {
  get: (name: string) => { value: string } | undefined
  set: (name: string, value: string, options: PreviewCookieOptions & { expires?: Date }) => unknown
}

/**
 * Stores the preview token, and sets Next's draft-mode cookie again with the same attributes.
 * Call it after `draftMode().enable()`, which has just put that cookie in the jar with Next's own
 * attributes: `Secure` and `SameSite=None` whenever NODE_ENV is not `development`, neither in
 * development (next/dist/server/async-storage/draft-mode-provider.js), whatever the request came
 * over.
 */
export const startPreviewSession = ({
  jar,
  token,
  options,
}: {
  jar: PreviewCookieJar
  token: string
  options: PreviewCookieOptions
}) => {
  const draftMode = jar.get(DRAFT_MODE_COOKIE)?.value
  if (draftMode) jar.set(DRAFT_MODE_COOKIE, draftMode, options)
  jar.set(PREVIEW_COOKIE, token, options)
}

/**
 * Expires both preview cookies with the attributes they were set with, so that each deletion
 * replaces the very cookie the browser holds (over plain HTTP a browser refuses to let a
 * non-`Secure` cookie replace a `Secure` one). Call it after `draftMode().disable()`.
 */
export const endPreviewSession = ({
  jar,
  options,
}: {
  jar: PreviewCookieJar
  options: PreviewCookieOptions
}) => {
  for (const name of PREVIEW_SESSION_COOKIES)
    jar.set(name, '', { ...options, expires: new Date(0) })
}

/** The preview cookies' attributes for this request, in this server's environment. */
export const previewCookieOptionsFor = (request: Request): PreviewCookieOptions =>
  previewCookieOptions({
    isSecure: isSecureCookieRequest({
      isProduction,
      url: request.url,
      forwardedProto: request.headers.get('x-forwarded-proto'),
      forwarded: request.headers.get('forwarded'),
    }),
  })
