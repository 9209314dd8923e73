/**
 * Test files do not share data: each opens a database of its own (isolateDatabase.ts), so this
 * file, whatever ran before it, starts with no documents and no queued jobs.
 */
import { MongoClient } from 'mongodb'
import { describe, expect, it } from 'vitest'

describe('test isolation', () => {
  it('gives this file a database of its own, empty when the file starts', async () => {
    const uri = new URL(String(process.env.DATABASE_URI))
    const name = uri.pathname.slice(1)
    expect(name.startsWith(String(process.env.TEST_DATABASE_PREFIX))).toBe(true)
    expect(name.endsWith('setup')).toBe(false)

    const client = await MongoClient.connect(uri.toString(), { serverSelectionTimeoutMS: 5_000 })
    try {
      const collections = await client.db(name).listCollections({}, { nameOnly: true }).toArray()
      const counts = await Promise.all(
        collections.map(async ({ name: collection }) => ({
          collection,
          documents: await client.db(name).collection(collection).countDocuments(),
        })),
      )
      expect(counts.filter(({ documents }) => documents > 0)).toEqual([])
    } finally {
      await client.close()
    }
  })
})
