import { describeValue } from './inputShape'

export type FieldError = { path: string; message: string; label?: string }

type CastLike = { name?: string; path?: string; kind?: string; value?: unknown }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const KIND_NAMES: Record<string, string> = {
  string: 'text',
  '[string]': 'a list of text',
  date: 'a date',
  number: 'a number',
  boolean: 'true or false',
  ObjectId: 'an id',
  '[ObjectId]': 'a list of ids',
  Embedded: 'a group of fields (an object)',
}

const castMessage = ({ kind, value }: CastLike): string =>
  `Expected ${(kind && KIND_NAMES[kind]) ?? kind ?? 'another type'}, got ${describeValue(value)}.`

/**
 * The field errors hidden in an error the database driver threw for a value it could not store
 * (Mongoose's validation and cast errors, BSON's refusal of a malformed id), or undefined for any
 * other error. Those are the client's fault and answer 400 naming the field, not 500. Recognised
 * by shape, since the production build renames classes.
 *
 * @example
 * databaseFieldErrors(mongooseValidationError) // → [{ path: 'publishedAt', message: 'Expected a date, got text.' }]
 */
export const databaseFieldErrors = (error: unknown): FieldError[] | undefined => {
  if (!isRecord(error) && !(error instanceof Error)) return undefined
  const candidate = error as CastLike & { errors?: unknown; status?: unknown; data?: unknown }
  // Payload's own ValidationError carries `data` and a status; Mongoose's carries a map of causes.
  if (
    candidate.name === 'ValidationError' &&
    candidate.data === undefined &&
    isRecord(candidate.errors)
  ) {
    const errors = Object.entries(candidate.errors).map(([path, cause]) => ({
      path,
      message: castMessage(isRecord(cause) ? (cause as CastLike) : {}),
    }))
    return errors.length > 0 ? errors : undefined
  }
  if (candidate.name === 'CastError' && typeof candidate.path === 'string')
    return [{ path: candidate.path, message: castMessage(candidate) }]
  if (candidate.name === 'BSONError')
    return [{ path: 'id', message: 'An id in the request is not a valid id.' }]
  return undefined
}
