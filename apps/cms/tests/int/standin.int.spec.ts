/**
 * What the bundled stand-in lacks, and proof that the adapter settings in src/database.ts work
 * around it (docs/database.md). Skipped against real MongoDB, which needs no workaround.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { databaseAdapterOptions } from '../../src/database'
import { env } from '../../src/env'
import { testPayload } from '../helpers/payload'

const isStandIn = env.DATABASE_COMPAT === 'mongo-java-server'

describe.runIf(isStandIn)('the mongo-java-server stand-in', () => {
  let payload: Payload
  beforeAll(async () => {
    payload = await testPayload()
  })

  it('gets the stand-in settings, and real MongoDB keeps the defaults', () => {
    expect(databaseAdapterOptions).toMatchObject({
      useJoinAggregations: false,
      ensureIndexes: true,
      connectOptions: { autoIndex: false },
    })
  })

  it("rejects the $lookup form Payload's join aggregations use", async () => {
    const articles = payload.db.collections.articles?.collection
    await expect(
      articles
        ?.aggregate([
          {
            $lookup: {
              from: 'authors',
              localField: 'authors',
              foreignField: '_id',
              pipeline: [{ $limit: 1 }],
              as: 'x',
            },
          },
        ])
        .toArray(),
    ).rejects.toThrow(/lookup/i)
  })

  it('has the unique slug index in place as soon as Payload has connected', async () => {
    for (const slug of ['articles', 'faqs', 'authors'] as const) {
      const indexes = await payload.db.collections[slug]?.collection.indexes()
      expect(indexes?.find((index) => index.key.slug === 1)?.unique).toBe(true)
    }
  })

  it('runs without transactions, so multi-document writes validate before they write', async () => {
    // Without a replica set the adapter switches transactions off: beginTransaction yields no id.
    expect((payload.db as { transactionOptions?: unknown }).transactionOptions).toBe(false)
    expect(await payload.db.beginTransaction()).toBeNull()
  })
})
