import type { TaskConfig } from 'payload'

import { revalidation } from '../env'
import { postTags } from '../revalidate/postTags'

/**
 * Delivers tags the reader site could not take when the change was saved. The queue's poller
 * runs the job within 5 s; a failed run is retried 10 times, after 5 s, 10 s, 20 s … 2560 s
 * (exponential backoff), about 85 minutes in all: enough to ride out a deploy or an outage. A
 * job that still fails stays in `payload-jobs` with its error; a delivered one is deleted.
 */
export const revalidateTask: TaskConfig<'revalidate'> = {
  slug: 'revalidate',
  label: 'Revalidate reader site',
  inputSchema: [{ name: 'tags', type: 'text', hasMany: true, required: true }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 5_000 } },
  handler: async ({ input }) => {
    // Revalidation may have been turned off since the job was queued; nothing to deliver then.
    if (revalidation) await postTags({ settings: revalidation, tags: input.tags })
    return { output: {} }
  },
}
