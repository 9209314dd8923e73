import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  RequestContext,
} from 'payload'

import type { WorkflowCollection, WorkflowState } from '@copydesk/workflow/states'
import { isEditor, isStaff } from '@copydesk/workflow/roles'
import { canEdit, editConsequence } from '@copydesk/workflow/transitions'

import { relationIds } from '../revalidate/lookups'
import { recordEvent } from './events'
import { forbidden, refusalError } from './refusal'
import { findLatest, isLive, ownersOf, stateOf, subjectOf } from './subject'

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

type AutoEvent = { from: WorkflowState; to: WorkflowState; kind: string; note: string }
const autoEventKey = (collection: string, id: string) => `workflowAuto:${collection}:${id}`

const PUBLISH_REFUSAL =
  'Publishing goes through review: submit the document, have an editor approve it, then use Publish.'

const sameRelation = (a: unknown, b: unknown): boolean =>
  relationIds(a).join(',') === relationIds(b).join(',')

/**
 * Enforces the workflow on every create and update, whichever API it came through (REST,
 * GraphQL, Local API): nobody publishes or changes the state except through a workflow action,
 * live content changes only as a reviewed revision, and writers edit only their own drafts. It
 * runs before Payload reads or writes anything, so a refused write changes nothing.
 */
export const enforceWorkflow =
  <S extends WorkflowCollection>(): CollectionBeforeOperationHook<S> =>
  async ({ args, collection, operation, overrideAccess, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    if (isTrustedWrite(req.context) || actsForNobody({ overrideAccess, req })) return args
    // Readers cannot write at all; Payload's access rules answer them.
    if (!isStaff({ user: req.user })) return args
    const slug = collection.slug as WorkflowCollection
    const write = args as unknown as {
      id?: string | number
      data?: Record<string, unknown>
      draft?: boolean
    }
    const data = write.data ?? {}
    const isDraftSave = Boolean(write.draft) && data._status !== 'published'

    if (data._status === 'published') throw forbidden(PUBLISH_REFUSAL)

    if (operation === 'create') {
      if (data.workflowState !== undefined && data.workflowState !== 'draft')
        throw forbidden(
          'New documents start as drafts; the state changes only through workflow actions.',
        )
      return args
    }

    const id = write.id
    if (id === undefined) {
      // Bulk edits from the list view: content only, saved as drafts, never a state change.
      if ('workflowState' in data || '_status' in data || !write.draft)
        throw forbidden(
          'Bulk edits are saved as drafts and cannot change the workflow state; use each document’s workflow actions.',
        )
      return args
    }

    const latest = await findLatest({ collection: slug, id, req })
    if (!latest) return args // Payload answers 404 itself.
    const state = stateOf(latest)

    if (data.workflowState !== undefined && data.workflowState !== state)
      throw forbidden(
        'The workflow state changes only through workflow actions (submit, approve, publish…), never by editing the field.',
      )
    if (
      'assignee' in data &&
      !sameRelation(data.assignee, latest.assignee) &&
      !isEditor({ user: req.user })
    )
      throw forbidden(
        'Only editors and admins can reassign a reviewer; writers choose one when they submit.',
      )
    for (const field of ['publishAt', 'unpublishAt'] as const) {
      const incoming = data[field]
      if (incoming !== undefined && String(incoming ?? '') !== String(latest[field] ?? ''))
        throw forbidden('Schedules are set by the Schedule action.')
    }

    if (!isDraftSave && (await isLive({ collection: slug, id, req })))
      throw forbidden(
        data._status === 'draft'
          ? 'Unpublishing goes through the Unpublish action, with a note saying why.'
          : 'This document is live. Save your change as a draft: it becomes a revision that goes through review before it replaces the live version.',
      )

    const editable = canEdit({ user: req.user, doc: subjectOf(latest) })
    if (!editable.ok) throw refusalError({ refusal: editable, collection: slug })

    const consequence = editConsequence({ state })
    if (consequence) {
      write.data = { ...data, workflowState: consequence.to }
      req.context[autoEventKey(slug, String(id))] = {
        from: state,
        to: consequence.to,
        kind: consequence.kind,
        note: consequence.note,
      } satisfies AutoEvent
    }
    return args
  }

/** Keeps `createdBy` and `owners` right; workflow actions and the seed may set the rest. */
export const trackOwners: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const createdBy =
    operation === 'create'
      ? (relationIds(data.createdBy)[0] ?? (req.user ? String(req.user.id) : null))
      : (relationIds(originalDoc?.createdBy)[0] ?? null)
  if (operation === 'create' && req.user && !isTrustedWrite(req.context))
    data.workflowState = 'draft'
  // A trusted write that publishes without naming a state (a script, a fixture) keeps them in step.
  if (data._status === 'published' && data.workflowState === undefined)
    data.workflowState = 'published'
  const merged = { ...originalDoc, ...data }
  return {
    ...data,
    createdBy,
    owners: await ownersOf({
      collection: collection.slug as WorkflowCollection,
      createdBy,
      data: merged,
      req,
    }),
  }
}

/** Writes the automatic history entries: creation, and the state changes an edit caused. */
export const recordAutomaticEvents: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  req,
}) => {
  const slug = collection.slug as WorkflowCollection
  if (operation === 'create' && !req.context.workflowSystem) {
    await recordEvent({
      req,
      collection: slug,
      doc,
      event: { action: 'create', from: null, to: stateOf(doc), note: null },
    })
  }
  const key = autoEventKey(slug, String(doc.id))
  const auto = req.context[key] as AutoEvent | undefined
  if (auto) {
    delete req.context[key]
    await recordEvent({
      req,
      collection: slug,
      doc,
      event: { action: auto.kind, from: auto.from, to: auto.to, note: auto.note },
    })
  }
  return doc
}
