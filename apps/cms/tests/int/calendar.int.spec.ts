/**
 * The editorial calendar's server side, against the real database: moving a scheduled story to
 * another day is the workflow's Schedule move (`POST /api/{collection}/:id/workflow`), with the
 * same people, checks and history as scheduling from the document panel.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@copydesk/types/payload-types'

import type { CmsServer } from '../helpers/http'
import { login, startCmsServer } from '../helpers/http'
import { testPayload, uid } from '../helpers/payload'

let payload: Payload
let server: CmsServer
const password = 'calendar-password-123'
const people = {} as Record<'editor' | 'writer', User & { auth: string }>
const created: { collection: 'faqs' | 'users'; id: string }[] = []
const DAY_MS = 24 * 60 * 60 * 1000

type Json = Record<string, unknown> & { errors?: { message: string }[] }

const act = async (who: keyof typeof people, id: string, body: Record<string, unknown>) => {
  const response = await fetch(`${server.url}/api/faqs/${id}/workflow`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: people[who].auth },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Json }
}

const stored = (id: string) =>
  payload.findByID({ collection: 'faqs', id, draft: true, depth: 0, overrideAccess: true })

const historyOf = async (id: string) =>
  (
    await payload.find({
      collection: 'workflow-events',
      where: { document: { equals: id } },
      sort: 'at',
      limit: 0,
      overrideAccess: true,
    })
  ).docs

/** A writer's FAQ, submitted, approved and scheduled by the editor for `publishAt`. */
const scheduledFaq = async (publishAt: string) => {
  const faq = await payload.create({
    collection: 'faqs',
    draft: true,
    data: { question: `When does the ferry run ${uid()}?` },
    user: people.writer,
    overrideAccess: false,
  })
  const id = String(faq.id)
  created.push({ collection: 'faqs', id })
  for (const body of [
    { action: 'submit', reviewer: people.editor.id },
    { action: 'approve' },
    { action: 'schedule', publishAt },
  ]) {
    const outcome = await act('editor', id, body)
    expect(outcome.status, JSON.stringify(outcome.json)).toBe(200)
  }
  return id
}

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const tag = uid()
  for (const role of ['editor', 'writer'] as const) {
    const user = await payload.create({
      collection: 'users',
      data: {
        email: `calendar-${role}-${tag}@example.com`,
        name: `${role} ${tag}`,
        roles: [role],
        password,
      },
    })
    created.push({ collection: 'users', id: String(user.id) })
    people[role] = { ...user, auth: await login({ url: server.url, email: user.email, password }) }
  }
}, 120_000)

afterAll(async () => {
  for (const { collection, id } of created.reverse())
    await payload.delete({ collection, id, overrideAccess: true }).catch(() => undefined)
  await server?.stop()
})

describe('moving a story on the calendar', () => {
  it('reschedules for an editor: new time stored, the old job inert, a history entry', async () => {
    const first = new Date(Date.now() + 3 * DAY_MS).toISOString()
    const id = await scheduledFaq(first)
    const moved = new Date(Date.now() + 5 * DAY_MS).toISOString()

    const outcome = await act('editor', id, { action: 'schedule', publishAt: moved })
    expect(outcome.status, JSON.stringify(outcome.json)).toBe(200)

    const doc = await stored(id)
    expect(doc.workflowState).toBe('scheduled')
    expect(doc.publishAt).toBe(moved)
    const last = (await historyOf(id)).at(-1)
    expect(last).toMatchObject({ action: 'schedule', from: 'scheduled', to: 'scheduled' })
    // A job for the new time; the one for the old time finds its schedule changed and does nothing.
    const { docs: jobs } = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [{ taskSlug: { equals: 'publishScheduled' } }, { 'input.id': { equals: id } }],
      },
      limit: 0,
      overrideAccess: true,
    })
    expect(jobs.map((job) => new Date(String(job.waitUntil)).toISOString())).toContain(moved)
  })

  it('refuses a writer with a 403 naming the reason, and changes nothing', async () => {
    const first = new Date(Date.now() + 3 * DAY_MS).toISOString()
    const id = await scheduledFaq(first)
    const events = (await historyOf(id)).length

    const outcome = await act('writer', id, {
      action: 'schedule',
      publishAt: new Date(Date.now() + 4 * DAY_MS).toISOString(),
    })
    expect(outcome.status).toBe(403)
    expect(outcome.json.errors?.[0]?.message).toBe('Only editors and admins can schedule.')
    expect((await stored(id)).publishAt).toBe(first)
    expect(await historyOf(id)).toHaveLength(events)
  })

  it('refuses to move a published story, and a time already past', async () => {
    const id = await scheduledFaq(new Date(Date.now() + 3 * DAY_MS).toISOString())
    const past = await act('editor', id, {
      action: 'schedule',
      publishAt: new Date(Date.now() - DAY_MS).toISOString(),
    })
    expect(past.status).toBe(400)

    await act('editor', id, { action: 'unschedule' })
    const published = await act('editor', id, { action: 'publish' })
    expect(published.status, JSON.stringify(published.json)).toBe(200)
    const outcome = await act('editor', id, {
      action: 'schedule',
      publishAt: new Date(Date.now() + 4 * DAY_MS).toISOString(),
    })
    expect(outcome.status).toBe(403)
    expect(outcome.json.errors?.[0]?.message).toMatch(/published/)
    expect((await stored(id)).workflowState).toBe('published')
  })
})
