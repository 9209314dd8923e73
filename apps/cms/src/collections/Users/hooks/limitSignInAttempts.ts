import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { clientAddress, createRateLimiter, rateLimitKey } from '@copydesk/workflow/rateLimit'

import { authRateLimit } from '../../../env'

/** Logins and password-reset requests share one budget per client address. */
const limiter = createRateLimiter({ limit: authRateLimit.limit, windowMs: authRateLimit.windowMs })

/**
 * The address a sign-in attempt counts against: the `X-Forwarded-For` entry written by the
 * outermost trusted proxy (TRUSTED_PROXIES from the right; with no proxy, Next writes the socket
 * address there). IPv6 clients count per /64. Requests with no address at all share one key.
 */
export const signInKey = (req: PayloadRequest): string => {
  const address = clientAddress({
    forwardedFor: req.headers?.get('x-forwarded-for'),
    trustedProxies: authRateLimit.trustedProxies,
  })
  return address ? rateLimitKey(address) : 'unknown'
}

/**
 * Rate-limits `login` and `forgotPassword` per client address, over REST and GraphQL, before
 * Payload looks anything up: past the limit the answer is 429 with a `Retry-After` header and the
 * reason, and the attempt neither counts against the account's lockout nor sends an email.
 * Server code (the Local API) is not limited.
 */
export const limitSignInAttempts: CollectionBeforeOperationHook<'users'> = ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  if (req.payloadAPI === 'local') return args
  const decision = limiter.hit(signInKey(req))
  if (decision.allowed) return args
  const seconds = decision.retryAfterSeconds
  // Payload merges these into the error response, on REST and on GraphQL alike.
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('Retry-After', String(seconds))
  throw new APIError(
    `Too many sign-in attempts from this address; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    429,
    undefined,
    true,
  )
}
