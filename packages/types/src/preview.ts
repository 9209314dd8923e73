import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Preview tokens: the CMS signs one for a signed-in staff member and a document; the reader site
 * checks it before it turns on draft mode, and the CMS checks it again before it hands the draft
 * over. Short-lived and bound to one document, so a leaked link shows one draft for minutes,
 * and the shared secret itself never leaves the servers.
 */
export type PreviewClaims = {
  /** Collection slug. */
  collection: 'articles' | 'faqs' | 'authors'
  /** Document id. */
  id: string
  /** The staff member who asked for the preview. */
  user: string
  /** Expiry, in seconds since the epoch. */
  exp: number
}

/** How long a preview link works. */
export const PREVIEW_TOKEN_TTL_SECONDS = 60 * 60

const encode = (value: string) => Buffer.from(value).toString('base64url')

const sign = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url')

/**
 * @example
 * const token = signPreviewToken({ claims: { collection: 'articles', id, user, exp }, secret })
 */
export const signPreviewToken = ({
  claims,
  secret,
}: {
  claims: PreviewClaims
  secret: string
}): string => {
  const payload = encode(JSON.stringify(claims))
  return `${payload}.${sign(payload, secret)}`
}

/** The claims of a genuine, unexpired token, or `null`. */
export const verifyPreviewToken = ({
  token,
  secret,
  now = new Date(),
}: {
  token: string | null | undefined
  secret: string
  now?: Date
}): PreviewClaims | null => {
  if (!token) return null
  const [payload, signature, ...rest] = token.split('.')
  if (!payload || !signature || rest.length > 0) return null
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PreviewClaims
    if (!['articles', 'faqs', 'authors'].includes(claims.collection)) return null
    if (typeof claims.id !== 'string' || typeof claims.user !== 'string') return null
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return null
    return claims
  } catch {
    return null
  }
}
