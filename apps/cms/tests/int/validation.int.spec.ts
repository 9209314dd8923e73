import type { Payload } from 'payload'
import { ValidationError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testPayload, uid } from '../helpers/payload'

let payload: Payload
const cleanup: { collection: 'articles' | 'authors'; id: string }[] = []

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(async () => {
  for (const { collection, id } of cleanup)
    await payload.delete({ collection, id }).catch(() => undefined)
})

/** Runs a write that must fail and returns the field paths its ValidationError names. */
const failingPaths = async (write: () => Promise<unknown>) => {
  const error = await write().then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return (error as ValidationError).data.errors.map((e) => ({ path: e.path, message: e.message }))
}

// Drafts may be incomplete (autosave stores whatever is on screen); the checks below apply to
// every save that publishes, which is where Payload validates.
describe('article validation', () => {
  let authorId: string
  beforeAll(async () => {
    const author = await payload.create({
      collection: 'authors',
      data: { name: `V ${uid()}`, _status: 'published' },
    })
    cleanup.push({ collection: 'authors', id: author.id })
    authorId = author.id
  })
  const live = (data: Record<string, unknown>) =>
    payload.create({
      collection: 'articles',
      data: { authors: [authorId], _status: 'published', ...data } as never,
    })

  it('refuses a slug that is not kebab-case', async () => {
    const errors = await failingPaths(() => live({ title: 'Fine title', slug: 'Not A Slug!' }))
    expect(errors).toEqual([{ path: 'slug', message: expect.stringMatching(/kebab-case/) }])
  })

  it('refuses a missing title when publishing', async () => {
    const errors = await failingPaths(() => live({ slug: `no-title-${uid()}` }))
    expect(errors.map((e) => e.path)).toEqual(['title'])
  })

  it('refuses a title over 160 characters', async () => {
    const errors = await failingPaths(() => live({ title: 'x'.repeat(161), slug: `long-${uid()}` }))
    expect(errors).toEqual([{ path: 'title', message: expect.stringMatching(/160/) }])
  })

  it('refuses to publish an article without an author', async () => {
    const errors = await failingPaths(() =>
      payload.create({
        collection: 'articles',
        data: { title: `Bylineless ${uid()}`, _status: 'published' },
      }),
    )
    expect(errors).toEqual([
      { path: 'authors', message: expect.stringMatching(/at least one author/) },
    ])
  })

  it('reports every invalid field of a publish at once', async () => {
    const errors = await failingPaths(() =>
      payload.create({
        collection: 'articles',
        data: { title: 'y'.repeat(200), slug: 'Bad Slug', _status: 'published' },
      }),
    )
    expect(errors.map((e) => e.path).sort()).toEqual(['authors', 'slug', 'title'])
  })

  it('refuses a source URL that is not http(s)', async () => {
    const errors = await failingPaths(() =>
      live({ title: `Sourced ${uid()}`, source: { name: 'Wire', url: 'ftp://wire.example' } }),
    )
    expect(errors.map((e) => e.path)).toEqual(['source.url'])
  })

  it('keeps no untitled draft (so opening Create New in the admin stores nothing)', async () => {
    const before = await payload.count({ collection: 'articles' })
    await expect(
      payload.create({ collection: 'articles', data: {} as never, draft: true }),
    ).rejects.toThrow(/Headline/)
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before.totalDocs)
  })

  it('keeps a draft without an author, and generates its slug from the title', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: `Work In Progress ${uid()}` },
      draft: true,
    })
    cleanup.push({ collection: 'articles', id: draft.id })
    expect(draft._status).toBe('draft')
    expect(draft.slug).toMatch(/^work-in-progress-[a-z0-9]+$/)
  })
})
