import type { RevalidationSettings } from '../env'

/** A save waits for the site at most this long before its tags go to the retry queue instead. */
export const REVALIDATE_TIMEOUT_MS = 2_000

/** The site refuses larger requests (apps/web/src/app/api/revalidate/route.ts). */
export const MAX_TAGS_PER_REQUEST = 500

/** Why a revalidation request failed, in words for the log. */
export const describeFailure = (error: unknown): string => {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no answer within ${REVALIDATE_TIMEOUT_MS / 1000} s`
  }
  // fetch reports every network failure as "fetch failed" and keeps the reason in `cause`.
  if (error instanceof Error && error.cause instanceof Error) return error.cause.message
  return error instanceof Error ? error.message : String(error)
}

/**
 * Asks the reader site to revalidate these tags; throws unless it answers with a 2xx.
 *
 * @example
 * await postTags({ settings: revalidation, tags: ['articles', 'articles:talks-resume'] })
 */
export const postTags = async ({
  settings,
  tags,
}: {
  settings: RevalidationSettings
  tags: string[]
}): Promise<void> => {
  const response = await fetch(settings.endpoint, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${settings.secret}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(REVALIDATE_TIMEOUT_MS),
  })
  // Reading the body frees the connection, and the site explains a 400 in it.
  const body = await response.text().catch(() => '')
  if (!response.ok) {
    throw new Error(`${settings.endpoint} answered ${response.status} ${body.slice(0, 200)}`.trim())
  }
}
