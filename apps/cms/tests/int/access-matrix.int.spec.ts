/**
 * The access matrix: every role × collection × operation, over REST and GraphQL on a real HTTP
 * port and through the Local API with `overrideAccess: false`. Each case checks the answer and
 * then the database itself, so a refusal that still changed something counts as a leak.
 */
import type { Payload } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@copydesk/types/payload-types'

import { performTransition } from '../../src/workflow/perform'
import type { CmsServer } from '../helpers/http'
import { login, startCmsServer } from '../helpers/http'
import { testPayload, uid } from '../helpers/payload'

type Role = 'anonymous' | 'writer' | 'editor' | 'admin'
type Collection = 'articles' | 'faqs' | 'authors' | 'workflow-events'
type Operation =
  'create' | 'read' | 'update' | 'delete' | 'transition' | 'publish' | 'publish-directly'
type Transport = 'rest' | 'graphql' | 'local'

const ROLES: Role[] = ['anonymous', 'writer', 'editor', 'admin']
const COLLECTIONS: Collection[] = ['articles', 'faqs', 'authors', 'workflow-events']
const OPERATIONS: Operation[] = [
  'create',
  'read',
  'update',
  'delete',
  'transition',
  'publish',
  'publish-directly',
]
const TRANSPORTS: Transport[] = ['rest', 'graphql', 'local']

/**
 * What each role may do, from the brief. Editorial documents under test belong to another writer:
 * `update` edits their draft, `delete` removes it, `transition` approves their document in review,
 * `publish` takes the Publish action on an approved one, `publish-directly` sets `_status` by
 * hand on an approved one (nobody may). The history is read-only for staff and closed to readers.
 */
const EXPECTED: Record<Collection, Partial<Record<Operation, Role[]>>> = {
  articles: {
    create: ['writer', 'editor', 'admin'],
    read: ['writer', 'editor', 'admin'],
    update: ['editor', 'admin'],
    delete: ['editor', 'admin'],
    transition: ['editor', 'admin'],
    publish: ['editor', 'admin'],
    'publish-directly': [],
  },
  faqs: {},
  authors: {},
  'workflow-events': { create: [], read: ['writer', 'editor', 'admin'], update: [], delete: [] },
}
EXPECTED.faqs = EXPECTED.articles
EXPECTED.authors = EXPECTED.articles

const TITLE_FIELD: Record<Collection, string> = {
  articles: 'title',
  faqs: 'question',
  authors: 'name',
  'workflow-events': 'title',
}
const GRAPHQL_NAME: Record<Collection, string> = {
  articles: 'Article',
  faqs: 'Faq',
  authors: 'Author',
  'workflow-events': 'WorkflowEvent',
}

let payload: Payload
let server: CmsServer
const users = {} as Record<Exclude<Role, 'anonymous'>, User>
const tokens = {} as Record<Exclude<Role, 'anonymous'>, string>
let otherWriter: User
let bylineId: string
const created: { collection: Collection; id: string }[] = []

const password = 'matrix-password-123'

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const tag = uid()
  // The first account in an empty database becomes an admin, so the admin goes first.
  for (const role of ['admin', 'editor', 'writer'] as const) {
    users[role] = await payload.create({
      collection: 'users',
      data: { email: `${role}-${tag}@example.com`, name: role, roles: [role], password },
    })
    tokens[role] = await login({ url: server.url, email: users[role].email, password })
  }
  otherWriter = await payload.create({
    collection: 'users',
    data: { email: `other-${tag}@example.com`, name: 'Other', roles: ['writer'], password },
  })
  const byline = await payload.create({
    collection: 'authors',
    data: { name: `Matrix byline ${tag}`, _status: 'published' },
  })
  bylineId = String(byline.id)
  created.push({ collection: 'authors', id: bylineId })
}, 120_000)

afterAll(async () => {
  await server?.stop()
  for (const { collection, id } of created)
    if (collection !== 'workflow-events')
      await payload.delete({ collection, id, overrideAccess: true }).catch(() => undefined)
})

/** A fixture owned by another writer, written as the system. */
const fixture = async (collection: Collection, state: 'draft' | 'in_review' | 'approved') => {
  const title = `Matrix ${collection} ${uid()}`
  if (collection === 'workflow-events') {
    const event = await payload.create({
      collection: 'workflow-events',
      data: {
        documentCollection: 'articles',
        document: 'matrix',
        title,
        action: 'create',
        to: 'draft',
        at: new Date().toISOString(),
      },
      context: { workflowEventWrite: true },
    })
    return { id: String(event.id), title }
  }
  const doc = await payload.create({
    collection,
    data: {
      [TITLE_FIELD[collection]]: title,
      workflowState: state,
      createdBy: otherWriter.id,
      ...(collection === 'articles' ? { authors: [bylineId] } : {}),
    } as never,
    draft: true,
    context: { workflowSystem: true },
  })
  created.push({ collection, id: String(doc.id) })
  return { id: String(doc.id), title }
}

/** The document as stored, whatever anyone was allowed to see. */
const stored = async (collection: Collection, id: string) => {
  if (collection === 'workflow-events')
    return (await payload.find({ collection, where: { id: { equals: id } }, overrideAccess: true }))
      .docs[0] as Record<string, unknown> | undefined
  return (await payload
    .findByID({ collection, id, draft: true, depth: 0, overrideAccess: true })
    .catch(() => undefined)) as Record<string, unknown> | undefined
}
const liveStatus = async (collection: Collection, id: string) =>
  (
    await payload.db.findOne<{ id: string; _status?: string }>({
      collection,
      where: { id: { equals: id } },
    })
  )?._status

type Answer = { ok: boolean; body: unknown }

const rest = async (role: Role, method: string, path: string, body?: unknown): Promise<Answer> => {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (role !== 'anonymous') headers.authorization = tokens[role]
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { ok: response.ok, body: await response.json().catch(() => null) }
}

const graphql = async (role: Role, query: string): Promise<Answer> => {
  const answer = await rest(role, 'POST', '/graphql', { query })
  const body = answer.body as { errors?: unknown[]; data?: Record<string, unknown> } | null
  const data = body?.data ? Object.values(body.data)[0] : null
  return { ok: answer.ok && !body?.errors?.length && data !== null, body: data }
}

const local = async (run: () => Promise<unknown>): Promise<Answer> => {
  try {
    return { ok: true, body: await run() }
  } catch (error) {
    return { ok: false, body: String(error) }
  }
}

const localUser = (role: Role) =>
  role === 'anonymous' ? undefined : { ...users[role], collection: 'users' as const }

/** Runs one case and reports whether it was allowed, judged by what is now in the database. */
const runCase = async ({
  role,
  collection,
  operation,
  transport,
}: {
  role: Role
  collection: Collection
  operation: Operation
  transport: Transport
}): Promise<{ answered: boolean; happened: boolean }> => {
  const field = TITLE_FIELD[collection]
  const name = GRAPHQL_NAME[collection]
  const user = localUser(role)
  const str = JSON.stringify

  if (operation === 'create') {
    const title = `Created ${uid()}`
    const data =
      collection === 'workflow-events'
        ? {
            documentCollection: 'articles',
            document: 'x',
            title,
            action: 'create',
            to: 'draft',
            at: new Date().toISOString(),
          }
        : { [field]: title }
    const answer =
      transport === 'rest'
        ? await rest(role, 'POST', `/${collection}?draft=true`, data)
        : transport === 'graphql'
          ? await graphql(
              role,
              collection === 'workflow-events'
                ? `mutation { create${name}(data: { documentCollection: articles, document: "x", title: ${str(title)}, action: "create", to: draft, at: ${str(data.at)} }) { id } }`
                : `mutation { create${name}(data: { ${field}: ${str(title)} }, draft: true) { id } }`,
            )
          : await local(() =>
              payload.create({
                collection,
                data: data as never,
                draft: true,
                user,
                overrideAccess: false,
              } as never),
            )
    const { docs } = await payload.find({
      collection,
      where: { [field]: { equals: title } },
      draft: true,
      overrideAccess: true,
    } as never)
    for (const doc of docs) created.push({ collection, id: String((doc as { id: string }).id) })
    return { answered: answer.ok, happened: docs.length > 0 }
  }

  const state =
    operation === 'transition'
      ? 'in_review'
      : operation.startsWith('publish')
        ? 'approved'
        : 'draft'
  const doc = await fixture(collection, state)

  if (operation === 'read') {
    const answer =
      transport === 'rest'
        ? await rest(role, 'GET', `/${collection}/${doc.id}?draft=true&depth=0`)
        : transport === 'graphql'
          ? await graphql(
              role,
              `query { ${name}(id: ${str(doc.id)}, draft: true) { id ${field} } }`,
            )
          : await local(() =>
              payload.findByID({
                collection,
                id: doc.id,
                draft: true,
                user,
                overrideAccess: false,
              }),
            )
    const seen = JSON.stringify(answer.body ?? '').includes(doc.title)
    return { answered: answer.ok && seen, happened: seen }
  }

  if (operation === 'update') {
    const title = `Changed ${uid()}`
    const answer =
      transport === 'rest'
        ? await rest(role, 'PATCH', `/${collection}/${doc.id}?draft=true`, { [field]: title })
        : transport === 'graphql'
          ? await graphql(
              role,
              `mutation { update${name}(id: ${str(doc.id)}, data: { ${field}: ${str(title)} }${collection === 'workflow-events' ? '' : ', draft: true'}) { id } }`,
            )
          : await local(() =>
              payload.update({
                collection,
                id: doc.id,
                data: { [field]: title } as never,
                draft: true,
                user,
                overrideAccess: false,
              } as never),
            )
    const after = await stored(collection, doc.id)
    return { answered: answer.ok, happened: after?.[field] === title }
  }

  if (operation === 'delete') {
    const answer =
      transport === 'rest'
        ? await rest(role, 'DELETE', `/${collection}/${doc.id}`)
        : transport === 'graphql'
          ? await graphql(role, `mutation { delete${name}(id: ${str(doc.id)}) { id } }`)
          : await local(() =>
              payload.delete({ collection, id: doc.id, user, overrideAccess: false } as never),
            )
    return { answered: answer.ok, happened: !(await stored(collection, doc.id)) }
  }

  if (operation === 'transition' || operation === 'publish') {
    const action = operation === 'transition' ? 'approve' : 'publish'
    const answer =
      transport === 'rest'
        ? await rest(role, 'POST', `/${collection}/${doc.id}/workflow`, { action })
        : transport === 'graphql'
          ? await graphql(
              role,
              `mutation { workflowTransition(collection: ${collection}, id: ${str(doc.id)}, action: ${action}) { to } }`,
            )
          : await local(async () =>
              performTransition({
                req: await createLocalReq({ user: user as never }, payload),
                collection,
                id: doc.id,
                input: { action },
              }),
            )
    const after = await stored(collection, doc.id)
    const happened =
      operation === 'transition'
        ? after?.workflowState === 'approved'
        : (await liveStatus(collection, doc.id)) === 'published'
    return { answered: answer.ok, happened }
  }

  // publish-directly: set Payload's status by hand, skipping the workflow.
  const answer =
    transport === 'rest'
      ? await rest(role, 'PATCH', `/${collection}/${doc.id}`, { _status: 'published' })
      : transport === 'graphql'
        ? await graphql(
            role,
            `mutation { update${name}(id: ${str(doc.id)}, data: { _status: published }) { id } }`,
          )
        : await local(() =>
            payload.update({
              collection,
              id: doc.id,
              data: { _status: 'published' } as never,
              user,
              overrideAccess: false,
            } as never),
          )
  return {
    answered: answer.ok,
    happened: (await liveStatus(collection, doc.id)) === 'published',
  }
}

const cases = COLLECTIONS.flatMap((collection) =>
  OPERATIONS.filter((operation) => EXPECTED[collection][operation] !== undefined).flatMap(
    (operation) =>
      ROLES.flatMap((role) =>
        TRANSPORTS.map((transport) => ({
          collection,
          operation,
          role,
          transport,
          isAllowed: Boolean(EXPECTED[collection][operation]?.includes(role)),
        })),
      ),
  ),
)

describe('access matrix', () => {
  const tally = { cases: 0, allowed: 0, refused: 0, leaks: 0 }

  it.each(cases)(
    '$role $operation $collection over $transport → allowed: $isAllowed',
    async ({ isAllowed, ...kase }) => {
      const { answered, happened } = await runCase(kase)
      tally.cases += 1
      if (!isAllowed && happened) tally.leaks += 1
      if (isAllowed) tally.allowed += 1
      else tally.refused += 1
      expect({ answered, happened }).toEqual({ answered: isAllowed, happened: isAllowed })
    },
  )

  it('ran every case and nothing leaked', () => {
    console.log(
      `access matrix: ${tally.cases} cases (${tally.allowed} allowed, ${tally.refused} refused), ${tally.leaks} leaks`,
    )
    expect(tally.cases).toBe(cases.length)
    expect(tally.leaks).toBe(0)
  })
})
