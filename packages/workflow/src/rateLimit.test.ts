import { describe, expect, it } from 'vitest'

import { clientAddress, createRateLimiter, rateLimitKey, takeAttempt } from './rateLimit.ts'

const settings = { limit: 3, windowMs: 60_000 }

describe('takeAttempt', () => {
  it('opens a window at the first attempt and counts down what is left', () => {
    const first = takeAttempt({ ...settings, window: undefined, now: 1_000 })
    expect(first).toEqual({
      window: { startedAt: 1_000, count: 1 },
      decision: { allowed: true, remaining: 2 },
    })
  })

  it('refuses past the limit, saying when the window ends, without counting the refusal', () => {
    const full = { startedAt: 1_000, count: 3 }
    const refused = takeAttempt({ ...settings, window: full, now: 16_000 })
    expect(refused.decision).toEqual({ allowed: false, retryAfterSeconds: 45 })
    expect(refused.window).toEqual(full)
  })

  it('rounds the wait up and never says zero seconds', () => {
    const full = { startedAt: 0, count: 3 }
    expect(takeAttempt({ ...settings, window: full, now: 59_999 }).decision).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    })
    expect(takeAttempt({ ...settings, window: full, now: 100 }).decision).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    })
  })

  it('starts a fresh window once the old one has ended', () => {
    const next = takeAttempt({ ...settings, window: { startedAt: 0, count: 3 }, now: 60_000 })
    expect(next).toEqual({
      window: { startedAt: 60_000, count: 1 },
      decision: { allowed: true, remaining: 2 },
    })
  })

  it('starts afresh when the clock went backwards', () => {
    const next = takeAttempt({ ...settings, window: { startedAt: 50_000, count: 3 }, now: 1_000 })
    expect(next.decision.allowed).toBe(true)
  })
})

describe('createRateLimiter', () => {
  it('limits each key on its own, with an injected clock', () => {
    let clock = 0
    const limiter = createRateLimiter({ ...settings, now: () => clock })
    expect([1, 2, 3].map(() => limiter.hit('a').allowed)).toEqual([true, true, true])
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 60 })
    expect(limiter.hit('b')).toEqual({ allowed: true, remaining: 2 })
    clock = 30_000
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 30 })
    clock = 60_000
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 2 })
  })

  it('keeps memory bounded: ended windows go first, then the oldest', () => {
    let clock = 0
    const limiter = createRateLimiter({ ...settings, now: () => clock, maxKeys: 3 })
    for (const key of ['a', 'b', 'c']) limiter.hit(key)
    clock = 61_000
    limiter.hit('d')
    // 'a'…'c' had ended, so they went.
    expect(limiter.size()).toBe(1)
    for (const key of ['e', 'f', 'g']) limiter.hit(key)
    // All four are open: the oldest, 'd', went, and 'd' starts over.
    expect(limiter.size()).toBe(3)
    for (let i = 0; i < 3; i++) expect(limiter.hit('d').allowed).toBe(true)
    expect(limiter.hit('d').allowed).toBe(false)
    expect(limiter.size()).toBe(3)
  })

  it('turns off with a limit of 0', () => {
    const limiter = createRateLimiter({ limit: 0, windowMs: 60_000 })
    for (let i = 0; i < 100; i++) expect(limiter.hit('a').allowed).toBe(true)
    expect(limiter.size()).toBe(0)
  })
})

describe('clientAddress', () => {
  it('takes the entry the nearest trusted proxy wrote', () => {
    const forwardedFor = '198.51.100.9, 203.0.113.7'
    expect(clientAddress({ forwardedFor, trustedProxies: 1 })).toBe('203.0.113.7')
    expect(clientAddress({ forwardedFor: `${forwardedFor}, 10.0.0.2`, trustedProxies: 2 })).toBe(
      '203.0.113.7',
    )
  })

  it('ignores what a client writes in front of it', () => {
    for (const spoofed of ['1.1.1.1', '2.2.2.2, 3.3.3.3'])
      expect(clientAddress({ forwardedFor: `${spoofed}, 203.0.113.7` })).toBe('203.0.113.7')
  })

  it('takes the only entry, and the first when there are fewer entries than proxies', () => {
    expect(clientAddress({ forwardedFor: '203.0.113.7' })).toBe('203.0.113.7')
    expect(clientAddress({ forwardedFor: ' 203.0.113.7 ', trustedProxies: 3 })).toBe('203.0.113.7')
  })

  it('has nothing to go on without the header', () => {
    for (const forwardedFor of [null, undefined, '', ' , '])
      expect(clientAddress({ forwardedFor })).toBeNull()
  })
})

describe('rateLimitKey', () => {
  it('counts IPv4 addresses on their own, however they are written', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7')
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(rateLimitKey('::FFFF:203.0.113.7')).toBe('203.0.113.7')
  })

  it('counts an IPv6 address with its /64', () => {
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(rateLimitKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(rateLimitKey('[2001:db8::1]')).toBe('2001:db8:0:0::/64')
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64')
  })

  it('keeps anything else as it came, lower-cased', () => {
    expect(rateLimitKey('Unknown')).toBe('unknown')
    expect(rateLimitKey('1:2:3')).toBe('1:2:3')
  })
})
