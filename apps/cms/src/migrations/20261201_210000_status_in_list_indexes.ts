import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

/**
 * The list indexes now hold `_status` (`@copydesk/types/indexes`): Payload creates the new ones
 * when it connects, and this drops the two they replace, which would otherwise cost every write
 * and could still be chosen by the planner. Idempotent: an index already gone is skipped.
 */
const REPLACED = ['topics_1_publishedAt_1', 'authors_1_publishedAt_1']

export async function up({ payload }: MigrateUpArgs): Promise<void> {
  const collection = payload.db.collections.articles?.collection
  if (!collection) return
  const present = new Set((await collection.indexes()).map((index) => index.name))
  for (const name of REPLACED) if (present.has(name)) await collection.dropIndex(name)
}

export async function down({ payload }: MigrateDownArgs): Promise<void> {
  const collection = payload.db.collections.articles?.collection
  if (!collection) return
  await collection.createIndex({ topics: 1, publishedAt: 1 }, { name: REPLACED[0] })
  await collection.createIndex({ authors: 1, publishedAt: 1 }, { name: REPLACED[1] })
}
