import type { Db, Document } from 'mongodb'
import { MongoClient } from 'mongodb'

import type { Compat } from './env.ts'

export const HOST = '127.0.0.1'

export function buildUri(port: number, dbName: string, replicaSet?: string): string {
  const base = `mongodb://${HOST}:${port}/${encodeURIComponent(dbName)}`
  return replicaSet
    ? `${base}?replicaSet=${encodeURIComponent(replicaSet)}&directConnection=true`
    : base
}

/** target: a port on HOST, or a full connection string (DocumentDB needs credentials and TLS). */
export async function withClient<T>(
  target: number | string,
  timeoutMs: number,
  work: (client: MongoClient) => Promise<T>,
): Promise<T> {
  const uri =
    typeof target === 'number' ? `mongodb://${HOST}:${target}/?directConnection=true` : target
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  })
  try {
    await client.connect()
    return await work(client)
  } finally {
    await client.close().catch(() => undefined)
  }
}

/** mongo-java-server only knows the legacy `isMaster`; MongoDB still accepts it as an alias of `hello`. */
export async function helloReply(admin: Db): Promise<Document> {
  return admin.command({ isMaster: 1 })
}

export type ProbeResult = { replicaSet: string | undefined; compat: Compat }

/** What answers a MongoDB ping on the port, or undefined when nothing does. */
export async function probe(
  target: number | string,
  timeoutMs: number,
): Promise<ProbeResult | undefined> {
  try {
    return await withClient(target, timeoutMs, async (client) => {
      const admin = client.db('admin')
      await admin.command({ ping: 1 })
      const hello = await helloReply(admin)
      const buildInfo = await admin.command({ buildInfo: 1 }).catch(() => ({}) as Document)
      return {
        replicaSet: typeof hello.setName === 'string' ? hello.setName : undefined,
        // mongo-java-server's buildInfo is a bare version; every mongod reports its gitVersion. This
        // recognises a memory stand-in, which leaves no marker behind.
        compat:
          typeof buildInfo.version === 'string' && !('gitVersion' in buildInfo)
            ? 'mongo-java-server'
            : 'mongodb',
      }
    })
  } catch {
    return undefined
  }
}
