export type GraphqlBody = {
  data?: Record<string, unknown> | null
  errors?: { extensions?: { statusCode?: number } }[]
}

/**
 * The HTTP status of a GraphQL answer that failed as a whole for bad input: the status its
 * errors carry (400 for a ValidationError, a variable of the wrong type or a malformed query)
 * instead of graphql-http's 200, and 503 when every error was the database being unreachable. A
 * partial success, or any other failure that was the server's, keeps it.
 *
 * @example
 * graphqlStatus({ body: { data: { createArticle: null }, errors: [{ extensions: { statusCode: 400 } }] }, status: 200 }) // → 400
 */
export const graphqlStatus = ({ body, status }: { body: GraphqlBody; status: number }): number => {
  if (status !== 200 || !body.errors?.length) return status
  const roots = body.data ? Object.values(body.data) : []
  if (roots.some((root) => root !== null)) return status
  const statuses = body.errors.map((error) => error.extensions?.statusCode ?? 400)
  // The database was unreachable (hooks/databaseUnavailable.ts): the client should retry.
  if (statuses.every((code) => code === 503)) return 503
  if (statuses.some((code) => code >= 500 || code < 400)) return status
  return statuses[0] ?? 400
}
