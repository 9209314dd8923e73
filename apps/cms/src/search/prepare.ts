import type { Payload } from 'payload'

import { backfillSearchText, ensureTextIndex } from './store'

/**
 * At start: the text index exists, and every article has search text of the current version
 * (articles saved before search existed are filled in once; later starts find nothing to do).
 */
export const prepareSearch = async (payload: Payload): Promise<void> => {
  await ensureTextIndex({ payload })
  const filled = await backfillSearchText({ payload })
  if (filled > 0) payload.logger.info(`Search: filled in the search text of ${filled} articles.`)
}
