import type { AfterErrorHook } from 'payload'

type FieldError = { path: string; message: string; label?: string }

const fieldErrorsOf = (error: Error): FieldError[] | undefined => {
  const data = (error as Error & { data?: { errors?: unknown } }).data
  return Array.isArray(data?.errors) ? (data.errors as FieldError[]) : undefined
}

/**
 * Every 4xx caused by bad input names each field and says what is wrong with it. In the
 * production build the bundler renames Payload's error classes, so its REST error formatter no
 * longer recognises a ValidationError and answers with a one-line message; this puts the field
 * list back, recognising the error by its shape (a 400 carrying field errors) instead.
 */
export const reportFieldErrors: AfterErrorHook = ({ error, result }) => {
  const errors = fieldErrorsOf(error)
  if (!result || !errors || (error as Error & { status?: number }).status !== 400) return
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
