/**
 * Topics as documents: who may manage and read them, articles naming them (found or created by
 * slug), the queries the topic pages run, and the migration that turns the free-text topics of
 * an existing database into references, idempotently, in articles and their versions.
 */
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@copydesk/types/payload-types'

import { migrations } from '../../src/migrations'
import { convertStringTopics } from '../../src/migrations/20261201_170000_topics_collection'
import { paragraph, root, text } from '../helpers/lexical'
import { testPayload, uid } from '../helpers/payload'

let payload: Payload
const people = {} as Record<'editor' | 'writer', User>
let authorId: string

const context = { disableRevalidate: true }

beforeAll(async () => {
  payload = await testPayload()
  const tag = uid()
  for (const role of ['editor', 'writer'] as const) {
    people[role] = await payload.create({
      collection: 'users',
      data: {
        email: `${role}-topics-${tag}@example.com`,
        name: `${role} ${tag}`,
        roles: [role],
        password: 'topics-password-123',
      },
    })
  }
  const author = await payload.create({
    collection: 'authors',
    data: { name: `Topics byline ${tag}`, _status: 'published' },
    context,
  })
  authorId = author.id
})

afterAll(async () => {
  for (const collection of ['articles', 'topics', 'authors', 'users'] as const)
    await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
})

const publishedArticle = (data: Record<string, unknown>) =>
  payload.create({
    collection: 'articles',
    data: {
      title: `Story ${uid()}`,
      authors: [authorId],
      body: root(paragraph(text('Body.'))),
      _status: 'published',
      workflowState: 'published',
      publishedAt: new Date().toISOString(),
      ...data,
    } as never,
    context: { ...context, workflowSystem: true },
  })

const rawTopics = async (id: string) =>
  (await payload.db.collections.articles?.collection.findOne({ _id: new ObjectId(id) }))?.topics

describe('access', () => {
  it('lets editors manage topics, writers and readers only read them', async () => {
    const name = `Access ${uid()}`
    await expect(
      payload.create({
        collection: 'topics',
        data: { name },
        user: people.writer,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/not allowed/i)
    const topic = await payload.create({
      collection: 'topics',
      data: { name, description: 'Who may do what.' },
      user: people.editor,
      overrideAccess: false,
      context,
    })
    expect(topic.slug).toBe(name.toLowerCase().replace(' ', '-'))
    await expect(
      payload.update({
        collection: 'topics',
        id: topic.id,
        data: { name: 'Renamed' },
        user: people.writer,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/not allowed/i)
    const read = await payload.find({
      collection: 'topics',
      where: { slug: { equals: topic.slug } },
      overrideAccess: false,
    })
    expect(read.docs.map((doc) => doc.description)).toEqual(['Who may do what.'])
  })
})

describe('articles naming their topics', () => {
  it('turns names into the topics with those slugs, creating them for editors', async () => {
    const tag = uid()
    const existing = await payload.create({
      collection: 'topics',
      data: { name: `Défense ${tag}` },
      context,
    })
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: `Named ${tag}`,
        _status: 'draft',
        authors: [authorId],
        topics: [`defense ${tag}`, `Brand New ${tag}`, existing.id],
      },
      user: people.editor,
      overrideAccess: false,
      draft: true,
      context,
    })
    const created = await payload.find({
      collection: 'topics',
      where: { slug: { equals: `brand-new-${tag}` } },
    })
    expect(created.docs.map((doc) => doc.name)).toEqual([`Brand New ${tag}`])
    // In the order given, each topic once.
    expect((await rawTopics(article.id))?.map(String)).toEqual([existing.id, created.docs[0]?.id])
  })

  it('refuses a writer naming a topic that does not exist, and accepts one that does', async () => {
    const tag = uid()
    const error = await payload
      .create({
        collection: 'articles',
        data: { title: `Writer ${tag}`, authors: [authorId], topics: [`Invented ${tag}`] },
        user: people.writer,
        overrideAccess: false,
        draft: true,
        context,
      })
      .then(
        () => null,
        (e: unknown) => e as { data?: { errors?: { path: string; message: string }[] } },
      )
    expect(error?.data?.errors?.[0]).toMatchObject({
      path: 'topics',
      message: expect.stringContaining(`Invented ${tag}`),
    })
    expect(
      (
        await payload.count({
          collection: 'topics',
          where: { slug: { equals: `invented-${tag}` } },
        })
      ).totalDocs,
    ).toBe(0)

    await payload.create({ collection: 'topics', data: { name: `Picked ${tag}` }, context })
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: `Writer ok ${tag}`,
        _status: 'draft',
        authors: [authorId],
        topics: [`Picked ${tag}`],
      },
      user: people.writer,
      overrideAccess: false,
      draft: true,
      context,
    })
    expect(await rawTopics(article.id)).toHaveLength(1)
  })
})

describe('topic page queries', () => {
  it('find a topic by slug and its published stories by its id, newest first', async () => {
    const tag = uid()
    const topic = await payload.create({
      collection: 'topics',
      data: { name: `Page ${tag}` },
      context,
    })
    const older = await publishedArticle({
      topics: [topic.id],
      publishedAt: '2024-01-01T12:00:00.000Z',
    })
    const newer = await publishedArticle({
      topics: [topic.id],
      publishedAt: '2025-01-01T12:00:00.000Z',
    })
    await publishedArticle({ topics: [] })
    const found = await payload.find({
      collection: 'topics',
      where: { slug: { equals: `page-${tag}` } },
      overrideAccess: false,
    })
    expect(found.docs.map((doc) => doc.id)).toEqual([topic.id])
    const stories = await payload.find({
      collection: 'articles',
      where: { and: [{ _status: { equals: 'published' } }, { topics: { in: [topic.id] } }] },
      sort: '-publishedAt',
      depth: 1,
      overrideAccess: false,
    })
    expect(stories.docs.map((doc) => doc.id)).toEqual([newer.id, older.id])
    // Populated for the cards: name and slug.
    expect(stories.docs[0]?.topics?.[0]).toMatchObject({ name: `Page ${tag}`, slug: `page-${tag}` })
  })
})

describe('the migration from free-text topics', () => {
  it('turns string topics into references in articles and versions, and changes nothing the second time', async () => {
    const tag = uid()
    const kept = await payload.create({
      collection: 'topics',
      data: { name: `Cuba ${tag}` },
      context,
    })
    const article = await publishedArticle({ title: `Old shape ${tag}` })
    const names = [`North Korea ${tag}`, `cuba ${tag}`, `North  Korea ${tag}`]
    // The shape a database from before topics were documents holds.
    const oid = new ObjectId(article.id)
    await payload.db.collections.articles?.collection.updateOne(
      { _id: oid },
      { $set: { topics: names } },
    )
    await payload.db.versions.articles?.collection.updateMany(
      { parent: oid },
      { $set: { 'version.topics': names } },
    )
    const updatedAt = (await payload.db.collections.articles?.collection.findOne({ _id: oid }))
      ?.updatedAt

    const req = { payload, transactionID: undefined } as never
    const first = await convertStringTopics({ payload, req })
    expect(first.articlesChanged).toBeGreaterThanOrEqual(1)
    expect(first.versionsChanged).toBeGreaterThanOrEqual(1)

    const northKorea = await payload.find({
      collection: 'topics',
      where: { slug: { equals: `north-korea-${tag}` } },
    })
    expect(northKorea.docs.map((doc) => doc.name)).toEqual([`North Korea ${tag}`])
    // An existing topic with the same slug is reused, and each topic appears once.
    expect((await rawTopics(article.id))?.map(String)).toEqual([northKorea.docs[0]?.id, kept.id])
    const raw = await payload.db.collections.articles?.collection.findOne({ _id: oid })
    expect(raw?.topics?.every((id: unknown) => id instanceof ObjectId)).toBe(true)
    expect(raw?.updatedAt).toEqual(updatedAt)
    const versions = await payload.db.versions.articles?.collection.find({ parent: oid }).toArray()
    for (const version of versions ?? [])
      expect(version.version.topics.map(String)).toEqual([northKorea.docs[0]?.id, kept.id])

    // Readers get the populated topics, as for an article written today.
    const read = await payload.findByID({ collection: 'articles', id: article.id, depth: 1 })
    expect(read.topics?.map((t) => (typeof t === 'object' ? t.slug : t))).toEqual([
      `north-korea-${tag}`,
      `cuba-${tag}`,
    ])

    const second = await convertStringTopics({ payload, req })
    expect(second).toEqual({ topicsCreated: 0, articlesChanged: 0, versionsChanged: 0 })
  })

  it('runs once through Payload’s migration runner, which records it', async () => {
    await payload.db.migrate({ migrations })
    await payload.db.migrate({ migrations })
    const recorded = await payload.find({
      collection: 'payload-migrations',
      where: { name: { equals: '20261201_170000_topics_collection' } },
    })
    expect(recorded.totalDocs).toBe(1)
  })
})
