import type { Payload } from 'payload'

import { contentDir } from '../env'
import { formatSummary, seed } from './seed'

/** A fresh development database gets the newsroom's content without a separate step. */
export const seedIfEmpty = async ({ payload }: { payload: Payload }) => {
  const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true })
  if (totalDocs > 0) return
  payload.logger.info('Empty database: importing content/ …')
  const summary = await seed({ payload, contentDir, log: (line) => payload.logger.info(line) })
  payload.logger.info(`Content imported:\n${formatSummary(summary)}`)
}
