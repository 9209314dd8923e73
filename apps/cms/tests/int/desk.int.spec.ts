/**
 * The document view's server side, against the real database: who is offered which move and told
 * what it does, when the edit form is read-only (the admin's permission check uses the same rule
 * as the server), what a publish confirmation shows, and that a refused edit is a clear 403 the
 * log keeps as information, without a stack trace.
 */
import type { Payload } from 'payload'
import { createLocalReq, docAccessOperation } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { User } from '@copydesk/types/payload-types'

import type { CmsServer } from '../helpers/http'
import { login, startCmsServer } from '../helpers/http'
import { testPayload, uid } from '../helpers/payload'

let payload: Payload
let server: CmsServer
const password = 'desk-password-123'
const people = {} as Record<'editor' | 'writer', User & { auth: string }>
let authorId: string
let authorName: string

type Json = Record<string, unknown> & { errors?: { message: string }[] }

const call = async (
  who: keyof typeof people,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> => {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: people[who].auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Json }
}

type Info = {
  available: { action: string; explanation: string }[]
  editing: { canEdit: boolean; reason?: string; next?: string }
  goesLive: { headline: string; url: string | null; byline: string[] }
}
const workflowOf = async (who: keyof typeof people, id: string) =>
  (await call(who, 'GET', `/articles/${id}/workflow`)).json as unknown as Info

/** Whether the admin renders the edit form of this stored article as editable for this person. */
const formIsEditable = async (who: keyof typeof people, id: string) => {
  const doc = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
  const req = await createLocalReq({ user: { ...people[who], collection: 'users' } }, payload)
  const permissions = await docAccessOperation({
    id,
    collection: { config: payload.collections.articles.config },
    data: { ...doc, _status: 'draft' },
    req,
  })
  return Boolean(permissions.update)
}

const newArticle = async () => {
  const created = await call('writer', 'POST', '/articles?draft=true', {
    title: `Harbour tunnel ${uid()}`,
    authors: [authorId],
  })
  expect(created.status).toBe(201)
  return String((created.json.doc as { id: string }).id)
}

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const tag = uid()
  for (const role of ['editor', 'writer'] as const) {
    const user = await payload.create({
      collection: 'users',
      data: {
        email: `desk-${role}-${tag}@example.com`,
        name: `${role} ${tag}`,
        roles: [role],
        password,
      },
    })
    people[role] = { ...user, auth: await login({ url: server.url, email: user.email, password }) }
  }
  authorName = `Desk Byline ${tag}`
  const author = await payload.create({
    collection: 'authors',
    data: { name: authorName, _status: 'published', user: people.writer.id },
  })
  authorId = String(author.id)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

describe('the document view', () => {
  it('offers each person their own moves, saying what each does', async () => {
    const id = await newArticle()
    expect((await workflowOf('editor', id)).available.map((move) => move.action)).toEqual([
      'submit',
    ])
    expect((await workflowOf('writer', id)).available.map((move) => move.action)).toEqual([
      'submit',
    ])
    const submitted = await call('writer', 'POST', `/articles/${id}/workflow`, {
      action: 'submit',
      reviewer: people.editor.id,
    })
    expect(submitted.status).toBe(200)

    const forEditor = await workflowOf('editor', id)
    // The writer's Withdraw is theirs; the editor decides.
    expect(forEditor.available.map((move) => move.action)).toEqual(['request_changes', 'approve'])
    expect(forEditor.available[1]?.explanation).toMatch(/ready to publish/)
    const forWriter = await workflowOf('writer', id)
    expect(forWriter.available.map((move) => move.action)).toEqual(['withdraw'])
    expect(forWriter.available[0]?.explanation).toMatch(/edit it again/)
  })

  it('makes the form read-only for a writer whose story is in review, and says why', async () => {
    const id = await newArticle()
    expect(await formIsEditable('writer', id)).toBe(true)
    expect((await workflowOf('writer', id)).editing).toEqual({ canEdit: true })

    await call('writer', 'POST', `/articles/${id}/workflow`, {
      action: 'submit',
      reviewer: people.editor.id,
    })
    expect(await formIsEditable('writer', id)).toBe(false)
    expect(await formIsEditable('editor', id)).toBe(true)
    expect((await workflowOf('writer', id)).editing).toEqual({
      canEdit: false,
      reason: 'This story is in review, so it is locked for writers.',
      next: 'Withdraw it to make changes, or wait for the editor’s decision.',
    })
    expect((await workflowOf('editor', id)).editing).toEqual({ canEdit: true })

    await call('writer', 'POST', `/articles/${id}/workflow`, { action: 'withdraw' })
    expect(await formIsEditable('writer', id)).toBe(true)
  })

  it('takes the writer’s edit lock off a story they submit, and never gives it back', async () => {
    const id = await newArticle()
    // Payload's lock from the writer's open form, taken as they typed before submitting.
    await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'articles', value: id },
        user: { relationTo: 'users', value: people.writer.id },
      },
    })
    await call('writer', 'POST', `/articles/${id}/workflow`, {
      action: 'submit',
      reviewer: people.editor.id,
    })
    const { totalDocs } = await payload.count({
      collection: 'payload-locked-documents',
      where: { 'document.value': { equals: id } },
    })
    expect(totalDocs).toBe(0)
    // Their form is read-only from now on, so it cannot lock the story against the reviewer.
    expect(await formIsEditable('writer', id)).toBe(false)
  })

  it('names who holds the edit lock, and lets go of a lock whose holder may no longer edit', async () => {
    const id = await newArticle()
    const lockOf = (who: keyof typeof people) =>
      payload.create({
        collection: 'payload-locked-documents',
        data: {
          document: { relationTo: 'articles', value: id },
          user: { relationTo: 'users', value: people[who].id },
        },
      })
    // What the admin asks as it opens a document, with the person's own access.
    const askIfLocked = () =>
      call(
        'editor',
        'GET',
        `/payload-locked-documents?depth=1&where[and][0][document.value][equals]=${id}` +
          '&where[and][1][document.relationTo][equals]=articles',
      )
    const locksLeft = async () =>
      (
        await payload.count({
          collection: 'payload-locked-documents',
          where: { 'document.value': { equals: id } },
        })
      ).totalDocs

    // The writer is working on their draft: the lock stands, and the editor is told who by name
    // (they cannot read the writer's account, so Payload alone would show an id).
    await lockOf('writer')
    expect((await askIfLocked()).json.docs).toHaveLength(1)
    const info = (await call('editor', 'GET', `/articles/${id}/workflow`)).json
    expect(info.lockedBy).toEqual({ id: String(people.writer.id), name: people.writer.name })

    // In review the writer may not edit: a lock of theirs left behind is let go when asked.
    await call('writer', 'POST', `/articles/${id}/workflow`, {
      action: 'submit',
      reviewer: people.editor.id,
    })
    await lockOf('writer')
    expect(await locksLeft()).toBe(1)
    expect((await askIfLocked()).json.docs).toHaveLength(0)
    expect(await locksLeft()).toBe(0)
    expect((await call('editor', 'GET', `/articles/${id}/workflow`)).json.lockedBy).toBeNull()

    // An editor's lock on it stands.
    await lockOf('editor')
    await askIfLocked()
    expect(await locksLeft()).toBe(1)
  })

  it('stores no draft without its title, so opening Create New leaves nothing', async () => {
    // The admin stores a new document when the form opens unless drafts are validated.
    expect(payload.collections.articles.config.versions?.drafts).toMatchObject({ validate: true })
    expect(payload.collections.faqs.config.versions?.drafts).toMatchObject({ validate: true })
    expect(payload.collections.authors.config.versions?.drafts).toMatchObject({ validate: true })
    const before = await payload.count({ collection: 'articles' })
    const empty = await call('writer', 'POST', '/articles?draft=true', {})
    expect(empty.status).toBe(400)
    expect(JSON.stringify(empty.json)).toContain('title')
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before.totalDocs)
    // With a headline it is kept (the rest may wait until it is published), and autosave goes on.
    const titled = await call('writer', 'POST', '/articles?draft=true', {
      title: `Ring road lanes ${uid()}`,
    })
    expect(titled.status).toBe(201)
    const id = String((titled.json.doc as { id: string }).id)
    const autosaved = await call('writer', 'PATCH', `/articles/${id}?draft=true&autosave=true`, {
      dek: 'Two lanes each way.',
    })
    expect(autosaved.status).toBe(200)
  })

  it('answers a refused autosave with a clear 403 and logs it without a stack trace', async () => {
    const id = await newArticle()
    await call('writer', 'POST', `/articles/${id}/workflow`, {
      action: 'submit',
      reviewer: people.editor.id,
    })
    const errors = vi.spyOn(payload.logger, 'error')
    try {
      const refused = await call('writer', 'PATCH', `/articles/${id}?draft=true&autosave=true`, {
        title: 'Typed after submitting',
      })
      expect(refused.status).toBe(403)
      expect(refused.json.errors?.[0]?.message).toMatch(
        /in review; writers can edit only drafts and documents with changes requested/,
      )
      expect(errors).not.toHaveBeenCalled()
    } finally {
      errors.mockRestore()
    }
    const stored = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(stored.title).not.toBe('Typed after submitting')
  })

  it('tells the editor what a publish puts on the site: headline, URL and byline', async () => {
    const approved = await payload.create({
      collection: 'articles',
      data: { title: `Night ferry ${uid()}`, authors: [authorId], workflowState: 'approved' },
      draft: true,
      context: { workflowSystem: true },
    })
    const id = String(approved.id)
    const stored = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    const { goesLive } = await workflowOf('editor', id)
    expect(goesLive.headline).toBe(stored.title)
    expect(goesLive.url).toMatch(new RegExp(`/articles/${stored.slug}$`))
    expect(goesLive.byline).toEqual([authorName])
  })
})
