/**
 * The operation inventory. Its list of operations is read from the running CMS, not typed by
 * hand: every REST route mounted for the workflow collections (Payload's own endpoints and the
 * project's) and every GraphQL mutation in the schema, by introspection. An operation without a
 * row below fails the run, so a Payload upgrade that adds one fails CI until it is judged.
 *
 * Each row runs for every actor (anonymous, the writer who owns the document, another writer,
 * an editor, an admin) on a document in every workflow state. The expected outcome comes from the
 * rules in @copydesk/workflow; after each case the database itself is checked: the latest
 * version, what readers see, the workflow state and the history must agree with what was allowed.
 * A refusal that still changed something, or a 2xx for something refused, is a leak.
 */
import type { Payload } from 'payload'
import { formatNames, toWords } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@copydesk/types/payload-types'
import type { WorkflowCollection, WorkflowState } from '@copydesk/workflow/states'
import type { Actor, TransitionAction } from '@copydesk/workflow/transitions'
import type { StoredSubject, WriteOperation } from '@copydesk/workflow/writes'
import { isStaff } from '@copydesk/workflow/roles'
import { WORKFLOW_COLLECTIONS, WORKFLOW_STATES } from '@copydesk/workflow/states'
import { canTransition, TRANSITIONS } from '@copydesk/workflow/transitions'
import { decideWrite } from '@copydesk/workflow/writes'

import type { CmsServer } from '../helpers/http'
import { login, startCmsServer } from '../helpers/http'
import { testPayload, uid } from '../helpers/payload'

type ActorKind = 'anonymous' | 'owner' | 'otherWriter' | 'editor' | 'admin'
const ACTORS: ActorKind[] = ['anonymous', 'owner', 'otherWriter', 'editor', 'admin']

const TITLE: Record<WorkflowCollection, string> = {
  articles: 'title',
  faqs: 'question',
  authors: 'name',
}

let payload: Payload
let server: CmsServer
let bylineId: string
const people = {} as Record<Exclude<ActorKind, 'anonymous'>, User>
const tokens = {} as Record<Exclude<ActorKind, 'anonymous'>, string>
const password = 'inventory-password-123'

// ---------------------------------------------------------------------------------------------
// Fixtures: a document owned by `owner`, with an earlier version, in the state a case needs.
// Written as the system (no user, context flag), the way the seed and the scheduler write.
// ---------------------------------------------------------------------------------------------

type Fixture = {
  collection: WorkflowCollection
  id: string
  state: WorkflowState
  title: string
  earlierTitle: string
  earlierVersion: string
  isLive: boolean
}

const system = { context: { workflowSystem: true, disableRevalidate: true } }

const makeFixture = async (
  collection: WorkflowCollection,
  state: WorkflowState,
): Promise<Fixture> => {
  const field = TITLE[collection]
  const title = `Inventory ${collection} ${state} ${uid()}`
  const earlierTitle = `${title} earlier`
  const first = await payload.create({
    collection,
    data: {
      [field]: earlierTitle,
      createdBy: people.owner.id,
      workflowState: 'draft',
      // Articles need a byline to be published (this author has no staff account), and a dek
      // and a topic to pass the pre-publish checklist.
      ...(collection === 'articles'
        ? { authors: [bylineId], dek: 'Checked by the inventory.', topics: ['Inventory'] }
        : {}),
    } as never,
    draft: true,
    ...system,
  })
  const id = String(first.id)
  const { docs } = await payload.findVersions({
    collection,
    where: { parent: { equals: id } },
    sort: 'createdAt',
    limit: 1,
    overrideAccess: true,
  })
  const earlierVersion = String(docs[0]?.id)
  const wasPublished = state === 'published' || state === 'archived'
  await payload.update({
    collection,
    id,
    data: {
      [field]: title,
      workflowState: state === 'archived' ? 'published' : state,
      _status: wasPublished ? 'published' : 'draft',
      ...(state === 'scheduled'
        ? { publishAt: new Date(Date.now() + 86_400_000).toISOString() }
        : {}),
    } as never,
    draft: !wasPublished,
    ...system,
  })
  if (state === 'archived')
    await payload.update({
      collection,
      id,
      data: { workflowState: 'archived', _status: 'draft' } as never,
      ...system,
    })
  return {
    collection,
    id,
    state,
    title,
    earlierTitle,
    earlierVersion,
    isLive: state === 'published',
  }
}

/**
 * Fixtures are reused while cases leave them untouched (a refusal is checked to have changed
 * nothing); a case that changed one gets a fresh one next time.
 */
const pool = new Map<string, Fixture>()
const fixtureFor = async (collection: WorkflowCollection, state: WorkflowState) => {
  const key = `${collection}:${state}`
  let fixture = pool.get(key)
  if (!fixture) {
    fixture = await makeFixture(collection, state)
    pool.set(key, fixture)
  }
  return fixture
}
const spend = (fixture: Fixture) => pool.delete(`${fixture.collection}:${fixture.state}`)

// ---------------------------------------------------------------------------------------------
// What the database holds, read with full rights.
// ---------------------------------------------------------------------------------------------

type Snapshot = {
  exists: boolean
  latestTitle: string | null
  state: string | null
  liveTitle: string | null
  events: number
  total: number
}

const snapshot = async (collection: WorkflowCollection, id: string): Promise<Snapshot> => {
  const field = TITLE[collection]
  const latest = (await payload
    .findByID({ collection, id, draft: true, depth: 0, overrideAccess: true })
    .catch(() => null)) as Record<string, unknown> | null
  const main = await payload.db.findOne<Record<string, unknown> & { id: string }>({
    collection,
    where: { id: { equals: id } },
  })
  const { totalDocs: events } = await payload.count({
    collection: 'workflow-events',
    where: { document: { equals: id } },
    overrideAccess: true,
  })
  const { totalDocs: total } = await payload.count({ collection, overrideAccess: true })
  return {
    exists: Boolean(latest),
    latestTitle: latest ? String(latest[field]) : null,
    state: latest ? String(latest.workflowState) : null,
    liveTitle: main?._status === 'published' ? String(main[field]) : null,
    events,
    total,
  }
}

/** The documents created since `since` in this collection (copies and new documents). */
const createdSince = async (collection: WorkflowCollection, since: string) =>
  (
    await payload.find({
      collection,
      where: { createdAt: { greater_than: since } },
      draft: true,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs as unknown as Array<Record<string, unknown> & { id: string }>

// ---------------------------------------------------------------------------------------------
// Talking to the CMS over HTTP as each actor.
// ---------------------------------------------------------------------------------------------

type Answer = { status: number; ok: boolean; text: string }

const headersFor = (actor: ActorKind): Record<string, string> => ({
  'content-type': 'application/json',
  ...(actor === 'anonymous' ? {} : { authorization: tokens[actor] }),
})

const rest = async (actor: ActorKind, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: headersFor(actor),
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, ok: response.ok, text }
}

const graphql = async (actor: ActorKind, query: string): Promise<Answer> => {
  const answer = await rest(actor, 'POST', '/graphql', { query })
  const body = JSON.parse(answer.text || '{}') as {
    errors?: unknown[]
    data?: Record<string, unknown> | null
  }
  const value = body.data ? Object.values(body.data)[0] : null
  return {
    ...answer,
    ok: answer.ok && !body.errors?.length && value !== null && value !== undefined,
  }
}

const asActor = (actor: ActorKind): Actor | null =>
  actor === 'anonymous' ? null : { id: people[actor].id, roles: people[actor].roles }

const subjectOf = (fixture: Fixture): StoredSubject => ({
  state: fixture.state,
  ownerIds: [people.owner.id],
  isLive: fixture.isLive,
})

// ---------------------------------------------------------------------------------------------
// The rows: one per operation the CMS exposes. `run` performs it; `expect` says, from the rules,
// whether it is allowed and what the database must hold afterwards.
// ---------------------------------------------------------------------------------------------

type Ctx = { collection: WorkflowCollection; actor: ActorKind; fixture: Fixture }
type Outcome = {
  /** `either`: a read whose answer may be a refusal or an empty one, as long as nothing leaks. */
  allowed: boolean | 'either'
  /** What the database must hold after an allowed case, compared with before. */
  after?: (before: Snapshot, now: Snapshot, ctx: Ctx, since: string) => Promise<string | null>
}
type Row = {
  kind: 'write' | 'read'
  run: (ctx: Ctx) => Promise<Answer>
  expect: (ctx: Ctx) => Outcome
  /** For reads: whether the answer shows anything this actor may not see. */
  leaks?: (ctx: Ctx, answer: Answer) => boolean
}

const str = JSON.stringify
/** A collection's name in the GraphQL schema, derived as Payload's GraphQL package derives it. */
const gqlName = (slug: string): string => {
  const graphQL = payload.collections[slug as WorkflowCollection]?.config.graphQL
  const custom = graphQL ? (graphQL as { singularName?: string }).singularName : undefined
  return custom ? toWords(custom, true) : formatNames(slug).singular
}

const newTitle = (ctx: Ctx) => `${ctx.fixture.title} edited`

/** An edit's expectations: allowed by the rules, and the title, state and history it leaves. */
const editOutcome =
  (
    operation: WriteOperation,
    { isDraftSave = true, status }: { isDraftSave?: boolean; status?: string } = {},
  ) =>
  (ctx: Ctx): Outcome => {
    const decision = decideWrite({
      user: asActor(ctx.actor),
      operation,
      doc: subjectOf(ctx.fixture),
      intent: { isDraftSave, status },
    })
    if (!decision.ok) return { allowed: false }
    const consequence = 'consequence' in decision ? decision.consequence : null
    return {
      allowed: true,
      after: async (before, now) => {
        const title = operation === 'restoreVersion' ? ctx.fixture.earlierTitle : newTitle(ctx)
        const state = consequence?.to ?? ctx.fixture.state
        const events = before.events + (operation === 'restoreVersion' || consequence ? 1 : 0)
        if (now.latestTitle !== title) return `latest title ${now.latestTitle}, expected ${title}`
        if (now.state !== state) return `state ${now.state}, expected ${state}`
        if (now.liveTitle !== before.liveTitle)
          return `readers now see ${now.liveTitle}, before ${before.liveTitle}`
        if (now.events !== events) return `${now.events} history entries, expected ${events}`
        return null
      },
    }
  }

const deleteOutcome = (ctx: Ctx): Outcome => {
  const decision = decideWrite({
    user: asActor(ctx.actor),
    operation: 'delete',
    doc: subjectOf(ctx.fixture),
    intent: { isDraftSave: false },
  })
  return {
    allowed: decision.ok,
    after: async (_before, now) => (now.exists ? 'the document is still there' : null),
  }
}

/** A new document (or a copy) is a draft of the caller's, off the site, with a `create` entry. */
const freshDraft = (ctx: Ctx, since: string, expectedCount = 1) =>
  (async () => {
    const docs = await createdSince(ctx.collection, since)
    if (docs.length !== expectedCount)
      return `${docs.length} new documents, expected ${expectedCount}`
    for (const doc of docs) {
      const main = await payload.db.findOne<Record<string, unknown> & { id: string }>({
        collection: ctx.collection,
        where: { id: { equals: doc.id } },
      })
      if (main?._status === 'published') return 'the new document is live'
      if (doc.workflowState !== 'draft') return `new document in state ${String(doc.workflowState)}`
      if (String(doc.createdBy) !== String(people[ctx.actor as 'owner'].id))
        return `new document created by ${String(doc.createdBy)}`
      const history = await payload.find({
        collection: 'workflow-events',
        where: { document: { equals: doc.id } },
        overrideAccess: true,
      })
      if (history.docs.length !== 1 || history.docs[0]?.action !== 'create')
        return `new document history: ${history.docs.map((event) => event.action).join(', ')}`
      await payload.delete({ collection: ctx.collection, id: doc.id, overrideAccess: true })
    }
    return null
  })()

const createOutcome =
  (operation: 'create' | 'duplicate', { status }: { status?: string } = {}) =>
  (ctx: Ctx): Outcome => {
    const decision = decideWrite({
      user: asActor(ctx.actor),
      operation,
      doc: subjectOf(ctx.fixture),
      intent: { isDraftSave: operation === 'create' && !status, status },
    })
    return {
      allowed: decision.ok,
      after: async (before, now, _ctx, since) => {
        if (now.liveTitle !== before.liveTitle || now.state !== before.state)
          return 'the source document changed'
        return freshDraft(ctx, since)
      },
    }
  }

/** The workflow action a person would take next from each state. */
const NEXT_ACTION: Record<WorkflowState, TransitionAction> = {
  draft: 'submit',
  in_review: 'approve',
  changes_requested: 'resubmit',
  approved: 'publish',
  scheduled: 'unschedule',
  published: 'unpublish',
  archived: 'reopen',
}
const transitionInput = () => ({ note: 'Checked by the inventory.', reviewer: people.editor.id })

const transitionOutcome = (ctx: Ctx): Outcome => {
  const action = NEXT_ACTION[ctx.fixture.state]
  const decision = canTransition({
    user: asActor(ctx.actor),
    doc: subjectOf(ctx.fixture),
    action,
  })
  const rule = TRANSITIONS.find((r) => r.action === action && r.from === ctx.fixture.state)
  return {
    allowed: decision.ok,
    after: async (before, now) => {
      if (now.state !== rule?.to) return `state ${now.state}, expected ${rule?.to}`
      if (now.events !== before.events + 1) return 'no history entry for the action'
      const live =
        action === 'publish' ? now.latestTitle : action === 'unpublish' ? null : before.liveTitle
      if (now.liveTitle !== live) return `readers see ${now.liveTitle}, expected ${live}`
      return null
    },
  }
}

/** Reads: staff see everything; readers only what is live, and never a draft's words. */
const readOutcome =
  ({ staffOnly = false }: { staffOnly?: boolean } = {}) =>
  (ctx: Ctx): Outcome => ({
    allowed: isStaff({ user: asActor(ctx.actor) }) || (!staffOnly && ctx.fixture.isLive),
  })
/** Lists: staff get them; readers get a list without drafts, or a refusal. */
const listOutcome = (ctx: Ctx): Outcome => ({
  allowed: isStaff({ user: asActor(ctx.actor) }) ? true : 'either',
})
const draftWordsLeak = (ctx: Ctx, answer: Answer) =>
  ctx.actor === 'anonymous' &&
  answer.ok &&
  (answer.text.includes(ctx.fixture.earlierTitle) ||
    (!ctx.fixture.isLive && answer.text.includes(ctx.fixture.title)))
const anyAnswerLeaks = (ctx: Ctx, answer: Answer) => ctx.actor === 'anonymous' && answer.ok

const titleData = (ctx: Ctx) => ({ [TITLE[ctx.collection]]: newTitle(ctx) })
const gqlTitle = (ctx: Ctx) => `${TITLE[ctx.collection]}: ${str(newTitle(ctx))}`
const byId = (ctx: Ctx) => `/${ctx.collection}/${ctx.fixture.id}`
const whereId = (ctx: Ctx) => `where[id][equals]=${ctx.fixture.id}`

const REST_ROWS: Record<string, Row> = {
  'POST /': {
    kind: 'write',
    run: (ctx) => rest(ctx.actor, 'POST', `/${ctx.collection}?draft=true`, titleData(ctx)),
    expect: createOutcome('create'),
  },
  'PATCH /:id': {
    kind: 'write',
    run: (ctx) => rest(ctx.actor, 'PATCH', `${byId(ctx)}?draft=true`, titleData(ctx)),
    expect: editOutcome('update'),
  },
  // Variants of a route run with it: a publish or unpublish by hand, and the admin's autosave.
  'PATCH /:id (publish)': {
    kind: 'write',
    run: (ctx) => rest(ctx.actor, 'PATCH', byId(ctx), { ...titleData(ctx), _status: 'published' }),
    expect: editOutcome('update', { isDraftSave: false, status: 'published' }),
  },
  'PATCH /:id (unpublish)': {
    kind: 'write',
    run: (ctx) => rest(ctx.actor, 'PATCH', byId(ctx), { ...titleData(ctx), _status: 'draft' }),
    expect: editOutcome('update', { isDraftSave: false, status: 'draft' }),
  },
  'PATCH /:id (autosave)': {
    kind: 'write',
    run: (ctx) => rest(ctx.actor, 'PATCH', `${byId(ctx)}?draft=true&autosave=true`, titleData(ctx)),
    expect: editOutcome('update'),
  },
  'POST / (published)': {
    kind: 'write',
    run: (ctx) =>
      rest(ctx.actor, 'POST', `/${ctx.collection}`, { ...titleData(ctx), _status: 'published' }),
    expect: createOutcome('create', { status: 'published' }),
  },
  'PATCH /': {
    kind: 'write',
    run: (ctx) =>
      rest(ctx.actor, 'PATCH', `/${ctx.collection}?${whereId(ctx)}&draft=true`, titleData(ctx)),
    expect: editOutcome('bulkUpdate'),
  },
  'DELETE /:id': {
    kind: 'write',
    run: (ctx) => rest(ctx.actor, 'DELETE', byId(ctx)),
    expect: deleteOutcome,
  },
  'DELETE /': {
    kind: 'write',
    run: (ctx) => rest(ctx.actor, 'DELETE', `/${ctx.collection}?${whereId(ctx)}`),
    expect: deleteOutcome,
  },
  'POST /:id/duplicate': {
    kind: 'write',
    run: (ctx) => rest(ctx.actor, 'POST', `${byId(ctx)}/duplicate?draft=false`, {}),
    expect: createOutcome('duplicate'),
  },
  'POST /versions/:id': {
    kind: 'write',
    run: (ctx) =>
      rest(ctx.actor, 'POST', `/${ctx.collection}/versions/${ctx.fixture.earlierVersion}`),
    expect: editOutcome('restoreVersion', { isDraftSave: false }),
  },
  'POST /versions/:id (draft)': {
    kind: 'write',
    run: (ctx) =>
      rest(
        ctx.actor,
        'POST',
        `/${ctx.collection}/versions/${ctx.fixture.earlierVersion}?draft=true`,
      ),
    expect: editOutcome('restoreVersion'),
  },
  'POST /:id/workflow': {
    kind: 'write',
    run: (ctx) =>
      rest(ctx.actor, 'POST', `${byId(ctx)}/workflow`, {
        action: NEXT_ACTION[ctx.fixture.state],
        ...transitionInput(),
      }),
    expect: transitionOutcome,
  },
  'GET /': {
    kind: 'read',
    run: (ctx) => rest(ctx.actor, 'GET', `/${ctx.collection}?draft=true&${whereId(ctx)}`),
    expect: listOutcome,
    leaks: draftWordsLeak,
  },
  'GET /:id': {
    kind: 'read',
    run: (ctx) => rest(ctx.actor, 'GET', `${byId(ctx)}?draft=true`),
    expect: readOutcome(),
    leaks: draftWordsLeak,
  },
  'GET /count': {
    kind: 'read',
    run: (ctx) => rest(ctx.actor, 'GET', `/${ctx.collection}/count?${whereId(ctx)}`),
    expect: listOutcome,
    leaks: () => false,
  },
  'GET /versions': {
    kind: 'read',
    run: (ctx) =>
      rest(ctx.actor, 'GET', `/${ctx.collection}/versions?where[parent][equals]=${ctx.fixture.id}`),
    expect: listOutcome,
    leaks: draftWordsLeak,
  },
  'GET /versions/:id': {
    kind: 'read',
    run: (ctx) =>
      rest(ctx.actor, 'GET', `/${ctx.collection}/versions/${ctx.fixture.earlierVersion}`),
    expect: readOutcome({ staffOnly: true }),
    leaks: draftWordsLeak,
  },
  'POST /access/:id?': {
    kind: 'read',
    run: (ctx) => rest(ctx.actor, 'POST', `/${ctx.collection}/access/${ctx.fixture.id}`),
    expect: listOutcome,
    leaks: draftWordsLeak,
  },
  'GET /:id/workflow': {
    kind: 'read',
    run: (ctx) => rest(ctx.actor, 'GET', `${byId(ctx)}/workflow`),
    expect: readOutcome({ staffOnly: true }),
    leaks: anyAnswerLeaks,
  },
  'GET /:id/reviewers': {
    kind: 'read',
    run: (ctx) => rest(ctx.actor, 'GET', `${byId(ctx)}/reviewers`),
    expect: readOutcome({ staffOnly: true }),
    leaks: anyAnswerLeaks,
  },
  'GET /:id/preview-url': {
    kind: 'read',
    run: (ctx) => rest(ctx.actor, 'GET', `${byId(ctx)}/preview-url`),
    // FAQs have no page of their own: staff get a 404 saying so.
    expect: (ctx) => ({
      allowed: ctx.collection !== 'faqs' && isStaff({ user: asActor(ctx.actor) }),
    }),
    leaks: anyAnswerLeaks,
  },
  'GET /:id/preview': {
    kind: 'read',
    // Without a signed preview token nobody gets the draft, staff included.
    run: (ctx) => rest(ctx.actor, 'GET', `${byId(ctx)}/preview`),
    expect: () => ({ allowed: false }),
    leaks: (_ctx, answer) => answer.ok,
  },
  // Readers' search and date archive (articles): open to everyone, published stories only.
  'GET /search': {
    kind: 'read',
    run: (ctx) =>
      rest(
        ctx.actor,
        'GET',
        `/${ctx.collection}/search?q=${encodeURIComponent(ctx.fixture.title.split(' ').at(-1) ?? '')}`,
      ),
    expect: () => ({ allowed: true }),
    // Nobody, staff included, finds a draft's words through it.
    leaks: (ctx, answer) =>
      answer.ok &&
      (answer.text.includes(ctx.fixture.earlierTitle) ||
        (!ctx.fixture.isLive && answer.text.includes(ctx.fixture.title))),
  },
  'GET /archive': {
    kind: 'read',
    run: (ctx) => rest(ctx.actor, 'GET', `/${ctx.collection}/archive`),
    expect: () => ({ allowed: true }),
    // Counts per month only: no document's words to leak.
    leaks: () => false,
  },
  'GET /counts': {
    kind: 'read',
    // The fixture's own title, counted over all time: a reader must not learn a draft exists.
    run: (ctx) =>
      rest(
        ctx.actor,
        'GET',
        `/${ctx.collection}/counts?where[${TITLE[ctx.collection]}][equals]=${encodeURIComponent(ctx.fixture.title)}&windows[0][from]=`,
      ),
    expect: () => ({ allowed: true }),
    leaks: (ctx, answer) =>
      answer.ok &&
      !isStaff({ user: asActor(ctx.actor) }) &&
      !ctx.fixture.isLive &&
      !answer.text.includes('"counts":[0]'),
  },
  'GET /:id/live': {
    kind: 'read',
    run: (ctx) => rest(ctx.actor, 'GET', `${byId(ctx)}/live`),
    expect: readOutcome({ staffOnly: true }),
    leaks: anyAnswerLeaks,
  },
}

const GRAPHQL_ROWS: Record<string, Row> = {
  create: {
    kind: 'write',
    run: (ctx) =>
      graphql(
        ctx.actor,
        `mutation { create${gqlName(ctx.collection)}(data: { ${gqlTitle(ctx)} }, draft: true) { id } }`,
      ),
    expect: createOutcome('create'),
  },
  update: {
    kind: 'write',
    run: (ctx) =>
      graphql(
        ctx.actor,
        `mutation { update${gqlName(ctx.collection)}(id: ${str(ctx.fixture.id)}, data: { ${gqlTitle(ctx)} }, draft: true) { id } }`,
      ),
    expect: editOutcome('update'),
  },
  delete: {
    kind: 'write',
    run: (ctx) =>
      graphql(
        ctx.actor,
        `mutation { delete${gqlName(ctx.collection)}(id: ${str(ctx.fixture.id)}) { id } }`,
      ),
    expect: deleteOutcome,
  },
  duplicate: {
    kind: 'write',
    run: (ctx) =>
      graphql(
        ctx.actor,
        `mutation { duplicate${gqlName(ctx.collection)}(id: ${str(ctx.fixture.id)}, data: { ${gqlTitle(ctx)} }) { id } }`,
      ),
    expect: createOutcome('duplicate'),
  },
  restoreVersion: {
    kind: 'write',
    run: (ctx) =>
      graphql(
        ctx.actor,
        `mutation { restoreVersion${gqlName(ctx.collection)}(id: ${str(ctx.fixture.earlierVersion)}) { id } }`,
      ),
    expect: editOutcome('restoreVersion', { isDraftSave: false }),
  },
  workflowTransition: {
    kind: 'write',
    run: (ctx) =>
      graphql(
        ctx.actor,
        `mutation { workflowTransition(collection: ${ctx.collection}, id: ${str(ctx.fixture.id)}, action: ${NEXT_ACTION[ctx.fixture.state]}, note: ${str(transitionInput().note)}, reviewer: ${str(transitionInput().reviewer)}) { to } }`,
      ),
    expect: transitionOutcome,
  },
}

/** The Local API with a user, as server code acting for a person calls it. */
const localAs = (ctx: Ctx) =>
  ctx.actor === 'anonymous'
    ? { overrideAccess: false }
    : { overrideAccess: false, user: { ...people[ctx.actor], collection: 'users' as const } }
const local = async (run: () => Promise<unknown>): Promise<Answer> => {
  try {
    await run()
    return { status: 200, ok: true, text: '' }
  } catch (error) {
    return { status: 403, ok: false, text: String(error) }
  }
}
const LOCAL_ROWS: Record<string, Row> = {
  create: {
    kind: 'write',
    run: (ctx) =>
      local(() =>
        payload.create({
          collection: ctx.collection,
          data: titleData(ctx) as never,
          draft: true,
          ...localAs(ctx),
        }),
      ),
    expect: createOutcome('create'),
  },
  update: {
    kind: 'write',
    run: (ctx) =>
      local(() =>
        payload.update({
          collection: ctx.collection,
          id: ctx.fixture.id,
          data: titleData(ctx) as never,
          draft: true,
          ...localAs(ctx),
        }),
      ),
    expect: editOutcome('update'),
  },
  delete: {
    kind: 'write',
    run: (ctx) =>
      local(() =>
        payload.delete({ collection: ctx.collection, id: ctx.fixture.id, ...localAs(ctx) }),
      ),
    expect: deleteOutcome,
  },
  duplicate: {
    kind: 'write',
    run: (ctx) =>
      local(() =>
        payload.duplicate({
          collection: ctx.collection,
          id: ctx.fixture.id,
          ...localAs(ctx),
        } as never),
      ),
    expect: createOutcome('duplicate'),
  },
  restoreVersion: {
    kind: 'write',
    run: (ctx) =>
      local(() =>
        payload.restoreVersion({
          collection: ctx.collection,
          id: ctx.fixture.earlierVersion,
          ...localAs(ctx),
        }),
      ),
    expect: editOutcome('restoreVersion', { isDraftSave: false }),
  },
}

// ---------------------------------------------------------------------------------------------
// The inventory, read from the CMS.
// ---------------------------------------------------------------------------------------------

type Operation = { transport: 'rest' | 'graphql' | 'local'; key: string; row: Row | undefined }
const inventory: Record<WorkflowCollection, Operation[]> = { articles: [], faqs: [], authors: [] }
const unjudged: string[] = []
let restRoutes = 0
let mutations = 0

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const tag = uid()
  // The first account in an empty database becomes an admin, so the admin goes first.
  for (const kind of ['admin', 'editor', 'owner', 'otherWriter'] as const) {
    const role = kind === 'owner' || kind === 'otherWriter' ? 'writer' : kind
    people[kind] = await payload.create({
      collection: 'users',
      data: {
        email: `${kind.toLowerCase()}-${tag}@example.com`,
        name: kind,
        roles: [role],
        password,
      },
    })
    tokens[kind] = await login({ url: server.url, email: people[kind].email, password })
  }

  const byline = await payload.create({
    collection: 'authors',
    data: { name: `Inventory byline ${tag}`, _status: 'published', workflowState: 'published' },
    ...system,
  })
  bylineId = String(byline.id)

  // REST: every endpoint Payload mounts for each workflow collection, its own and the project's.
  for (const collection of WORKFLOW_COLLECTIONS) {
    const endpoints = payload.collections[collection].config.endpoints || []
    for (const endpoint of endpoints) {
      const key = `${endpoint.method.toUpperCase()} ${endpoint.path}`
      inventory[collection].push({ transport: 'rest', key, row: REST_ROWS[key] })
      for (const variant of Object.keys(REST_ROWS).filter((k) => k.startsWith(`${key} (`)))
        inventory[collection].push({ transport: 'rest', key: variant, row: REST_ROWS[variant] })
      restRoutes += 1
    }
  }

  // GraphQL: every mutation in the schema. Those of other collections are out of scope by name;
  // anything else must belong to a workflow collection and have a row.
  const schema = await rest('admin', 'POST', '/graphql', {
    query: '{ __schema { mutationType { fields { name } } } }',
  })
  const names = (
    JSON.parse(schema.text) as {
      data: { __schema: { mutationType: { fields: { name: string }[] } } }
    }
  ).data.__schema.mutationType.fields.map((field) => field.name)
  const singular = new Map(
    WORKFLOW_COLLECTIONS.map((collection) => [gqlName(collection), collection]),
  )
  const others = payload.config.collections
    .map((collection) => gqlName(collection.slug))
    .filter((name) => !singular.has(name))
  for (const name of names) {
    mutations += 1
    if (name === 'workflowTransition') {
      for (const collection of WORKFLOW_COLLECTIONS)
        inventory[collection].push({ transport: 'graphql', key: name, row: GRAPHQL_ROWS[name] })
      continue
    }
    const owner = [...singular.keys()].find((suffix) => name.endsWith(suffix))
    if (owner) {
      const collection = singular.get(owner) as WorkflowCollection
      const verb = name.slice(0, -owner.length)
      inventory[collection].push({ transport: 'graphql', key: verb, row: GRAPHQL_ROWS[verb] })
    } else if (!others.some((suffix) => name.endsWith(suffix))) unjudged.push(`GraphQL ${name}`)
  }

  for (const collection of WORKFLOW_COLLECTIONS)
    for (const key of Object.keys(LOCAL_ROWS))
      inventory[collection].push({ transport: 'local', key, row: LOCAL_ROWS[key] })
  for (const collection of WORKFLOW_COLLECTIONS)
    for (const operation of inventory[collection])
      if (!operation.row) unjudged.push(`${collection}: ${operation.transport} ${operation.key}`)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

const tally = { cases: 0, allowed: 0, refused: 0, leaks: 0, mismatches: 0 }
const problems: string[] = []

/** Runs one case, judges it against the rules and the database, and returns what went wrong. */
const runCase = async (operation: Operation, ctx: Ctx): Promise<string | null> => {
  const row = operation.row as Row
  const outcome = row.expect(ctx)
  const label = `${ctx.collection} ${operation.transport} ${operation.key} as ${ctx.actor} on ${ctx.fixture.state}`
  tally.cases += 1

  if (row.kind === 'read') {
    const answer = await row.run(ctx)
    if (answer.ok) tally.allowed += 1
    else tally.refused += 1
    if (row.leaks?.(ctx, answer) || (outcome.allowed === false && answer.ok)) {
      tally.leaks += 1
      return `LEAK ${label}: ${answer.status} ${answer.text.slice(0, 200)}`
    }
    if (outcome.allowed === true && !answer.ok) {
      tally.mismatches += 1
      return `${label}: refused (${answer.status} ${answer.text.slice(0, 200)}) but the rules allow it`
    }
    return null
  }

  const before = await snapshot(ctx.collection, ctx.fixture.id)
  const since = new Date(Date.now() - 1).toISOString()
  const answer = await row.run(ctx)
  const now = await snapshot(ctx.collection, ctx.fixture.id)
  if (!outcome.allowed) {
    tally.refused += 1
    const created = await createdSince(ctx.collection, since)
    const changed =
      JSON.stringify(before) !== JSON.stringify(now) || created.length > 0
        ? 'the database changed'
        : null
    if (answer.ok || changed) {
      tally.leaks += 1
      for (const doc of created)
        await payload.delete({ collection: ctx.collection, id: doc.id, overrideAccess: true })
      spend(ctx.fixture)
      return `LEAK ${label}: answered ${answer.status}${changed ? `, ${changed}: ${JSON.stringify({ before, now })}` : ''}`
    }
    if (![401, 403].includes(answer.status) && operation.transport === 'rest')
      return `${label}: refused with ${answer.status}, expected 401 or 403: ${answer.text.slice(0, 200)}`
    return null
  }

  tally.allowed += 1
  spend(ctx.fixture)
  if (!answer.ok) {
    tally.mismatches += 1
    return `${label}: refused (${answer.status} ${answer.text.slice(0, 300)}) but the rules allow it`
  }
  const wrong = await outcome.after?.(before, now, ctx, since)
  if (wrong) {
    tally.mismatches += 1
    return `${label}: allowed, but ${wrong}`
  }
  return null
}

describe('operation inventory', () => {
  it('has a row for every operation the CMS mounts or its schema offers', () => {
    expect(restRoutes).toBeGreaterThan(15)
    expect(mutations).toBeGreaterThan(10)
    expect(unjudged).toEqual([])
  })

  for (const collection of WORKFLOW_COLLECTIONS)
    it(`judges every ${collection} operation for every actor in every state`, async () => {
      for (const operation of inventory[collection]) {
        if (!operation.row) continue
        const states =
          operation.key === 'create' ||
          operation.key.startsWith('POST / ') ||
          operation.key === 'POST /'
            ? (['draft'] as const)
            : WORKFLOW_STATES
        for (const state of states)
          for (const actor of ACTORS) {
            const fixture = await fixtureFor(collection, state)
            const problem = await runCase(operation, { collection, actor, fixture })
            if (problem) problems.push(problem)
          }
      }
    }, 900_000)

  it('found no leaks and no wrong refusals', () => {
    console.log(
      `inventory: ${restRoutes} REST routes and ${mutations} GraphQL mutations read from the CMS; ` +
        `${tally.cases} cases, ${tally.allowed} allowed, ${tally.refused} refused, ${tally.leaks} leaks, ${tally.mismatches} wrong refusals`,
    )
    expect(problems).toEqual([])
    expect(tally.leaks).toBe(0)
  })
})
