import type { Args as MongooseAdapterArgs, MongooseAdapter } from '@payloadcms/db-mongodb'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import type { DatabaseAdapterObj } from 'payload'

import { watchDatabaseHealth } from './databaseHealth'
import { databaseUri, env } from './env'
import { migrations } from './migrations'

/**
 * Payload's defaults, on real MongoDB and on DocumentDB (the local engine) alike, except for what a
 * database outage does to a request: Mongoose would hold every query for up to 10 s waiting for the
 * connection, and the driver waits 30 s to find a server. Here a request fails after
 * DATABASE_TIMEOUT_MS and answers 503 with Retry-After (hooks/databaseUnavailable.ts); the driver
 * reconnects by itself when the database is back. See docs/database.md.
 */
export const databaseAdapterOptions: MongooseAdapterArgs = {
  url: databaseUri,
  connectOptions: {
    bufferCommands: false,
    serverSelectionTimeoutMS: env.DATABASE_TIMEOUT_MS,
    // How soon the driver notices the database went away or came back (default 10 s).
    heartbeatFrequencyMS: 2_000,
  },
  // Pending schema migrations run when a production server connects (src/migrations).
  prodMigrations: migrations,
}

/**
 * Payload's adapter turns transactions off unless the connection string names a replica set.
 * A sharded router (mongos, and DocumentDB's gateway, which answers `hello` as one) runs them as
 * well, so after connecting we hand them back when the server says it is one. The connection's
 * driver is also watched for outages (databaseHealth.ts).
 */
export const databaseAdapter = (): DatabaseAdapterObj => {
  const base = mongooseAdapter(databaseAdapterOptions)
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as MongooseAdapter
      const { beginTransaction, connect, transactionOptions } = adapter
      if (!connect) return adapter
      adapter.connect = async function connectWatched(this: MongooseAdapter, options) {
        await connect.call(this, options)
        watchDatabaseHealth(this.connection.getClient())
        if (transactionOptions === undefined) return
        // isMaster: the name every server version answers; any failure means no router.
        const hello = await this.connection.db
          ?.admin()
          .command({ isMaster: 1 })
          .catch(() => undefined)
        if (hello?.msg === 'isdbgrid') {
          this.beginTransaction = beginTransaction
          this.transactionOptions = transactionOptions
        }
      }
      return adapter
    },
  }
}
