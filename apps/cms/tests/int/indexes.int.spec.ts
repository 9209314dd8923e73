/**
 * The indexes the reader site relies on (`@copydesk/types/indexes`) exist in the database Payload
 * built, the migration drops the ones they replaced, and the engine answers a list's filter
 * (what the site asks plus the readers' "published only") from one of them.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { SITE_INDEXES } from '@copydesk/types/indexes'

import { up } from '../../src/migrations/20261201_210000_status_in_list_indexes'
import { testPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  // Mongoose builds a model's indexes in the background once connected; wait for them.
  await payload.db.collections.articles?.init()
})

const articles = () => {
  const collection = payload.db.collections.articles?.collection
  if (!collection) throw new Error('no articles collection')
  return collection
}

describe('the site’s indexes', () => {
  it('are all in the database, field for field and in order', async () => {
    await articles()
      .createIndexes?.([])
      .catch(() => {})
    const stored = (await articles().indexes()).map((index) => Object.keys(index.key).join(','))
    for (const fields of SITE_INDEXES.articles) expect(stored).toContain(fields.join(','))
  })

  it('leave out the lists’ old indexes, which the migration drops, twice without complaint', async () => {
    await articles().createIndex({ topics: 1, publishedAt: 1 }, { name: 'topics_1_publishedAt_1' })
    await articles().createIndex(
      { authors: 1, publishedAt: 1 },
      { name: 'authors_1_publishedAt_1' },
    )
    const req = { payload } as Parameters<typeof up>[0]['req']
    await up({ payload, req, session: undefined } as Parameters<typeof up>[0])
    await up({ payload, req, session: undefined } as Parameters<typeof up>[0])
    const names = (await articles().indexes()).map((index) => index.name)
    expect(names).not.toContain('topics_1_publishedAt_1')
    expect(names).not.toContain('authors_1_publishedAt_1')
  })

  it('answer a topic’s year of published stories from one index', async () => {
    const topic = '6650f0c2a1b2c3d4e5f60718'
    const explained = await articles()
      .find({
        $and: [
          { topics: { $in: [topic] } },
          { publishedAt: { $gte: new Date('2020-01-01'), $lt: new Date('2021-01-01') } },
          { _status: { $eq: 'published' } },
        ],
      })
      .explain()
    const plan = JSON.stringify(explained)
    expect(plan).toContain('topics_1__status_1_publishedAt_1')
    expect(plan).not.toContain('"_status_1"')
  })

  it('answer a published story by its slug from one index', async () => {
    const explained = await articles()
      .find({ $and: [{ slug: { $eq: 'a-story' } }, { _status: { $eq: 'published' } }] })
      .explain()
    const plan = JSON.stringify(explained)
    expect(plan).toContain('slug_1__status_1')
    expect(plan).not.toContain('"_status_1"')
  })
})
