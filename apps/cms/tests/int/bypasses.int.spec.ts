/**
 * The three ways a writer once got around review, each over REST and GraphQL: a copy of a live
 * story that went live at once, a restored version that took a story off the site (or put one
 * back), and a bulk edit that rewrote someone else's approved story while it stayed approved.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@copydesk/types/payload-types'

import type { CmsServer } from '../helpers/http'
import { login, startCmsServer } from '../helpers/http'
import { testPayload, uid } from '../helpers/payload'

let payload: Payload
let server: CmsServer
let writer: User
let token: string
let otherWriter: User
let bylineId: string
const password = 'bypass-password-123'
const system = { context: { workflowSystem: true, disableRevalidate: true } }

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const tag = uid()
  await payload.create({
    collection: 'users',
    data: { email: `admin-${tag}@example.com`, name: 'Admin', roles: ['admin'], password },
  })
  writer = await payload.create({
    collection: 'users',
    data: { email: `writer-${tag}@example.com`, name: 'Wanda Writer', roles: ['writer'], password },
  })
  otherWriter = await payload.create({
    collection: 'users',
    data: { email: `other-${tag}@example.com`, name: 'Otto Other', roles: ['writer'], password },
  })
  token = await login({ url: server.url, email: writer.email, password })
  const byline = await payload.create({
    collection: 'authors',
    data: { name: `Bypass byline ${tag}`, _status: 'published', workflowState: 'published' },
    ...system,
  })
  bylineId = String(byline.id)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

/** Another writer's story, published (with an earlier draft version) or in the given state. */
const story = async (state: 'published' | 'approved' | 'scheduled') => {
  const title = `Bypass story ${uid()}`
  const doc = await payload.create({
    collection: 'articles',
    data: {
      title: `${title} (first draft)`,
      authors: [bylineId],
      createdBy: otherWriter.id,
      workflowState: 'draft',
    },
    draft: true,
    ...system,
  })
  await payload.update({
    collection: 'articles',
    id: doc.id,
    data: {
      title,
      workflowState: state,
      _status: state === 'published' ? 'published' : 'draft',
      ...(state === 'scheduled'
        ? { publishAt: new Date(Date.now() + 86_400_000).toISOString() }
        : {}),
    },
    draft: state !== 'published',
    ...system,
  })
  const { docs } = await payload.findVersions({
    collection: 'articles',
    where: { parent: { equals: doc.id } },
    sort: 'createdAt',
    limit: 1,
  })
  return { id: String(doc.id), title, firstVersion: String(docs[0]?.id) }
}

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: token },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
const graphql = (query: string) => call('POST', '/graphql', { query })

const main = (id: string) =>
  payload.db.findOne<{ id: string; _status?: string; title?: string }>({
    collection: 'articles',
    where: { id: { equals: id } },
  })
const latest = (id: string) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })
const history = async (id: string) =>
  (
    await payload.find({
      collection: 'workflow-events',
      where: { document: { equals: id } },
      sort: 'at',
      overrideAccess: true,
    })
  ).docs.map((event) => event.action)

describe('a copy is a fresh draft of the caller’s', () => {
  const checkCopy = async (copyId: string) => {
    const copy = await latest(copyId)
    expect((await main(copyId))?._status).not.toBe('published')
    expect(copy.workflowState).toBe('draft')
    expect(String(copy.createdBy)).toBe(String(writer.id))
    expect(copy.owners?.map(String)).toContain(String(writer.id))
    expect(copy.assignee ?? null).toBeNull()
    expect(copy.publishedAt ?? null).toBeNull()
    expect(await history(copyId)).toEqual(['create'])
  }

  it('over REST, even when asked for a published copy', async () => {
    const source = await story('published')
    const answer = await call('POST', `/articles/${source.id}/duplicate?draft=false`, {})
    expect(answer.status).toBeLessThan(300)
    await checkCopy(String((answer.body.doc as { id: string }).id))
    expect((await main(source.id))?._status).toBe('published')
  })

  it('over GraphQL', async () => {
    const source = await story('published')
    const answer = await graphql(
      `mutation { duplicateArticle(id: "${source.id}", data: { title: "A copy" }) { id _status } }`,
    )
    const copy = (answer.body.data as { duplicateArticle: { id: string; _status: string } })
      .duplicateArticle
    expect(copy._status).toBe('draft')
    await checkCopy(copy.id)
  })
})

describe('restoring a version is an edit like any other', () => {
  it('over REST: a writer cannot take someone else’s live story off the site', async () => {
    const target = await story('published')
    const answer = await call('POST', `/articles/versions/${target.firstVersion}`)
    expect(answer.status).toBe(403)
    expect(JSON.stringify(answer.body)).toMatch(/own documents|live/)
    expect((await main(target.id))?._status).toBe('published')
    expect((await latest(target.id)).title).toBe(target.title)
    expect(await history(target.id)).toEqual([])
  })

  it('over GraphQL', async () => {
    const target = await story('published')
    const answer = await graphql(
      `mutation { restoreVersionArticle(id: "${target.firstVersion}") { id } }`,
    )
    expect(JSON.stringify(answer.body.errors)).toMatch(/own documents|live/)
    expect((await main(target.id))?._status).toBe('published')
    expect((await latest(target.id)).title).toBe(target.title)
  })

  it('by an editor on a live story, as a draft: a pending revision, recorded in the history', async () => {
    const target = await story('published')
    const editor = await payload.create({
      collection: 'users',
      data: { email: `ed-${uid()}@example.com`, name: 'Eddie', roles: ['editor'], password },
    })
    const editorToken = await login({ url: server.url, email: editor.email, password })
    const asEditor = (path: string) =>
      fetch(`${server.url}/api${path}`, { method: 'POST', headers: { authorization: editorToken } })
    expect((await asEditor(`/articles/versions/${target.firstVersion}?draft=true`)).status).toBe(
      200,
    )
    expect((await main(target.id))?.title).toBe(target.title) // readers keep the live version
    const now = await latest(target.id)
    expect(now.title).toBe(`${target.title} (first draft)`)
    expect(now.workflowState).toBe('draft')
    expect(await history(target.id)).toEqual(['restore'])
    // …and without draft, it is refused with the way out (the Local API cannot ask for a draft).
    const refused = await asEditor(`/articles/versions/${target.firstVersion}`)
    expect(refused.status).toBe(403)
    expect(await refused.text()).toMatch(/as a draft/)
    await expect(
      payload.restoreVersion({
        collection: 'articles',
        id: target.firstVersion,
        user: { ...editor, collection: 'users' },
        overrideAccess: false,
      }),
    ).rejects.toThrow(/draft/)
    expect((await main(target.id))?._status).toBe('published')
  })
})

describe('a bulk edit is an edit of every document it touches', () => {
  it('over REST: a writer cannot rewrite someone else’s approved story', async () => {
    for (const state of ['approved', 'scheduled'] as const) {
      const target = await story(state)
      const answer = await call('PATCH', `/articles?where[id][equals]=${target.id}&draft=true`, {
        title: 'Rewritten by someone else',
      })
      expect(answer.status).toBe(403)
      const now = await latest(target.id)
      expect(now.title).toBe(target.title)
      expect(now.workflowState).toBe(state)
    }
  })

  it('over GraphQL (update by id is the only update there)', async () => {
    const target = await story('approved')
    const answer = await graphql(
      `mutation { updateArticle(id: "${target.id}", data: { title: "Rewritten" }, draft: true) { id } }`,
    )
    expect(JSON.stringify(answer.body.errors)).toMatch(/own documents/)
    expect((await latest(target.id)).title).toBe(target.title)
  })

  it('sends an approved story an editor bulk-edits back to review, with a history entry', async () => {
    const target = await story('approved')
    const editor = await payload.create({
      collection: 'users',
      data: { email: `ed-${uid()}@example.com`, name: 'Edna', roles: ['editor'], password },
    })
    const result = await payload.update({
      collection: 'articles',
      where: { id: { equals: target.id } },
      data: { title: 'Tightened by the desk' },
      draft: true,
      user: { ...editor, collection: 'users' },
      overrideAccess: false,
    })
    expect(result.errors).toEqual([])
    const now = await latest(target.id)
    expect(now.title).toBe('Tightened by the desk')
    expect(now.workflowState).toBe('in_review')
    expect(await history(target.id)).toEqual(['approval_voided'])
  })
})

describe('ids that are not ids', () => {
  it('never restore or report on some other document', async () => {
    const target = await story('published')
    const admin = await payload.create({
      collection: 'users',
      data: { email: `ad-${uid()}@example.com`, name: 'Ada', roles: ['admin'], password },
    })
    const adminToken = await login({ url: server.url, email: admin.email, password })
    for (const [method, path] of [
      ['POST', '/articles/versions/zzz?draft=true'],
      ['POST', '/articles/versions/zzz'],
      ['GET', '/articles/zzz/live'],
      ['GET', '/articles/zzz/workflow'],
      ['POST', '/articles/zzz/duplicate'],
    ] as const) {
      const response = await fetch(`${server.url}/api${path}`, {
        method,
        headers: { authorization: adminToken },
      })
      expect([400, 404], `${method} ${path}`).toContain(response.status)
    }
    expect((await latest(target.id)).title).toBe(target.title)
    expect(await history(target.id)).toEqual([])
  })
})
