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

/** A task that carries out one kind of schedule when its time comes. */
const scheduledTask = ({
  slug,
  label,
  field,
  action,
}: {
  slug: 'publishScheduled' | 'unpublishScheduled'
  label: string
  field: 'publishAt' | 'unpublishAt'
  action: TransitionAction
}): TaskConfig => ({
  slug,
  label,
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: field, type: 'text', required: true },
  ],
  outputSchema: [{ name: 'skipped', type: 'checkbox' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
  handler: async ({ input, req }) => {
    const values = input as unknown as Record<string, string>
    return runScheduled({
      req,
      collection: values.collection ?? '',
      id: values.id ?? '',
      at: values[field] ?? '',
      field,
      action,
    })
  },
})

/**
 * Publishes a scheduled document when its time comes (scheduled → published). Queued by the
 * Schedule action with `waitUntil`; the queue's poller checks every second. A failure is retried
 * and stays visible in the admin's Jobs list with its error.
 */
export const publishScheduledTask = scheduledTask({
  slug: 'publishScheduled',
  label: 'Publish on schedule',
  field: 'publishAt',
  action: 'release',
})

/** Takes a published document off the site at its unpublish time (published → archived). */
export const unpublishScheduledTask = scheduledTask({
  slug: 'unpublishScheduled',
  label: 'Unpublish on schedule',
  field: 'unpublishAt',
  action: 'expire',
})
