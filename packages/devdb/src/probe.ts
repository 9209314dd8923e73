import type { Db, Document } from 'mongodb'
import { MongoClient } from 'mongodb'

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

/** The legacy `isMaster`, which every MongoDB and DocumentDB still answers as an alias of `hello`. */
export async function helloReply(admin: Db): Promise<Document> {
  return admin.command({ isMaster: 1 })
}

export type ProbeResult = { replicaSet: string | undefined }

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
      return { replicaSet: typeof hello.setName === 'string' ? hello.setName : undefined }
    })
  } catch {
    return undefined
  }
}
