import type { AfterErrorHook } from 'payload'

type FieldError = { path: string; message: string; label?: string }

const fieldErrorsOf = (error: Error): FieldError[] | undefined => {
  const data = (error as Error & { data?: { errors?: unknown } }).data
  return Array.isArray(data?.errors) ? (data.errors as FieldError[]) : undefined
}

/**
 * Every 4xx caused by bad input names each field (and every public 4xx keeps its reason) and says what is wrong with it. In the
 * production build the bundler renames Payload's error classes, so its REST error formatter no
 * longer recognises a ValidationError and answers with a one-line message; this puts the field
 * list back, recognising the error by its shape (a 400 carrying field errors) instead.
 */
export const reportFieldErrors: AfterErrorHook = ({ error, result }) => {
  const { status, isPublic } = error as Error & { status?: number; isPublic?: boolean }
  const errors = fieldErrorsOf(error)
  // A refusal meant for people (a workflow 403 with its reason) keeps its message too.
  if (result && !errors && isPublic && status && status >= 400 && status < 500)
    return { status, response: { errors: [{ message: error.message }] } }
  if (!result || !errors || status !== 400) return
  return {
    status: 400,
    response: {
      errors: [
        {
          name: 'ValidationError',
          message: error.message,
          data: {
            errors: errors.map(({ path, message, label }) => ({
              path,
              message,
              ...(label ? { label } : {}),
            })),
          },
        },
      ],
    },
  }
}
