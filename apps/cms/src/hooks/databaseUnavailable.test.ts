import { describe, expect, it } from 'vitest'

import { isDatabaseUnavailable } from './databaseUnavailable'

const named = (name: string, message = 'x'): Error => Object.assign(new Error(message), { name })

describe('isDatabaseUnavailable', () => {
  it("recognises the driver's errors for a database that cannot be reached", () => {
    for (const name of [
      'MongoServerSelectionError',
      'MongoNetworkError',
      'MongoNetworkTimeoutError',
      'MongoPoolClearedError',
      'MongoNotConnectedError',
      'MongoTopologyClosedError',
    ])
      expect(isDatabaseUnavailable(named(name)), name).toBe(true)
  })

  it('looks through the errors that wrap it (cause, GraphQL originalError)', () => {
    const cause = named('MongoNetworkError')
    expect(isDatabaseUnavailable(new Error('query failed', { cause }))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('gql'), { originalError: cause }))).toBe(
      true,
    )
  })

  it('leaves refusals by the database and everything else alone', () => {
    expect(isDatabaseUnavailable(named('MongoServerError', 'E11000 duplicate key'))).toBe(false)
    expect(isDatabaseUnavailable(named('ValidationError'))).toBe(false)
    expect(isDatabaseUnavailable('MongoNetworkError')).toBe(false)
    const loop = new Error('loop') as Error & { cause?: unknown }
    loop.cause = loop
    expect(isDatabaseUnavailable(loop)).toBe(false)
  })
})
