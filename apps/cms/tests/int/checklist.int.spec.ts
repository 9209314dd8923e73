/**
 * The pre-publish checklist on the server: approving, scheduling and publishing an article with
 * red items answers 400 naming each field (the same messages the workflow panel shows) and
 * changes nothing; once the fields are filled in, the same moves go through.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@copydesk/types/payload-types'

import type { CmsServer } from '../helpers/http'
import { login, startCmsServer } from '../helpers/http'
import { paragraph, root, text } from '../helpers/lexical'
import { testPayload, uid } from '../helpers/payload'

let payload: Payload
let server: CmsServer
const password = 'checklist-password-123'
const people = {} as Record<'editor' | 'writer', User & { auth: string }>
let authorId: string
const created: { collection: 'articles' | 'faqs' | 'authors' | 'users'; id: string }[] = []

type Refusal = { errors?: { message: string; data?: { errors?: { path: string }[] } }[] }

const call = async (who: keyof typeof people, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: people[who].auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return {
    status: response.status,
    json: (await response.json().catch(() => ({}))) as Record<string, unknown> & Refusal,
  }
}
const act = (who: keyof typeof people, id: string, body: Record<string, unknown>) =>
  call(who, 'POST', `/articles/${id}/workflow`, body)
const pathsOf = (json: Refusal) => (json.errors?.[0]?.data?.errors ?? []).map((e) => e.path)
const stateOf = async (id: string) =>
  (
    await payload.findByID({
      collection: 'articles',
      id,
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
  ).workflowState
const eventsOf = async (id: string) =>
  (
    await payload.find({
      collection: 'workflow-events',
      where: { document: { equals: id } },
      limit: 0,
      overrideAccess: true,
    })
  ).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const tag = uid()
  for (const role of ['editor', 'writer'] as const) {
    const user = await payload.create({
      collection: 'users',
      data: {
        email: `${role}-cl-${tag}@example.com`,
        name: `${role} ${tag}`,
        roles: [role],
        password,
      },
    })
    created.push({ collection: 'users', id: String(user.id) })
    people[role] = { ...user, auth: await login({ url: server.url, email: user.email, password }) }
  }
  const author = await payload.create({
    collection: 'authors',
    data: { name: `Checklist byline ${tag}`, _status: 'published', user: people.writer.id },
  })
  authorId = String(author.id)
  created.push({ collection: 'authors', id: authorId })
}, 120_000)

afterAll(async () => {
  for (const { collection, id } of created.reverse())
    await payload.delete({ collection, id, overrideAccess: true }).catch(() => undefined)
  await server?.stop()
})

describe('the pre-publish checklist', () => {
  it('refuses Approve with the red items, then lets it through once they are fixed', async () => {
    const faq = await payload.create({
      collection: 'faqs',
      data: { question: `Who pays? ${uid()}`, answer: root(paragraph()) },
      draft: true,
      context: { workflowSystem: true },
    })
    created.push({ collection: 'faqs', id: String(faq.id) })
    const draft = await call('writer', 'POST', '/articles?draft=true', {
      title: `Checklist story ${uid()}`,
      authors: [authorId],
      faqs: [faq.id],
    })
    expect(draft.status).toBe(201)
    const id = String((draft.json.doc as { id: string }).id)
    created.push({ collection: 'articles', id })
    expect((await act('writer', id, { action: 'submit', reviewer: people.editor.id })).status).toBe(
      200,
    )
    const events = await eventsOf(id)

    const refused = await act('editor', id, { action: 'approve' })
    expect(refused.status).toBe(400)
    expect(pathsOf(refused.json)).toEqual(['dek', 'topics', 'faqs'])
    const messages = JSON.stringify(refused.json)
    expect(messages).toContain('Write a dek: one or two sentences under the headline.')
    expect(messages).toContain('Add at least one topic.')
    expect(messages).toContain('Answer “Who pays?')
    // Nothing changed: same state, no history entry.
    expect(await stateOf(id)).toBe('in_review')
    expect(await eventsOf(id)).toBe(events)

    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { answer: root(paragraph(text('The council, from its transport budget.'))) },
      draft: true,
      context: { workflowSystem: true },
    })
    // Editors may edit a story in review; the edit keeps it in review.
    const fixed = await call('editor', 'PATCH', `/articles/${id}?draft=true`, {
      dek: 'A two-year plan for the east bank.',
      topics: ['Transport'],
    })
    expect(fixed.status).toBe(200)
    const approved = await act('editor', id, { action: 'approve' })
    expect(approved.status).toBe(200)
    expect(approved.json).toMatchObject({ to: 'approved' })
  })

  it('refuses Publish and Schedule with the same reasons, and the SEO lengths too', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: `Approved without a dek ${uid()}`,
        authors: [authorId],
        workflowState: 'approved',
        meta: { title: 'x'.repeat(61) },
      },
      draft: true,
      context: { workflowSystem: true },
    })
    const id = String(article.id)
    created.push({ collection: 'articles', id })
    for (const body of [
      { action: 'publish' },
      { action: 'schedule', publishAt: new Date(Date.now() + 3_600_000).toISOString() },
    ]) {
      const refused = await act('editor', id, body)
      expect(refused.status).toBe(400)
      expect(pathsOf(refused.json)).toEqual(['dek', 'meta.title', 'topics'])
      expect(JSON.stringify(refused.json)).toContain('The SEO title is 61 characters')
    }
    expect(await stateOf(id)).toBe('approved')
    const stored = await payload.db.findOne<{ id: string; _status?: string }>({
      collection: 'articles',
      where: { id: { equals: id } },
    })
    expect(stored?._status).not.toBe('published')
  })

  it('does not ask FAQs for the article checklist', async () => {
    const faq = await payload.create({
      collection: 'faqs',
      data: { question: `Approved FAQ ${uid()}`, workflowState: 'approved' },
      draft: true,
      context: { workflowSystem: true },
    })
    created.push({ collection: 'faqs', id: String(faq.id) })
    const published = await call('editor', 'POST', `/faqs/${faq.id}/workflow`, {
      action: 'publish',
    })
    expect(published.status).toBe(200)
  })
})
