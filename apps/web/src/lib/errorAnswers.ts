import { ServerResponse, STATUS_CODES } from 'node:http'
import type { OutgoingHttpHeaders } from 'node:http'

import { isCmsUnreachable } from './cms/availability'

/** How long a reader (or a crawler) is asked to wait before trying a 503 page again. */
export const RETRY_AFTER_SECONDS = 30

const NEVER_STORED = 'private, no-cache, no-store, max-age=0, must-revalidate'

type ErrorAnswer = { status: number; headers: Record<string, string> }

/**
 * What a server error becomes on the way out, or `null` to leave the answer alone. While the CMS
 * is unreachable a 500 is really "unavailable": 503 with `Retry-After`. No 5xx may be stored by a
 * shared cache, whatever Cache-Control the route's config set (the config's headers are applied
 * before the page renders, so a public route's error would otherwise leave marked `public`).
 *
 * @example
 * errorAnswer({ status: 500, isCmsUnreachable: true })
 * // { status: 503, headers: { 'cache-control': 'private, no-cache, …', 'retry-after': '30' } }
 * errorAnswer({ status: 200, isCmsUnreachable: true }) // null
 */
export const errorAnswer = ({
  status,
  isCmsUnreachable,
}: {
  status: number
  isCmsUnreachable: boolean
}): ErrorAnswer | null => {
  if (status < 500) return null
  if (status === 500 && isCmsUnreachable) {
    return {
      status: 503,
      headers: { 'cache-control': NEVER_STORED, 'retry-after': String(RETRY_AFTER_SECONDS) },
    }
  }
  return { status, headers: { 'cache-control': NEVER_STORED } }
}

const INSTALLED = Symbol.for('copydesk.web.errorAnswersInstalled')

type Patchable = typeof ServerResponse.prototype & { [INSTALLED]?: true }

/**
 * Applies {@link errorAnswer} to every response this process sends. Next's App Router has no way
 * for a page to answer 503 (its render sets 500 for any error but the 401/403/404 interrupts), and
 * a proxy runs before the render, so it cannot tell a cached page from one that will fail. The
 * status is therefore settled where the head is written: `writeHead`, which Node also calls for
 * implicit heads. Anything below 500 passes untouched.
 */
export const installErrorAnswers = (): void => {
  const proto = ServerResponse.prototype as Patchable
  if (proto[INSTALLED]) return
  proto[INSTALLED] = true
  const writeHead = proto.writeHead
  proto.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const answer = errorAnswer({ status: statusCode, isCmsUnreachable: isCmsUnreachable() })
    if (!answer) return writeHead.apply(this, [statusCode, ...rest] as Parameters<typeof writeHead>)
    for (const [name, value] of Object.entries(answer.headers)) this.setHeader(name, value)
    // Headers passed to writeHead itself would override the ones just set.
    const args = rest
      .filter((arg) => typeof arg !== 'string')
      .map((arg) => {
        if (!arg || typeof arg !== 'object' || Array.isArray(arg)) return arg
        const headers = { ...(arg as OutgoingHttpHeaders) }
        for (const key of Object.keys(headers))
          if (key.toLowerCase() in answer.headers) delete headers[key]
        return headers
      })
    if (answer.status !== statusCode) this.statusMessage = STATUS_CODES[answer.status] ?? ''
    return writeHead.apply(this, [answer.status, ...args] as Parameters<typeof writeHead>)
  } as typeof writeHead
}
