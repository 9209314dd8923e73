import { APIError, ValidationError } from 'payload'

import type { Refusal } from '@copydesk/workflow/transitions'

/**
 * A person was refused (403), with the reason they can act on. It carries Payload's `Forbidden`
 * name, so the log records it as information, not as a server error with a stack trace: a writer
 * trying to edit a story in review is not a fault of the server.
 */
class Refused extends APIError {
  constructor(reason: string) {
    super(reason, 403, undefined, true)
    this.name = 'Forbidden'
  }
}

/**
 * Turns a refusal from the rules into the HTTP answer: 403 with the reason when the person may
 * not do it, 400 naming the field when the input is wrong. `isPublic` keeps the reason in
 * production responses.
 */
export const refusalError = ({
  refusal,
  collection,
}: {
  refusal: Refusal
  collection?: string
}): Error =>
  refusal.code === 'invalid' && refusal.field
    ? new ValidationError({
        collection,
        errors: [{ path: refusal.field, message: refusal.reason }],
      })
    : refusal.code === 'invalid'
      ? new APIError(refusal.reason, 400, undefined, true)
      : new Refused(refusal.reason)

/** A 403 with a reason a person can act on. */
export const forbidden = (reason: string): Error => new Refused(reason)
