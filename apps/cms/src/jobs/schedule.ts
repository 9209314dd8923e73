import type { PayloadRequest, TaskConfig } from 'payload'

import type { TransitionAction } from '@copydesk/workflow/transitions'

import { performTransition } from '../workflow/perform'
import { findLatest } from '../workflow/subject'

const runScheduled = async ({
  req,
  collection,
  id,
  at,
  field,
  action,
}: {
  req: PayloadRequest
  collection: string
  id: string
  at: string
  field: 'publishAt' | 'unpublishAt'
  action: TransitionAction
}) => {
  const latest = await findLatest({ collection: collection as 'articles', id, req })
  // Cancelled, rescheduled or edited since: the schedule this job was queued for is gone.
  const scheduled = latest?.[field]
  if (!latest || !scheduled || new Date(scheduled).getTime() !== new Date(at).getTime())
    return { output: { skipped: true } }
  await performTransition({ req, collection, id, input: { action }, asSystem: true })
  return { output: { skipped: false } }
}

/**
 * Publishes a scheduled document when its time comes (scheduled → published). Queued by the
 * Schedule action with `waitUntil`; the queue's poller checks every second. A failure is retried
 * and stays visible in the admin's Jobs list with its error.
 */
export const publishScheduledTask: TaskConfig<'publishScheduled'> = {
  slug: 'publishScheduled',
  label: 'Publish on schedule',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'publishAt', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'skipped', type: 'checkbox' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
  handler: async ({ input, req }) =>
    runScheduled({
      req,
      collection: input.collection,
      id: input.id,
      at: input.publishAt,
      field: 'publishAt',
      action: 'release',
    }),
}

/** Takes a published document off the site at its unpublish time (published → archived). */
export const unpublishScheduledTask: TaskConfig<'unpublishScheduled'> = {
  slug: 'unpublishScheduled',
  label: 'Unpublish on schedule',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'unpublishAt', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'skipped', type: 'checkbox' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
  handler: async ({ input, req }) =>
    runScheduled({
      req,
      collection: input.collection,
      id: input.id,
      at: input.unpublishAt,
      field: 'unpublishAt',
      action: 'expire',
    }),
}
