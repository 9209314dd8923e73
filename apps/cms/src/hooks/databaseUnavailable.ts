import type { AfterErrorHook } from 'payload'

/** Seconds a client is asked to wait before trying again while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable right now. Nothing was changed; try again in a few seconds.'

/**
 * The MongoDB driver's errors for "no server to talk to" (refused, reset, timed out, pool cleared,
 * client closed). Their names are string literals in the driver, so they survive the production
 * bundle's renaming of classes, unlike `instanceof`.
 */
const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
])

/**
 * Whether an error, or one it wraps (`cause`, GraphQL's `originalError`), says the database could
 * not be reached, as opposed to the database refusing the operation.
 *
 * @example
 * isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' })) // → true
 */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  const seen = new Set<unknown>()
  let current = error
  while (current instanceof Error && !seen.has(current)) {
    if (UNREACHABLE.has(current.name)) return true
    seen.add(current)
    const wrapper = current as Error & { originalError?: unknown }
    current = wrapper.originalError ?? wrapper.cause
  }
  return false
}

/** The body of the 503, in Payload's REST error shape. */
export const databaseUnavailableResponse = () => ({
  errors: [{ name: 'DatabaseUnavailable', message: DATABASE_UNAVAILABLE_MESSAGE }],
})

/**
 * A request that failed because the database is unreachable answers 503 with `Retry-After`
 * (REST), or carries statusCode 503 (GraphQL, turned into the HTTP status by guardGraphql),
 * instead of a 500 that reads like a bug.
 */
export const databaseUnavailable: AfterErrorHook = ({ error, req, result, graphqlResult }) => {
  if (!isDatabaseUnavailable(error)) return
  if (graphqlResult)
    return {
      graphqlResult: {
        ...graphqlResult,
        message: DATABASE_UNAVAILABLE_MESSAGE,
        extensions: {
          ...graphqlResult.extensions,
          name: 'DatabaseUnavailable',
          statusCode: 503,
        },
      },
    }
  if (!result) return
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  req.responseHeaders = headers
  return { status: 503, response: databaseUnavailableResponse() }
}
