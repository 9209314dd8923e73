import type { AfterErrorHook } from 'payload'

import type { FieldError } from '../validation/databaseErrors'
import { databaseFieldErrors } from '../validation/databaseErrors'

const fieldErrorsOf = (error: Error): FieldError[] | undefined => {
  const data = (error as Error & { data?: { errors?: unknown } }).data
  return Array.isArray(data?.errors) ? (data.errors as FieldError[]) : undefined
}

/** The sentence above a field list, as Payload words it. */
export const fieldListMessage = (errors: FieldError[]): string =>
  `The following ${errors.length === 1 ? 'field is' : 'fields are'} invalid: ${errors
    .map(({ path, label }) => label ?? path)
    .join(', ')}`

/**
 * The body of a 400 naming each field: Payload's REST shape for a ValidationError. Used for
 * Payload's own validation errors, translated database errors and the request checks in front of
 * the route handlers (src/validation/guardRequest.ts), so clients read one format.
 *
 * @example
 * fieldErrorResponse({ errors: [{ path: 'limit', message: 'Expected a whole number.' }] })
 */
export const fieldErrorResponse = ({
  errors,
  message = fieldListMessage(errors),
}: {
  errors: FieldError[]
  message?: string
}) => ({
  errors: [
    {
      name: 'ValidationError',
      message,
      data: {
        errors: errors.map(({ path, message, label }) => ({
          path,
          message,
          ...(label ? { label } : {}),
        })),
      },
    },
  ],
})

/**
 * Every 4xx caused by bad input names each field (and every public 4xx keeps its reason) and says what is wrong with it. In the
 * production build the bundler renames Payload's error classes, so its REST error formatter no
 * longer recognises a ValidationError and answers with a one-line message; this puts the field
 * list back, recognising the error by its shape (a 400 carrying field errors) instead. A value
 * the database driver could not store (a cast error) is the client's fault too: 400, not 500.
 */
export const reportFieldErrors: AfterErrorHook = ({ error, result, graphqlResult }) => {
  const cause = (error as Error & { originalError?: Error }).originalError ?? error
  const fromDatabase = databaseFieldErrors(cause)
  if (fromDatabase) {
    const message = fieldListMessage(fromDatabase)
    if (result) return { status: 400, response: fieldErrorResponse({ errors: fromDatabase }) }
    if (graphqlResult)
      return {
        graphqlResult: {
          ...graphqlResult,
          message,
          extensions: {
            ...graphqlResult.extensions,
            name: 'ValidationError',
            statusCode: 400,
            data: { errors: fromDatabase },
          },
        },
      }
    return
  }
  const { status, isPublic } = cause as Error & { status?: number; isPublic?: boolean }
  const errors = fieldErrorsOf(cause)
  // GraphQL reports the thrown class's name, which the production build shortens to a letter.
  if (graphqlResult && errors && status === 400)
    return {
      graphqlResult: {
        ...graphqlResult,
        extensions: { ...graphqlResult.extensions, name: 'ValidationError' },
      },
    }
  // A refusal meant for people (a workflow 403 with its reason) keeps its message too.
  if (result && !errors && isPublic && status && status >= 400 && status < 500)
    return { status, response: { errors: [{ message: cause.message }] } }
  if (!result || !errors || status !== 400) return
  return { status: 400, response: fieldErrorResponse({ errors, message: cause.message }) }
}
