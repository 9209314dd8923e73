import type { Args as MongooseAdapterArgs, MongooseAdapter } from '@payloadcms/db-mongodb'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import type { DatabaseAdapterObj } from 'payload'

import { databaseUri, env } from './env'

/**
 * Real MongoDB and DocumentDB (the local engine) keep Payload's defaults. The mongo-java-server
 * stand-in lacks the short `$lookup` form used for joins and races background index builds with
 * the first queries, so for it joins are resolved by Payload itself and indexes are built up front.
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

/**
 * Payload's adapter turns transactions off unless the connection string names a replica set.
 * A sharded router (mongos, and DocumentDB's gateway, which answers `hello` as one) runs them as
 * well, so after connecting we hand them back when the server says it is one.
 */
export const databaseAdapter = (): DatabaseAdapterObj => {
  const base = mongooseAdapter(databaseAdapterOptions)
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as MongooseAdapter
      const { beginTransaction, connect, transactionOptions } = adapter
      if (!connect || transactionOptions === undefined) return adapter
      adapter.connect = async function connectWithRouterTransactions(
        this: MongooseAdapter,
        options,
      ) {
        await connect.call(this, options)
        // isMaster, not hello: the stand-in knows only the legacy name; any failure means no router.
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
