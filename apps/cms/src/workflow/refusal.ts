import { APIError, ValidationError } from 'payload'

import type { Refusal } from '@copydesk/workflow/transitions'

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
    : new APIError(refusal.reason, refusal.code === 'invalid' ? 400 : 403, undefined, true)

/** A 403 with a reason a person can act on. */
export const forbidden = (reason: string): Error => new APIError(reason, 403, undefined, true)
