/**
 * The editorial workflow end to end over HTTP (REST and GraphQL), against the real database:
 * submit, review, approval voided by an edit, publish, correction, unpublish, schedule, and the
 * append-only history with the version each decision saw.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@copydesk/types/payload-types'

import type { CmsServer } from '../helpers/http'
import { login, startCmsServer } from '../helpers/http'
import { testPayload, uid } from '../helpers/payload'

let payload: Payload
let server: CmsServer
const password = 'workflow-password-123'
const people = {} as Record<'admin' | 'editor' | 'writer' | 'stranger', User & { auth: string }>
let authorId: string

type Json = Record<string, unknown> & { errors?: { message: string; data?: unknown }[] }

const call = async (
  who: keyof typeof people | 'anonymous',
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> => {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (who !== 'anonymous') headers.authorization = people[who].auth
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Json }
}

const act = (who: keyof typeof people, id: string, body: Record<string, unknown>) =>
  call(who, 'POST', `/articles/${id}/workflow`, body)

const latest = (id: string) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })
const live = (id: string) =>
  payload.db.findOne<{ id: string; _status?: string; title?: string }>({
    collection: 'articles',
    where: { id: { equals: id } },
  })
const history = async (id: string) =>
  (
    await payload.find({
      collection: 'workflow-events',
      where: { document: { equals: id } },
      sort: 'at',
      limit: 100,
      depth: 0,
      overrideAccess: true,
    })
  ).docs

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const tag = uid()
  for (const role of ['admin', 'editor', 'writer', 'stranger'] as const) {
    const user = await payload.create({
      collection: 'users',
      data: {
        email: `${role}-${tag}@example.com`,
        name: `${role[0]?.toUpperCase()}${role.slice(1)} ${tag}`,
        roles: [role === 'stranger' ? 'writer' : role],
        password,
      },
    })
    people[role] = {
      ...user,
      auth: await login({ url: server.url, email: user.email, password }),
    }
  }
  const author = await payload.create({
    collection: 'authors',
    data: { name: `Byline ${tag}`, _status: 'published', user: people.writer.id },
  })
  authorId = String(author.id)
  // The newsroom's topics: writers pick from these (only editors add new ones).
  for (const name of ['Flooding', 'Checks'])
    await payload.create({
      collection: 'topics',
      data: { name },
      context: { disableRevalidate: true },
    })
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

describe('the review journey', () => {
  let id: string

  it('starts as the writer’s draft, and only the workflow can move it', async () => {
    const created = await call('writer', 'POST', '/articles?draft=true', {
      title: `Flood barrier ${uid()}`,
      authors: [authorId],
      topics: ['Flooding'],
    })
    expect(created.status).toBe(201)
    id = String((created.json.doc as { id: string }).id)
    const doc = await latest(id)
    expect(doc.workflowState).toBe('draft')
    expect(doc.owners).toContain(people.writer.id)

    const published = await call('writer', 'PATCH', `/articles/${id}`, { _status: 'published' })
    expect(published.status).toBe(403)
    expect(published.json.errors?.[0]?.message).toMatch(/Publishing goes through review/)
    const forced = await call('writer', 'PATCH', `/articles/${id}?draft=true`, {
      workflowState: 'approved',
    })
    expect(forced.status).toBe(403)
    expect(forced.json.errors?.[0]?.message).toMatch(/only through workflow actions/)
    const viaGraphql = await call('writer', 'POST', '/graphql', {
      query: `mutation { workflowTransition(collection: articles, id: "${id}", action: publish) { to } }`,
    })
    expect(JSON.stringify(viaGraphql.json.errors)).toMatch(/Only editors and admins can publish/)
    expect((await latest(id)).workflowState).toBe('draft')
    expect((await live(id))?._status).toBe('draft')
  })

  it('submits to a chosen editor, who is notified', async () => {
    const missing = await act('writer', id, { action: 'submit' })
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.json)).toMatch(/"path":"reviewer"/)
    const notEditor = await act('writer', id, { action: 'submit', reviewer: people.stranger.id })
    expect(notEditor.status).toBe(400)
    const stranger = await act('stranger', id, { action: 'submit', reviewer: people.editor.id })
    expect(stranger.status).toBe(403)
    expect(stranger.json.errors?.[0]?.message).toBe(
      'Writers can submit for review only their own documents.',
    )

    const submitted = await act('writer', id, { action: 'submit', reviewer: people.editor.id })
    expect(submitted.status).toBe(200)
    expect(submitted.json).toMatchObject({ from: 'draft', to: 'in_review', notified: 1 })
    expect((await latest(id)).assignee).toBe(people.editor.id)
    // Notifications go out from the jobs queue, within about a second.
    await expect
      .poll(async () =>
        JSON.stringify(
          (await call('editor', 'GET', '/notifications?where[isRead][equals]=false')).json.docs,
        ),
      )
      .toMatch(/was submitted for your review/)
    // Each person reads only their own notifications.
    const others = await call('writer', 'GET', '/notifications')
    expect(JSON.stringify(others.json.docs)).not.toMatch(/submitted for your review/)
  })

  it('locks the writer out while in review; the editor sends it back with a note', async () => {
    const edit = await call('writer', 'PATCH', `/articles/${id}?draft=true`, { dek: 'Sneaky' })
    expect(edit.status).toBe(403)
    expect(edit.json.errors?.[0]?.message).toMatch(/writers can edit only drafts/)

    const noNote = await act('editor', id, { action: 'request_changes' })
    expect(noNote.status).toBe(400)
    expect(JSON.stringify(noNote.json)).toMatch(/"path":"note"/)
    const sentBack = await act('editor', id, {
      action: 'request_changes',
      note: 'Name the second engineer.',
    })
    expect(sentBack.json).toMatchObject({ to: 'changes_requested', notified: 1 })
    await expect
      .poll(async () => JSON.stringify((await call('writer', 'GET', '/notifications')).json.docs))
      .toMatch(/Changes requested on .*Name the second engineer/)
  })

  it('lets the writer revise and resubmit; an edit after approval needs a fresh review', async () => {
    const revised = await call('writer', 'PATCH', `/articles/${id}?draft=true`, {
      dek: 'Two engineers signed off.',
    })
    expect(revised.status).toBe(200)
    expect((await act('writer', id, { action: 'resubmit' })).json).toMatchObject({
      to: 'in_review',
    })
    expect((await act('editor', id, { action: 'approve' })).json).toMatchObject({
      to: 'approved',
    })
    const writerPublish = await act('writer', id, { action: 'publish' })
    expect(writerPublish.status).toBe(403)

    const edited = await call('editor', 'PATCH', `/articles/${id}?draft=true`, {
      dek: 'Two engineers and a surveyor signed off.',
    })
    expect(edited.status).toBe(200)
    expect((await latest(id)).workflowState).toBe('in_review')
    expect((await act('editor', id, { action: 'publish' })).status).toBe(403)
    await act('editor', id, { action: 'approve' })
  })

  it('publishes through the workflow; readers see it', async () => {
    const published = await act('editor', id, { action: 'publish' })
    expect(published.json).toMatchObject({ from: 'approved', to: 'published' })
    expect((await live(id))?._status).toBe('published')
    const anonymous = await call('anonymous', 'GET', `/articles/${id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.json.dek).toBe('Two engineers and a surveyor signed off.')
  })

  it('takes a correction through review before it replaces the live version', async () => {
    const before = (await live(id))?.title
    const direct = await call('editor', 'PATCH', `/articles/${id}`, { title: 'Changed live' })
    expect(direct.status).toBe(403)
    expect(direct.json.errors?.[0]?.message).toMatch(/This document is live/)
    expect((await call('writer', 'PATCH', `/articles/${id}?draft=true`, { dek: 'x' })).status).toBe(
      403,
    )

    const revision = await call('editor', 'PATCH', `/articles/${id}?draft=true`, {
      title: `${before} (corrected)`,
    })
    expect(revision.status).toBe(200)
    expect((await latest(id)).workflowState).toBe('draft')
    expect((await live(id))?.title).toBe(before)
    expect((await call('anonymous', 'GET', `/articles/${id}`)).json.title).toBe(before)

    await act('editor', id, { action: 'submit', reviewer: people.admin.id })
    await act('admin', id, { action: 'approve' })
    const published = await act('admin', id, {
      action: 'publish',
      correctionNote: 'An earlier version misspelled the engineer’s name.',
    })
    expect(published.status).toBe(200)
    const reader = await call('anonymous', 'GET', `/articles/${id}`)
    expect(reader.json.title).toBe(`${before} (corrected)`)
    expect(reader.json.corrections).toEqual([
      expect.objectContaining({ note: 'An earlier version misspelled the engineer’s name.' }),
    ])
  })

  it('unpublishes only with a note, and the page comes off', async () => {
    expect((await act('editor', id, { action: 'unpublish' })).status).toBe(400)
    const off = await act('editor', id, { action: 'unpublish', note: 'Legal asked us to.' })
    expect(off.json).toMatchObject({ to: 'archived' })
    expect((await call('anonymous', 'GET', `/articles/${id}`)).status).toBe(404)
    expect((await act('editor', id, { action: 'reopen' })).json).toMatchObject({ to: 'draft' })
  })

  it('keeps an append-only history with the version each decision saw', async () => {
    const events = await history(id)
    expect(events.map((event) => `${event.action}:${event.from ?? ''}→${event.to}`)).toEqual([
      'create:→draft',
      'submit:draft→in_review',
      'request_changes:in_review→changes_requested',
      'resubmit:changes_requested→in_review',
      'approve:in_review→approved',
      'approval_voided:approved→in_review',
      'approve:in_review→approved',
      'publish:approved→published',
      'revision_started:published→draft',
      'submit:draft→in_review',
      'approve:in_review→approved',
      'publish:approved→published',
      'unpublish:published→archived',
      'reopen:archived→draft',
    ])
    const { docs: versions } = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: id } },
      limit: 200,
      overrideAccess: true,
    })
    const versionIds = new Set(versions.map((version) => String(version.id)))
    for (const event of events) expect(versionIds.has(String(event.version))).toBe(true)
    const changes = events.find((event) => event.action === 'request_changes')
    expect(changes).toMatchObject({
      note: 'Name the second engineer.',
      actor: people.editor.id,
      actorName: people.editor.name,
    })

    const eventId = String(events[0]?.id)
    expect(
      (await call('admin', 'PATCH', `/workflow-events/${eventId}`, { note: 'x' })).status,
    ).toBe(403)
    expect((await call('admin', 'DELETE', `/workflow-events/${eventId}`)).status).toBe(403)
    expect((await call('admin', 'POST', '/workflow-events', { action: 'x' })).status).toBe(403)
    await expect(
      payload.update({
        collection: 'workflow-events',
        id: eventId,
        data: { note: 'rewritten' },
        overrideAccess: true,
      }),
    ).rejects.toThrow(/append-only/)
    await expect(
      payload.delete({ collection: 'workflow-events', id: eventId, overrideAccess: true }),
    ).rejects.toThrow(/append-only/)
    expect((await history(id)).length).toBe(events.length)
  })

  it('shows the panel’s data: state, the actions this person may take, the timeline', async () => {
    const forWriter = await call('writer', 'GET', `/articles/${id}/workflow`)
    expect(forWriter.json).toMatchObject({ state: 'draft' })
    expect((forWriter.json.available as { action: string }[]).map((r) => r.action)).toEqual([
      'submit',
    ])
    expect((forWriter.json.events as unknown[]).length).toBe(14)
    expect((await call('anonymous', 'GET', `/articles/${id}/workflow`)).status).toBe(403)
  })
})

describe('scheduling', () => {
  it('publishes on time through the jobs queue, and a cancelled schedule does nothing', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: `Scheduled ${uid()}`,
        authors: [authorId],
        dek: 'On time.',
        topics: ['Checks'],
        workflowState: 'approved',
      },
      draft: true,
      context: { workflowSystem: true },
    })
    const id = String(article.id)
    const past = await act('editor', id, {
      action: 'schedule',
      publishAt: new Date(Date.now() - 1000).toISOString(),
    })
    expect(past.status).toBe(400)
    expect(JSON.stringify(past.json)).toMatch(/"path":"publishAt"/)

    const publishAt = new Date(Date.now() + 3_000)
    expect(
      (await act('editor', id, { action: 'schedule', publishAt: publishAt.toISOString() })).json,
    ).toMatchObject({ to: 'scheduled' })
    expect((await live(id))?._status).toBe('draft')
    let publishedAt: number | null = null
    for (let i = 0; i < 40 && publishedAt === null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      if ((await live(id))?._status === 'published') publishedAt = Date.now()
    }
    expect(publishedAt).not.toBeNull()
    const lateBy = (publishedAt ?? 0) - publishAt.getTime()
    console.log(`scheduled publish went live ${lateBy} ms after its time`)
    expect(lateBy).toBeGreaterThanOrEqual(0)
    expect(lateBy).toBeLessThan(4_000)
    // The history entry follows the publish by a moment.
    await expect
      .poll(async () => (await history(id)).at(-1))
      .toMatchObject({ action: 'release', to: 'published', actor: null, actorName: 'Scheduler' })

    const other = await payload.create({
      collection: 'articles',
      data: {
        title: `Cancelled ${uid()}`,
        authors: [authorId],
        dek: 'Called off.',
        topics: ['Checks'],
        workflowState: 'approved',
      },
      draft: true,
      context: { workflowSystem: true },
    })
    await act('editor', String(other.id), {
      action: 'schedule',
      publishAt: new Date(Date.now() + 1_500).toISOString(),
    })
    await act('editor', String(other.id), { action: 'unschedule' })
    await new Promise((resolve) => setTimeout(resolve, 3_500))
    expect((await live(String(other.id)))?._status).toBe('draft')
    expect((await latest(String(other.id))).workflowState).toBe('approved')
  }, 30_000)
})

describe('a scheduled publish that fails', () => {
  it('is retried and stays visible in the jobs list with its error', async () => {
    // Scheduled complete, then the byline goes (a system write): the publish rules refuse it when
    // the time comes.
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: `Bylineless ${uid()}`,
        authors: [authorId],
        dek: 'Loses its byline.',
        topics: ['Checks'],
        workflowState: 'approved',
      },
      draft: true,
      context: { workflowSystem: true },
    })
    const id = String(article.id)
    const scheduled = await act('editor', id, {
      action: 'schedule',
      publishAt: new Date(Date.now() + 1_500).toISOString(),
    })
    expect(scheduled.json).toMatchObject({ to: 'scheduled' })
    await payload.update({
      collection: 'articles',
      id,
      data: { authors: [] },
      draft: true,
      context: { workflowSystem: true },
    })
    const jobFor = async () =>
      (
        await payload.find({
          collection: 'payload-jobs',
          where: {
            and: [{ taskSlug: { equals: 'publishScheduled' } }, { 'input.id': { equals: id } }],
          },
          overrideAccess: true,
        })
      ).docs[0] as
        { totalTried?: number; hasError?: boolean; log?: { error?: unknown }[] } | undefined
    await expect
      .poll(async () => (await jobFor())?.totalTried ?? 0, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2)
    const job = await jobFor()
    expect(JSON.stringify(job?.log)).toMatch(/invalid: Byline/)
    expect((await live(id))?._status).toBe('draft')
    expect((await latest(id)).workflowState).toBe('scheduled')
    const panel = await call('editor', 'GET', `/articles/${id}/workflow`)
    expect(panel.json.scheduleProblem).toMatch(/Byline/)
    // Editors see the jobs list in the admin.
    const jobs = await call('editor', 'GET', '/payload-jobs?limit=1')
    expect(jobs.status).toBe(200)
  }, 30_000)
})

describe('ownership through the byline', () => {
  it('lets a writer edit a draft that names their author profile, and no other', async () => {
    const theirs = await payload.create({
      collection: 'articles',
      data: { title: `Named ${uid()}`, authors: [authorId] },
      draft: true,
      user: people.editor,
    })
    const notTheirs = await payload.create({
      collection: 'articles',
      data: { title: `Not named ${uid()}` },
      draft: true,
      user: people.editor,
    })
    expect(
      (await call('writer', 'PATCH', `/articles/${theirs.id}?draft=true`, { dek: 'Mine too' }))
        .status,
    ).toBe(200)
    const refused = await call('writer', 'PATCH', `/articles/${notTheirs.id}?draft=true`, {
      dek: 'Not mine',
    })
    expect(refused.status).toBe(403)
    expect(refused.json.errors?.[0]?.message).toMatch(/only their own documents/)
  })
})

describe('editorial comments', () => {
  it('are for staff only and must be on a real document', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: { title: `Commented ${uid()}`, authors: [authorId] },
      draft: true,
    })
    const posted = await call('writer', 'POST', '/editorial-comments', {
      documentCollection: 'articles',
      document: String(article.id),
      body: 'Is the second quote on the record?',
    })
    expect(posted.status).toBe(201)
    const reply = await call('editor', 'POST', '/editorial-comments', {
      documentCollection: 'articles',
      document: String(article.id),
      body: 'Yes, confirmed by phone.',
      parent: (posted.json.doc as { id: string }).id,
    })
    expect(reply.status).toBe(201)
    expect((reply.json.doc as { author: { id: string } }).author.id).toBe(people.editor.id)
    const nowhere = await call('writer', 'POST', '/editorial-comments', {
      documentCollection: 'articles',
      document: '000000000000000000000000',
      body: 'Lost',
    })
    expect(nowhere.status).toBe(400)
    expect(JSON.stringify(nowhere.json)).toMatch(/"path":"document"/)
    const anonymous = await call('anonymous', 'GET', '/editorial-comments')
    expect(anonymous.status).toBe(403)
  })
})
