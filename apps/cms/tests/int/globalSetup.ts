import { MongoClient } from 'mongodb'

import { ensureDatabase } from '@copydesk/devdb/ensure'

import { startSiteReceiver } from '../helpers/siteReceiver'

/**
 * Every run gets its own database server: a throwaway DocumentDB cluster (or, with DATABASE_URI
 * set, that server). Each test file then takes a database of its own on it, named with this run's
 * prefix (isolateDatabase.ts); all of them are dropped when the run ends.
 */
export default async function setup() {
  const prefix = `copydesk_test_${Date.now().toString(36)}_`
  const dbName = `${prefix}setup`
  const handle = await ensureDatabase({
    port: 0,
    memory: true,
    dbName,
    log: (line) => console.log(`[devdb] ${line}`),
  })
  const uri = new URL(handle.uri)
  uri.pathname = `/${dbName}`
  process.env.DATABASE_URI = uri.toString()
  process.env.TEST_DATABASE_PREFIX = prefix
  process.env.SEED_ON_START = 'false'
  console.log(
    `[devdb] integration tests use ${uri.protocol}//${uri.host}, one database per file named ${prefix}… (${handle.kind})`,
  )

  // Every publish in every file announces itself to the reader site; this stand-in answers like
  // the site, so no test depends on (or flushes) a site someone runs on port 3000.
  // revalidate.int.spec.ts points its own Payload at a receiver it controls.
  const secret = 'copydesk-test-revalidate-secret'
  const site = await startSiteReceiver({ secret })
  process.env.WEB_URL = site.url
  process.env.REVALIDATE_SECRET = secret

  return async () => {
    await site.stop()
    const client = await MongoClient.connect(uri.toString(), { serverSelectionTimeoutMS: 5_000 })
    try {
      const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true })
      for (const { name } of databases)
        if (name.startsWith(prefix)) await client.db(name).dropDatabase()
    } finally {
      await client.close()
      await handle.stop()
    }
  }
}
