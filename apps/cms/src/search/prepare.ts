import type { Payload } from 'payload'

import { backfillSearchText, ensureTextIndex } from './store'

/**
 * At start: the text index exists, and every article gets search text of the current version
 * (articles saved before search existed are filled in once, 200 at a time, in the background so
 * a large archive does not hold up the start; later starts find nothing to do).
 */
export const prepareSearch = async (payload: Payload): Promise<void> => {
  await ensureTextIndex({ payload })
  void backfillSearchText({ payload })
    .then((filled) => {
      if (filled > 0)
        payload.logger.info(`Search: filled in the search text of ${filled} articles.`)
    })
    .catch((error: unknown) => payload.logger.error({ err: error }, 'Search: backfill failed.'))
}
