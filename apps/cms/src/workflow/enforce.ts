import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
  RequestContext,
  Where,
} from 'payload'

import type { WorkflowCollection, WorkflowState } from '@copydesk/workflow/states'
import type { EditConsequence, Refusal } from '@copydesk/workflow/transitions'
import type { StoredSubject, WriteIntent, WriteOperation } from '@copydesk/workflow/writes'
import { isStaff } from '@copydesk/workflow/roles'
import { decideWrite } from '@copydesk/workflow/writes'

import { relationIds } from '../revalidate/lookups'
import { recordEvent } from './events'
import { forbidden, refusalError } from './refusal'
import { findLatest, isLive, ownersOf, stateOf, subjectOf, titleOf } from './subject'

/**
 * Writes that skip the checks: workflow actions (which checked the rules themselves), the
 * scheduler and the seed, which say so in the request context. Only server code can set a
 * request's context; REST and GraphQL cannot.
 */
export const isTrustedWrite = (context: RequestContext): boolean =>
  Boolean(context.workflowTransition || context.workflowSystem)

/**
 * Server code that overrides access and acts for nobody (scripts, the seed, fixtures) is trusted
 * like the system. Everything that acts for a person is checked: REST, GraphQL, and the Local API
 * with a user or with `overrideAccess: false`.
 */
const actsForNobody = ({
  overrideAccess,
  req,
}: {
  overrideAccess?: boolean
  req: { user?: unknown }
}) => overrideAccess === true && !req.user

/**
 * What the rules decided for one document in this request: the state change an edit causes by
 * itself, and for a restored version which version it was. The change hook applies it to exactly
 * that document, and refuses any write of a document the rules never saw.
 */
export type WritePlan = {
  consequence: EditConsequence | null
  from: WorkflowState
  restoredVersion?: string
  isLive: boolean
}

/** Fields only the workflow sets: a new document or a copy never brings its own. */
const WORKFLOW_SET_FIELDS = [
  'createdBy',
  'assignee',
  'corrections',
  'owners',
  'publishAt',
  'unpublishAt',
]
/** Fields a restored version does not bring back: they belong to the document's present. */
const PRESENT_FIELDS = ['assignee', 'publishAt', 'unpublishAt', 'corrections', 'publishedAt']

const planKey = (collection: string, id: string | number) => `${collection}:${String(id)}`
const plans = (req: PayloadRequest): Record<string, WritePlan> =>
  (req.context.workflowPlans ??= {}) as Record<string, WritePlan>

const hasValue = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0)

const sameRelation = (a: unknown, b: unknown): boolean =>
  relationIds(a).join(',') === relationIds(b).join(',')

const sameDate = (a: unknown, b: unknown): boolean => {
  const time = (value: unknown) => (hasValue(value) ? new Date(String(value)).getTime() : null)
  return time(a) === time(b)
}

/** What a write asks for besides content, compared with the stored document. */
const intentOf = ({
  data,
  isDraftSave,
  stored,
}: {
  data: Record<string, unknown>
  isDraftSave: boolean
  stored?: Record<string, unknown> | null
}): WriteIntent => ({
  status: data._status,
  state: data.workflowState,
  isDraftSave,
  changesAssignee: 'assignee' in data && !sameRelation(data.assignee, stored?.assignee),
  changesSchedule: (['publishAt', 'unpublishAt'] as const).some(
    (field) => field in data && !sameDate(data[field], stored?.[field]),
  ),
  setsWorkflowFields: WORKFLOW_SET_FIELDS.filter((field) => hasValue(data[field])),
})

const refuse = ({
  refusal,
  collection,
  doc,
  isMany,
}: {
  refusal: Refusal
  collection: WorkflowCollection
  doc?: Record<string, unknown>
  isMany: boolean
}): Error =>
  isMany && doc
    ? forbidden(`“${titleOf(doc)}”: ${refusal.reason} Nothing was changed.`)
    : refusalError({ refusal, collection })

/** The stored document with what the rules need: its subject and whether it is live. */
const storedSubject = async ({
  collection,
  id,
  req,
}: {
  collection: WorkflowCollection
  id: string | number
  req: PayloadRequest
}) => {
  const latest = await findLatest({ collection, id, req })
  if (!latest) return null
  const live = await isLive({ collection, id, req })
  return { latest, subject: { ...subjectOf(latest), isLive: live } satisfies StoredSubject }
}

/** The ids a bulk update or delete would touch, found the way Payload finds them. */
const matchingIds = async ({
  collection,
  where,
  draft,
  req,
}: {
  collection: WorkflowCollection
  where: Where | undefined
  draft: boolean
  req: PayloadRequest
}): Promise<string[]> => {
  const { docs } = await req.payload.find({
    collection,
    where: where ?? {},
    draft,
    depth: 0,
    pagination: false,
    select: {},
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs.map((doc) => String(doc.id))
}

/** Decides one stored document's write; throws the refusal, or records the plan. */
const decideStored = async ({
  collection,
  id,
  operation,
  data,
  isDraftSave,
  isMany,
  req,
  restoredVersion,
}: {
  collection: WorkflowCollection
  id: string | number
  operation: WriteOperation
  data: Record<string, unknown>
  isDraftSave: boolean
  isMany: boolean
  req: PayloadRequest
  restoredVersion?: string
}): Promise<void> => {
  const stored = await storedSubject({ collection, id, req })
  if (!stored) return // Payload answers 404 (or skips the id) itself.
  const decision = decideWrite({
    user: req.user,
    operation,
    doc: stored.subject,
    intent: intentOf({ data, isDraftSave, stored: stored.latest }),
  })
  if (!decision.ok) throw refuse({ refusal: decision, collection, doc: stored.latest, isMany })
  plans(req)[planKey(collection, id)] = {
    consequence: 'consequence' in decision ? decision.consequence : null,
    from: stored.subject.state,
    isLive: stored.subject.isLive,
    ...(restoredVersion ? { restoredVersion } : {}),
  }
}

type OperationArgs = {
  id?: string | number
  where?: Where
  data?: Record<string, unknown>
  draft?: boolean
  duplicateFromID?: string | number | null
}

/** A copy is always a fresh draft of the caller's: nothing of the source's workflow comes along. */
const freshCopy = async ({
  collection,
  write,
  req,
}: {
  collection: WorkflowCollection
  write: OperationArgs
  req: PayloadRequest
}) => {
  const source = await findLatest({ collection, id: write.duplicateFromID as string, req })
  write.draft = true
  write.data = {
    ...write.data,
    _status: 'draft',
    workflowState: 'draft',
    assignee: null,
    publishAt: null,
    unpublishAt: null,
    ...(collection === 'articles' ? { corrections: [], publishedAt: null } : {}),
    // The slug is unique: a copy gets its own until someone names it.
    ...(source && typeof source.slug === 'string' && !write.data?.slug
      ? { slug: `${source.slug}-copy-${Date.now().toString(36)}` }
      : {}),
  }
  req.context.workflowDuplicate = true
}

/**
 * Enforces the workflow on every write, whichever API it came through (REST, GraphQL, Local API)
 * and whichever operation Payload runs (create, duplicate, update by id or in bulk, autosave,
 * restoring a version, delete by id or in bulk). Each document a write would touch is decided by
 * `decideWrite` with the stored document in hand, before Payload reads or writes anything, so a
 * refused write changes nothing: for bulk operations, one refused document refuses them all.
 */
export const enforceWorkflow =
  <S extends WorkflowCollection>(): CollectionBeforeOperationHook<S> =>
  async ({ args, collection, operation, overrideAccess, req }) => {
    const slug = collection.slug as WorkflowCollection
    const write = args as unknown as OperationArgs
    const isDuplicate =
      operation === 'create' &&
      write.duplicateFromID !== undefined &&
      write.duplicateFromID !== null
    if (isDuplicate && !isTrustedWrite(req.context))
      await freshCopy({ collection: slug, write, req })

    if (!['create', 'update', 'delete', 'restoreVersion'].includes(operation)) return args
    if (isTrustedWrite(req.context) || actsForNobody({ overrideAccess, req })) return args
    // Readers cannot write at all; Payload's access rules answer them.
    if (!isStaff({ user: req.user })) return args
    const data = write.data ?? {}
    const isDraftSave = Boolean(write.draft) && data._status !== 'published'

    if (operation === 'create') {
      // A copy is decided like a new document: freshCopy already cut it loose from its source.
      const decision = decideWrite({
        user: req.user,
        operation: isDuplicate ? 'duplicate' : 'create',
        intent: intentOf({
          data: isDuplicate ? { _status: data._status } : data,
          isDraftSave,
        }),
      })
      if (!decision.ok) throw refusalError({ refusal: decision, collection: slug })
      req.context.workflowCreateDecided = true
      return args
    }

    if (operation === 'restoreVersion') {
      const { docs } = await req.payload.db.findVersions({
        collection: slug,
        where: { id: { equals: write.id } },
        limit: 1,
        pagination: false,
        req,
      })
      const parent = docs[0]?.parent
      if (parent === undefined || parent === null) return args // Payload answers 404.
      const parentId = String(typeof parent === 'object' ? (parent as { id: string }).id : parent)
      // Payload reads `draft` before this hook runs: a restore that is not a draft would replace
      // (or unpublish) a live document, and the rules refuse it with the way out.
      await decideStored({
        collection: slug,
        id: parentId,
        operation: 'restoreVersion',
        data: {},
        isDraftSave: Boolean(write.draft),
        isMany: false,
        req,
        restoredVersion: String(write.id),
      })
      return args
    }

    const isMany = write.id === undefined
    const ids = isMany
      ? await matchingIds({
          collection: slug,
          where: write.where,
          draft: Boolean(write.draft),
          req,
        })
      : [write.id as string | number]
    for (const id of ids)
      await decideStored({
        collection: slug,
        id,
        operation: operation === 'delete' ? 'delete' : isMany ? 'bulkUpdate' : 'update',
        data,
        isDraftSave,
        isMany,
        req,
      })
    return args
  }

/**
 * Applies what the rules decided to the document being written, and refuses any write by a person
 * that the rules never saw (a path the operation hook does not cover fails closed). Keeps
 * `createdBy` and `owners` right; workflow actions and the seed may set the rest.
 */
export const trackOwners: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const slug = collection.slug as WorkflowCollection
  const isPerson = Boolean(req.user) && !isTrustedWrite(req.context)
  if (operation === 'update' && isPerson && originalDoc?.id !== undefined) {
    const plan = plans(req)[planKey(slug, originalDoc.id)]
    if (!plan) throw forbidden('This write was not checked against the editorial workflow.')
    if (plan.consequence) data.workflowState = plan.consequence.to
    if (plan.restoredVersion) {
      // A restored version brings back content, never a state, a schedule or a publication.
      data.workflowState = plan.consequence?.to ?? plan.from
      data._status = 'draft'
      for (const field of PRESENT_FIELDS)
        if (field in originalDoc) data[field] = originalDoc[field] ?? null
    }
  }
  if (operation === 'create' && isPerson) {
    if (!req.context.workflowCreateDecided)
      throw forbidden('This write was not checked against the editorial workflow.')
    delete req.context.workflowCreateDecided
    data.workflowState = 'draft'
  }
  const createdBy =
    operation === 'create'
      ? req.context.workflowDuplicate && req.user
        ? String(req.user.id)
        : (relationIds(data.createdBy)[0] ?? (req.user ? String(req.user.id) : null))
      : (relationIds(originalDoc?.createdBy)[0] ?? null)
  // A trusted write that publishes without naming a state (a script, a fixture) keeps them in step.
  if (data._status === 'published' && data.workflowState === undefined)
    data.workflowState = 'published'
  const merged = { ...originalDoc, ...data }
  return {
    ...data,
    createdBy,
    owners: await ownersOf({ collection: slug, createdBy, data: merged, req }),
  }
}

/** A delete by a person goes ahead only for documents the rules decided on (fails closed). */
export const requireDeleteDecision: CollectionBeforeDeleteHook = ({ collection, id, req }) => {
  if (!req.user || isTrustedWrite(req.context)) return
  if (!plans(req)[planKey(collection.slug, id)])
    throw forbidden('This delete was not checked against the editorial workflow.')
}

/**
 * Writes the automatic history entries: creation (or a copy), a restored version, and the state
 * changes an edit caused.
 */
export const recordAutomaticEvents: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  req,
}) => {
  const slug = collection.slug as WorkflowCollection
  const isCopy = Boolean(req.context.workflowDuplicate)
  if (operation === 'create') delete req.context.workflowDuplicate
  if (operation === 'create' && !req.context.workflowSystem) {
    await recordEvent({
      req,
      collection: slug,
      doc,
      event: {
        action: 'create',
        from: null,
        to: stateOf(doc),
        note: isCopy ? 'Created as a copy of another document.' : null,
      },
    })
  }
  const key = planKey(slug, doc.id)
  const plan = plans(req)[key]
  if (operation !== 'update' || !plan) return doc
  delete plans(req)[key]
  if (plan.restoredVersion)
    await recordEvent({
      req,
      collection: slug,
      doc,
      event: {
        action: 'restore',
        from: plan.from,
        to: plan.consequence?.to ?? plan.from,
        note: `Restored an earlier version (${plan.restoredVersion}) as a draft.`,
      },
    })
  else if (plan.consequence)
    await recordEvent({
      req,
      collection: slug,
      doc,
      event: {
        action: plan.consequence.kind,
        from: plan.from,
        to: plan.consequence.to,
        note: plan.consequence.note,
      },
    })
  return doc
}
