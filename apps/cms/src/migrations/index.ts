import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import * as statusInListIndexes from './20261201_210000_status_in_list_indexes'
import * as topicsCollection from './20261201_170000_topics_collection'

/**
 * Every schema migration, in order. Production runs the pending ones when the CMS connects
 * (`prodMigrations`) or with `payload migrate`; development runs them at start (startup.ts).
 * Each one is idempotent and records itself in `payload-migrations`.
 *
 * Payload's own runner types the arguments as `unknown` and the adapter as its Mongo arguments;
 * taking `unknown` here fits both.
 */
export const migrations = [
  {
    name: '20261201_170000_topics_collection',
    up: (args: unknown) => topicsCollection.up(args as MigrateUpArgs),
    down: (args: unknown) => topicsCollection.down(args as MigrateDownArgs),
  },
  {
    name: '20261201_210000_status_in_list_indexes',
    up: (args: unknown) => statusInListIndexes.up(args as MigrateUpArgs),
    down: (args: unknown) => statusInListIndexes.down(args as MigrateDownArgs),
  },
]
