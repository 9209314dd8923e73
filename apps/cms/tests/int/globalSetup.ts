import { MongoClient } from 'mongodb'

import { ensureDatabase } from '@copydesk/devdb/ensure'

/**
 * Every run gets its own database: a throwaway in-memory stand-in (or, with DATABASE_URI set,
 * a fresh database name on that server), dropped when the run ends.
 */
export default async function setup() {
  const dbName = `copydesk_test_${Date.now().toString(36)}`
  const handle = await ensureDatabase({
    port: 0,
    memory: true,
    dbName,
    log: (line) => console.log(`[devdb] ${line}`),
  })
  const uri = new URL(handle.uri)
  uri.pathname = `/${dbName}`
  process.env.DATABASE_URI = uri.toString()
  process.env.DATABASE_COMPAT = handle.compat
  process.env.SEED_ON_START = 'false'
  console.log(`[devdb] integration tests use ${uri.toString()} (${handle.kind}, ${handle.compat})`)

  return async () => {
    const client = await MongoClient.connect(uri.toString(), { serverSelectionTimeoutMS: 5_000 })
    try {
      await client.db(dbName).dropDatabase()
    } finally {
      await client.close()
      await handle.stop()
    }
  }
}
