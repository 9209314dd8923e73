/**
 * A fixed-window rate limit: at most `limit` attempts per key in a window of `windowMs` that
 * opens at the key's first attempt. Pure: the caller passes the clock and keeps the windows.
 */
export type RateWindow = { startedAt: number; count: number }

export type RateLimitSettings = { limit: number; windowMs: number }

export type RateDecision =
  { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number }

/**
 * Counts one attempt against a key's window and says whether it may go ahead. A refused attempt
 * is not counted, so a client that keeps trying is let in again when its window ends.
 *
 * @example
 * takeAttempt({ window: { startedAt: 0, count: 10 }, now: 15_000, limit: 10, windowMs: 60_000 })
 * // { window: { startedAt: 0, count: 10 }, decision: { allowed: false, retryAfterSeconds: 45 } }
 */
export const takeAttempt = ({
  window,
  now,
  limit,
  windowMs,
}: RateLimitSettings & { window: RateWindow | undefined; now: number }): {
  window: RateWindow
  decision: RateDecision
} => {
  const current =
    window && now - window.startedAt < windowMs && now >= window.startedAt
      ? window
      : { startedAt: now, count: 0 }
  if (current.count >= limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((current.startedAt + windowMs - now) / 1000))
    return { window: current, decision: { allowed: false, retryAfterSeconds } }
  }
  const next = { startedAt: current.startedAt, count: current.count + 1 }
  return { window: next, decision: { allowed: true, remaining: limit - next.count } }
}

export type RateLimiter = {
  /** Counts an attempt for this key. */
  hit: (key: string) => RateDecision
  /** How many keys have an open window (for tests and monitoring). */
  size: () => number
}

/**
 * Keeps one window per key in memory. Windows that have ended are dropped once more than
 * `maxKeys` keys are held, and if every window is still open the oldest go first, so memory stays
 * bounded however many addresses a client rotates through. A limit of 0 turns limiting off.
 *
 * @example
 * const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => clock })
 * limiter.hit('203.0.113.7') // { allowed: true, remaining: 1 }
 */
export const createRateLimiter = ({
  limit,
  windowMs,
  now = Date.now,
  maxKeys = 10_000,
}: RateLimitSettings & { now?: () => number; maxKeys?: number }): RateLimiter => {
  const windows = new Map<string, RateWindow>()

  const prune = (at: number) => {
    for (const [key, window] of windows) if (at - window.startedAt >= windowMs) windows.delete(key)
    // Map keeps insertion order: a key's window is re-inserted when it opens, so the first keys
    // are the oldest windows.
    for (const key of windows.keys()) {
      if (windows.size <= maxKeys) break
      windows.delete(key)
    }
  }

  return {
    hit: (key) => {
      if (limit <= 0) return { allowed: true, remaining: Number.POSITIVE_INFINITY }
      const at = now()
      const previous = windows.get(key)
      const { window, decision } = takeAttempt({ window: previous, now: at, limit, windowMs })
      if (window !== previous) {
        if (previous && window.startedAt !== previous.startedAt) windows.delete(key)
        windows.set(key, window)
      }
      if (windows.size > maxKeys) prune(at)
      return decision
    },
    size: () => windows.size,
  }
}

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i

/** Expands an IPv6 address to its eight groups, or returns `null` when it is not one. */
const ipv6Groups = (address: string): string[] | null => {
  if (!address.includes(':') || !/^[0-9a-f:.]+$/i.test(address)) return null
  const halves = address.split('::')
  if (halves.length > 2) return null
  const part = (text: string | undefined) => (text ? text.split(':') : [])
  const head = part(halves[0])
  const tail = part(halves[1])
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]
  return groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))
    ? groups.map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    : null
}

/**
 * The address a rate limit counts against. IPv4 addresses (also written as IPv4-mapped IPv6)
 * count on their own; an IPv6 address counts with its /64 network, because one client usually
 * holds a whole /64 and could otherwise try from a fresh address each time.
 *
 * @example
 * rateLimitKey('::ffff:203.0.113.7') // '203.0.113.7'
 * rateLimitKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export const rateLimitKey = (address: string): string => {
  const trimmed = address.trim().replace(/^\[|\]$/g, '')
  const mapped = IPV4_MAPPED.exec(trimmed)
  if (mapped?.[1]) return mapped[1]
  const groups = ipv6Groups(trimmed)
  if (groups) return `${groups.slice(0, 4).join(':')}::/64`
  return trimmed.toLowerCase()
}

/**
 * The client's address from `X-Forwarded-For` as the CMS receives it, counting `trustedProxies`
 * entries from the right. Each proxy in front of the CMS appends the address it was reached
 * from, so with one proxy the last entry is the client as that proxy saw it; entries further
 * left were written by the client and prove nothing. With no proxy, Next puts the socket address
 * there itself (when the client sent no header), so the last entry is still the one to take.
 * Returns `null` when there is no usable entry.
 *
 * @example
 * clientAddress({ forwardedFor: '198.51.100.9, 203.0.113.7', trustedProxies: 1 }) // '203.0.113.7'
 * clientAddress({ forwardedFor: '198.51.100.9, 203.0.113.7, 10.0.0.2', trustedProxies: 2 }) // '203.0.113.7'
 */
export const clientAddress = ({
  forwardedFor,
  trustedProxies = 1,
}: {
  forwardedFor: string | null | undefined
  trustedProxies?: number
}): string | null => {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  if (hops.length === 0) return null
  const fromRight = Math.max(1, Math.floor(trustedProxies))
  // Fewer entries than proxies: the request did not come through all of them; take the first.
  return hops[Math.max(0, hops.length - fromRight)] ?? null
}
