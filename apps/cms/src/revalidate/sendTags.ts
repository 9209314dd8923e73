import type { PayloadRequest } from 'payload'

import { revalidation } from '../env'
import { describeFailure, MAX_TAGS_PER_REQUEST, postTags } from './postTags'

const batches = (tags: string[]): string[][] =>
  Array.from({ length: Math.ceil(tags.length / MAX_TAGS_PER_REQUEST) }, (_, index) =>
    tags.slice(index * MAX_TAGS_PER_REQUEST, (index + 1) * MAX_TAGS_PER_REQUEST),
  )

/**
 * Tells the reader site which cached pages changed. A site that is down or slow never fails the
 * save: the tags go to the `revalidate` job, which retries until the site takes them.
 *
 * @example
 * await sendTags({ tags: ['articles', 'articles:talks-resume'], req })
 */
export const sendTags = async ({
  tags,
  req,
}: {
  tags: string[]
  req: PayloadRequest
}): Promise<void> => {
  if (!revalidation || tags.length === 0) return
  for (const batch of batches(tags)) {
    try {
      await postTags({ settings: revalidation, tags: batch })
    } catch (error) {
      req.payload.logger.warn(
        { tags: batch },
        `Could not revalidate the reader site (${describeFailure(error)}); queued a retry.`,
      )
      // `req` puts the job in the save's transaction: it exists exactly when the change does.
      await req.payload.jobs
        .queue({ task: 'revalidate', input: { tags: batch }, req })
        .catch((queueError: unknown) =>
          req.payload.logger.error(
            { err: queueError, tags: batch },
            'Could not queue the reader site revalidation; these pages stay stale until their next change.',
          ),
        )
    }
  }
}
