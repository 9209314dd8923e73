import type {
  Allowed,
  ActorOrSystem,
  EditConsequence,
  Refusal,
  WorkflowSubject,
} from './transitions.ts'
import { isEditor, isStaff } from './roles.ts'
import { isWorkflowState, STATE_LABELS, WRITER_EDITABLE_STATES } from './states.ts'
import { canEdit, editConsequence, isOwner } from './transitions.ts'

/**
 * Every way a document of a workflow collection can be written, named after the operations the
 * CMS runs: a new document, a copy of one, an edit of one document or of many at once, putting
 * an earlier version back, and deleting.
 */
export const WRITE_OPERATIONS = [
  'create',
  'duplicate',
  'update',
  'bulkUpdate',
  'restoreVersion',
  'delete',
] as const

export type WriteOperation = (typeof WRITE_OPERATIONS)[number]

/** A stored document as the write rules see it: its workflow subject, and whether readers see it. */
export type StoredSubject = WorkflowSubject & {
  /** Whether a published version is on the site (a pending revision may sit over it). */
  isLive: boolean
}

/** What a write asks for besides content, read from the fields it sends. */
export type WriteIntent = {
  /** Payload's `_status` as sent; `published` is a publish. */
  status?: unknown
  /** `workflowState` as sent. */
  state?: unknown
  /** Saved as a draft (a pending revision when the document is live). */
  isDraftSave: boolean
  /** Sends a reviewer different from the stored one. */
  changesAssignee?: boolean
  /** Sends a publish or unpublish time different from the stored ones. */
  changesSchedule?: boolean
  /** Sends fields only the workflow sets on a new document (creator, reviewer, corrections). */
  setsWorkflowFields?: readonly string[]
}

/** An allowed write, with what it does to the workflow state by itself. */
export type WriteAllowed = Allowed & { consequence: EditConsequence | null }

export const PUBLISH_REFUSAL =
  'Publishing goes through review: submit the document, have an editor approve it, then use Publish.'

const refuse = (reason: string, field?: string): Refusal => ({
  ok: false,
  code: 'forbidden',
  reason,
  ...(field ? { field } : {}),
})

const allowed = (consequence: EditConsequence | null = null): WriteAllowed => ({
  ok: true,
  consequence,
})

/**
 * Whether this person may delete the document. Editors and admins may delete anything (a live
 * document comes off the site with it); writers only their own drafts that never went live.
 */
export const canDelete = ({
  user,
  doc,
}: {
  user: ActorOrSystem | null | undefined
  doc: StoredSubject
}): Allowed | Refusal => {
  if (user === 'system') return { ok: true }
  if (!user || !isStaff({ user })) return refuse('Only newsroom staff can delete.')
  if (isEditor({ user })) return { ok: true }
  if (!isOwner({ user, doc }))
    return refuse('Writers can delete only their own documents; ask an editor.')
  if (doc.isLive || !WRITER_EDITABLE_STATES.includes(doc.state))
    return refuse(
      `This document is ${STATE_LABELS[doc.state].toLowerCase()}${doc.isLive ? ' and live on the site' : ''}; writers can delete only their own drafts that never went live. Ask an editor.`,
    )
  return { ok: true }
}

/**
 * Decides any write to a document of a workflow collection, whichever API it came through, with
 * the stored document in hand. Content changes go through these rules; state changes go through
 * workflow actions only. An allowed edit of an approved or scheduled document sends it back to
 * review, and an edit of a live one becomes a pending revision (see `editConsequence`).
 *
 * @example
 * decideWrite({ user: writer, operation: 'bulkUpdate', doc: { state: 'approved', ownerIds: ['other'], isLive: false }, intent: { isDraftSave: true } })
 * // { ok: false, code: 'forbidden', reason: 'Writers can edit only their own documents …' }
 */
export const decideWrite = ({
  user,
  operation,
  doc,
  intent,
}: {
  user: ActorOrSystem | null | undefined
  operation: WriteOperation
  /** The stored document; absent for `create`. For `duplicate`, the source. */
  doc?: StoredSubject | null
  intent: WriteIntent
}): WriteAllowed | Refusal => {
  if (user !== 'system' && (!user || !isStaff({ user })))
    return refuse('Only newsroom staff can write documents.')
  if (operation === 'delete') {
    if (!doc) return allowed()
    const decision = canDelete({ user, doc })
    return decision.ok ? allowed() : decision
  }
  if (intent.status === 'published') return refuse(PUBLISH_REFUSAL, '_status')

  if (operation === 'create' || operation === 'duplicate') {
    // A copy is always a fresh draft of the caller's, whatever the source was.
    if (operation === 'create' && intent.state !== undefined && intent.state !== 'draft')
      return refuse(
        'New documents start as drafts; the state changes only through workflow actions.',
        'workflowState',
      )
    const setsOthers = (intent.setsWorkflowFields ?? []).filter(
      (field) => user !== 'system' && !(field === 'assignee' && isEditor({ user })),
    )
    if (setsOthers.length > 0)
      return refuse(
        `${setsOthers.join(', ')} ${setsOthers.length === 1 ? 'is' : 'are'} set by the workflow, not on a new document.`,
        setsOthers[0],
      )
    return allowed()
  }

  if (!doc) return allowed() // nothing stored: the CMS answers 404 itself
  if (intent.state !== undefined && intent.state !== doc.state && isWorkflowState(intent.state))
    return refuse(
      'The workflow state changes only through workflow actions (submit, approve, publish…), never by editing the field.',
      'workflowState',
    )
  if (intent.state !== undefined && !isWorkflowState(intent.state))
    return refuse('The workflow state changes only through workflow actions.', 'workflowState')
  if (intent.changesAssignee && user !== 'system' && !isEditor({ user }))
    return refuse(
      'Only editors and admins can reassign a reviewer; writers choose one when they submit.',
      'assignee',
    )
  if (intent.changesSchedule)
    return refuse('Schedules are set by the Schedule action.', 'publishAt')
  if (operation === 'bulkUpdate' && !intent.isDraftSave)
    return refuse(
      'Bulk edits are saved as drafts and cannot change the workflow state; use each document’s workflow actions.',
    )
  if (doc.isLive && !intent.isDraftSave)
    return refuse(
      intent.status === 'draft'
        ? 'Unpublishing goes through the Unpublish action, with a note saying why.'
        : 'This document is live. Save your change as a draft: it becomes a revision that goes through review before it replaces the live version.',
    )
  const editable = canEdit({ user, doc })
  if (!editable.ok) return editable
  return allowed(editConsequence({ state: doc.state }))
}
