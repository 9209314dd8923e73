import type { Args as MongooseAdapterArgs } from '@payloadcms/db-mongodb'

import { databaseUri, env } from './env'

/**
 * Real MongoDB keeps Payload's defaults. The bundled stand-in (mongo-java-server) lacks
 * the short `$lookup` form used for joins and races background index builds with the first
 * queries, so for it joins are resolved by Payload itself and indexes are built up front.
 * See docs/database.md.
 */
const standInOptions: Partial<MongooseAdapterArgs> = {
  useJoinAggregations: false,
  ensureIndexes: true,
  connectOptions: { autoIndex: false },
}

export const databaseAdapterOptions: MongooseAdapterArgs = {
  url: databaseUri,
  ...(env.DATABASE_COMPAT === 'mongo-java-server' ? standInOptions : {}),
}
