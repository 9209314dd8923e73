import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import type { PublishCandidate } from '@copydesk/workflow/publishReadiness'
import { publishProblems } from '@copydesk/workflow/publishReadiness'

/**
 * Drafts may be incomplete; the version that goes live may not. Refuses a publish with a 400
 * that names every field at fault.
 */
export const enforcePublishReadiness =
  (collection: PublishCandidate['collection']): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    if (data._status !== 'published') return data
    const merged = { ...originalDoc, ...data }
    const problems = publishProblems({ doc: { collection, ...merged } })
    if (problems.length > 0) {
      throw new ValidationError({
        collection,
        errors: problems.map(({ field, message }) => ({ path: field, message })),
        req,
      })
    }
    return data
  }
