/**
 * The archive seeder (`npm run seed:archive`): deterministic (the same ids and slugs every run),
 * written in Payload's own shape (the site's queries and the admin's draft list read it), and it
 * knows its own documents from anyone else's.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ARCHIVE_AUTHORS, ARCHIVE_TOPICS, archiveStory } from '../../src/seed/archive/generate'
import { foreignDocuments, removeArchive, writeArchive } from '../../src/seed/archive/write'
import { testPayload } from '../helpers/payload'

let payload: Payload
const STORIES = 40

const storedStories = async () =>
  (
    await payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      sort: '-publishedAt',
      depth: 0,
      pagination: false,
      overrideAccess: false,
    })
  ).docs.map((doc) => [doc.id, doc.slug])

beforeAll(async () => {
  payload = await testPayload()
  await writeArchive({ payload, stories: STORIES, batchSize: 15 })
})

afterAll(async () => {
  await removeArchive(payload)
})

describe('the archive', () => {
  it('holds 300 topics, 800 authors and the stories asked for, all published', async () => {
    expect((await payload.count({ collection: 'topics' })).totalDocs).toBe(ARCHIVE_TOPICS)
    expect((await payload.count({ collection: 'authors', overrideAccess: false })).totalDocs).toBe(
      ARCHIVE_AUTHORS,
    )
    expect((await storedStories()).length).toBe(STORIES)
  })

  it('is read by the site’s queries: a topic page, an author page, a story by slug, populated', async () => {
    const story = archiveStory({ index: 7, total: STORIES })
    const bySlug = await payload.find({
      collection: 'articles',
      where: { and: [{ _status: { equals: 'published' } }, { slug: { equals: story.slug } }] },
      depth: 2,
      overrideAccess: false,
    })
    const doc = bySlug.docs[0]
    expect(doc?.title).toBe(story.title)
    expect(doc?.topics?.map((t) => (typeof t === 'object' ? t.id : t))).toEqual(story.topicIds)
    expect(doc?.authors?.every((a) => typeof a === 'object' && a.name)).toBe(true)
    expect(JSON.stringify(doc?.body)).toContain('"type":"heading"')

    const topicId = story.topicIds[0] ?? ''
    const byTopic = await payload.find({
      collection: 'articles',
      where: { and: [{ _status: { equals: 'published' } }, { topics: { in: [topicId] } }] },
      sort: '-publishedAt',
      depth: 1,
      overrideAccess: false,
    })
    expect(byTopic.docs.map((d) => d.id)).toContain(story.id)
    const authorId = story.authorIds[0] ?? ''
    const byAuthor = await payload.find({
      collection: 'articles',
      where: { and: [{ _status: { equals: 'published' } }, { authors: { in: [authorId] } }] },
      depth: 1,
      overrideAccess: false,
    })
    expect(byAuthor.docs.map((d) => d.id)).toContain(story.id)
  })

  it('is listed by the admin (its draft-aware list reads the versions)', async () => {
    const list = await payload.find({
      collection: 'articles',
      draft: true,
      sort: '-updatedAt',
      limit: 10,
      overrideAccess: true,
    })
    expect(list.totalDocs).toBe(STORIES)
    expect(list.docs[0]?.workflowState).toBe('published')
  })

  it('comes back with the same ids and slugs on a second run', async () => {
    const first = await storedStories()
    await removeArchive(payload)
    expect((await storedStories()).length).toBe(0)
    await writeArchive({ payload, stories: STORIES })
    expect(await storedStories()).toEqual(first)
  })

  it('tells its own documents from others, which make it refuse to run', async () => {
    expect(await foreignDocuments(payload)).toEqual({
      topics: 0,
      authors: 0,
      faqs: 0,
      articles: 0,
    })
    const topic = await payload.create({
      collection: 'topics',
      data: { name: 'Written in the admin' },
      context: { disableRevalidate: true },
    })
    expect((await foreignDocuments(payload)).topics).toBe(1)
    await payload.delete({ collection: 'topics', id: topic.id })
  })
})
