import type { Role } from './roles.ts'
import type { WorkflowState } from './states.ts'
import { isEditor, isStaff } from './roles.ts'
import { STATE_LABELS, WRITER_EDITABLE_STATES } from './states.ts'

/** A signed-in person, or the scheduler acting on a decision a person already made. */
export type Actor = { id: string | number; roles?: readonly Role[] | null }
export type ActorOrSystem = Actor | 'system'

/** What the rules need to know about a document. */
export type WorkflowSubject = {
  state: WorkflowState
  /** Users who own the document: its creator and the staff accounts of its byline. */
  ownerIds: readonly (string | number)[]
}

export const TRANSITION_ACTIONS = [
  'submit',
  'resubmit',
  'withdraw',
  'request_changes',
  'approve',
  'publish',
  'schedule',
  'unschedule',
  'unpublish',
  'reopen',
  'release',
  'expire',
] as const

export type TransitionAction = (typeof TRANSITION_ACTIONS)[number]

/** Who may take a transition: the document's owners (and editors), editors only, or the scheduler. */
export type Performer = 'owner' | 'editor' | 'system'

export type TransitionRule = {
  action: TransitionAction
  from: WorkflowState
  to: WorkflowState
  by: Performer
  /** Button text in the admin. */
  label: string
  /** Past tense, for the timeline and notifications. */
  done: string
  needsNote?: boolean
  needsReviewer?: boolean
  needsPublishAt?: boolean
  /** Styling hint for the admin: the main forward move, or one that takes something back. */
  tone: 'primary' | 'secondary' | 'danger'
}

/**
 * The whole state machine. Writers move their own documents into and out of review; editors and
 * admins decide, publish and archive (and may also do what a writer does, on any document); the
 * scheduler only carries out a schedule an editor set.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'submit',
    from: 'draft',
    to: 'in_review',
    by: 'owner',
    label: 'Submit for review',
    done: 'submitted for review',
    needsReviewer: true,
    tone: 'primary',
  },
  {
    action: 'resubmit',
    from: 'changes_requested',
    to: 'in_review',
    by: 'owner',
    label: 'Resubmit',
    done: 'resubmitted for review',
    tone: 'primary',
  },
  {
    action: 'withdraw',
    from: 'in_review',
    to: 'draft',
    by: 'owner',
    label: 'Withdraw',
    done: 'withdrew from review',
    tone: 'secondary',
  },
  {
    action: 'request_changes',
    from: 'in_review',
    to: 'changes_requested',
    by: 'editor',
    label: 'Request changes',
    done: 'requested changes',
    needsNote: true,
    tone: 'danger',
  },
  {
    action: 'approve',
    from: 'in_review',
    to: 'approved',
    by: 'editor',
    label: 'Approve',
    done: 'approved',
    tone: 'primary',
  },
  {
    action: 'publish',
    from: 'approved',
    to: 'published',
    by: 'editor',
    label: 'Publish',
    done: 'published',
    tone: 'primary',
  },
  {
    action: 'schedule',
    from: 'approved',
    to: 'scheduled',
    by: 'editor',
    label: 'Schedule',
    done: 'scheduled',
    needsPublishAt: true,
    tone: 'secondary',
  },
  {
    // A new time for a story already scheduled (the calendar's drag, or the panel): the same
    // move, so the same people, checks and history entry.
    action: 'schedule',
    from: 'scheduled',
    to: 'scheduled',
    by: 'editor',
    label: 'Reschedule',
    done: 'rescheduled',
    needsPublishAt: true,
    tone: 'secondary',
  },
  {
    action: 'unschedule',
    from: 'scheduled',
    to: 'approved',
    by: 'editor',
    label: 'Cancel schedule',
    done: 'cancelled the schedule',
    tone: 'secondary',
  },
  {
    action: 'unpublish',
    from: 'published',
    to: 'archived',
    by: 'editor',
    label: 'Unpublish',
    done: 'unpublished',
    needsNote: true,
    tone: 'danger',
  },
  {
    action: 'reopen',
    from: 'archived',
    to: 'draft',
    by: 'editor',
    label: 'Reopen as draft',
    done: 'reopened as a draft',
    tone: 'secondary',
  },
  {
    action: 'release',
    from: 'scheduled',
    to: 'published',
    by: 'system',
    label: 'Publish on schedule',
    done: 'published on schedule',
    tone: 'primary',
  },
  {
    action: 'expire',
    from: 'published',
    to: 'archived',
    by: 'system',
    label: 'Unpublish on schedule',
    done: 'unpublished on schedule',
    tone: 'danger',
  },
]

export type Refusal = {
  ok: false
  /** `forbidden`: this person may not do this now (403). `invalid`: input is missing or wrong (400). */
  code: 'forbidden' | 'invalid'
  reason: string
  field?: string
}

export type Allowed = { ok: true }

const refuse = (reason: string, code: Refusal['code'] = 'forbidden', field?: string): Refusal => ({
  ok: false,
  code,
  reason,
  ...(field ? { field } : {}),
})

const sameId = (a: string | number, b: string | number): boolean => String(a) === String(b)

/** Whether the user owns the document: created it, or is named in its byline. */
export const isOwner = ({ user, doc }: { user: Actor; doc: WorkflowSubject }): boolean =>
  doc.ownerIds.some((id) => sameId(id, user.id))

export const ruleFor = (action: TransitionAction): TransitionRule[] =>
  TRANSITIONS.filter((rule) => rule.action === action)

const describeState = (state: WorkflowState): string => STATE_LABELS[state].toLowerCase()

/**
 * Whether the actor may take this action on the document now. It checks role, ownership and the
 * current state only; `applyTransition` also checks the note, reviewer and date.
 *
 * @example
 * canTransition({ user: writer, doc: { state: 'approved', ownerIds: [writer.id] }, action: 'publish' })
 * // { ok: false, code: 'forbidden', reason: 'Only editors and admins can publish.' }
 */
export const canTransition = ({
  user,
  doc,
  action,
}: {
  user: ActorOrSystem | null | undefined
  doc: WorkflowSubject
  action: TransitionAction
}): Allowed | Refusal => {
  const rules = ruleFor(action)
  const first = rules[0]
  if (!first) return refuse(`“${action}” is not a workflow action.`, 'invalid', 'action')
  const verb = first.label.toLowerCase()
  if (!user) return refuse('Sign in to change the workflow state.')
  if (first.by === 'system') {
    if (user !== 'system') return refuse(`Only the scheduler can ${verb}.`)
  } else if (user === 'system') {
    return refuse(`The scheduler cannot ${verb}; a person must.`)
  } else if (!isStaff({ user })) {
    return refuse('Only newsroom staff can change the workflow state.')
  } else if (first.by === 'editor' && !isEditor({ user })) {
    return refuse(`Only editors and admins can ${verb}.`)
  } else if (first.by === 'owner' && !isEditor({ user }) && !isOwner({ user, doc })) {
    return refuse(`Writers can ${verb} only their own documents.`)
  }
  const rule = rules.find((candidate) => candidate.from === doc.state)
  if (!rule) {
    const from = rules.map((candidate) => describeState(candidate.from)).join(' or ')
    return refuse(
      `Cannot ${verb} a document that is ${describeState(doc.state)}; only one that is ${from}.`,
    )
  }
  return { ok: true }
}

/**
 * The transitions this person may take on the document now: exactly what the admin shows as
 * buttons, and exactly what the server accepts.
 */
export const availableTransitions = ({
  user,
  doc,
}: {
  user: ActorOrSystem | null | undefined
  doc: WorkflowSubject
}): TransitionRule[] =>
  TRANSITIONS.filter(
    (rule) => rule.from === doc.state && canTransition({ user, doc, action: rule.action }).ok,
  )

export type TransitionInput = {
  note?: string | null
  /** The editor who should review; required when a document is submitted. */
  reviewer?: Actor | null
  publishAt?: Date | string | null
  /** Optional: when a published document should come off the site again. */
  unpublishAt?: Date | string | null
  /** The version the decision was made on. */
  version?: string | null
}

export type HistoryEntry = {
  action: TransitionAction
  from: WorkflowState
  to: WorkflowState
  actor: string | 'system'
  note: string | null
  version: string | null
  at: string
}

export type Transition = {
  ok: true
  rule: TransitionRule
  to: WorkflowState
  /** The new assignee when the transition sets one. */
  assigneeId?: string | number
  publishAt?: string
  unpublishAt?: string
  event: HistoryEntry
}

const parseDate = (value: Date | string | null | undefined): Date | null => {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * Takes a transition: checks who, from where and with what, and returns the new state with the
 * history entry to append, or a refusal a person can read.
 *
 * @example
 * applyTransition({ user: editor, doc, action: 'request_changes', input: { note: '' }, now })
 * // { ok: false, code: 'invalid', field: 'note', reason: 'Say what needs to change: a note is required.' }
 */
export const applyTransition = ({
  user,
  doc,
  action,
  input = {},
  now,
}: {
  user: ActorOrSystem | null | undefined
  doc: WorkflowSubject
  action: TransitionAction
  input?: TransitionInput
  now: Date
}): Transition | Refusal => {
  const allowed = canTransition({ user, doc, action })
  if (!allowed.ok) return allowed
  // canTransition found the rule for this state.
  const rule = TRANSITIONS.find(
    (r) => r.action === action && r.from === doc.state,
  ) as TransitionRule
  const note = input.note?.trim() || null
  if (rule.needsNote && !note) {
    const why =
      action === 'unpublish'
        ? 'Say why it comes off the site: a note is required.'
        : 'Say what needs to change: a note is required.'
    return refuse(why, 'invalid', 'note')
  }
  let assigneeId: string | number | undefined
  if (input.reviewer) {
    if (!isEditor({ user: input.reviewer }))
      return refuse('The reviewer must be an editor or an admin.', 'invalid', 'reviewer')
    assigneeId = input.reviewer.id
  } else if (rule.needsReviewer) {
    return refuse('Choose an editor to review it.', 'invalid', 'reviewer')
  }
  let publishAt: string | undefined
  if (rule.needsPublishAt) {
    const date = parseDate(input.publishAt)
    if (!date) return refuse('Choose a date and time to publish.', 'invalid', 'publishAt')
    if (date.getTime() <= now.getTime())
      return refuse('The publish time must be in the future.', 'invalid', 'publishAt')
    publishAt = date.toISOString()
  }
  let unpublishAt: string | undefined
  if (input.unpublishAt) {
    const date = parseDate(input.unpublishAt)
    if (!date) return refuse('The unpublish time is not a date.', 'invalid', 'unpublishAt')
    const earliest = parseDate(publishAt) ?? now
    if (date.getTime() <= earliest.getTime())
      return refuse(
        'The unpublish time must come after the publish time.',
        'invalid',
        'unpublishAt',
      )
    unpublishAt = date.toISOString()
  }
  return {
    ok: true,
    rule,
    to: rule.to,
    ...(assigneeId !== undefined ? { assigneeId } : {}),
    ...(publishAt ? { publishAt } : {}),
    ...(unpublishAt ? { unpublishAt } : {}),
    event: {
      action,
      from: doc.state,
      to: rule.to,
      actor: user === 'system' ? 'system' : String((user as Actor).id),
      note,
      version: input.version ?? null,
      at: now.toISOString(),
    },
  }
}

/**
 * Whether this person may change the document's content now. Writers edit only their own
 * documents, and only while they are drafts or sent back with changes requested.
 */
export const canEdit = ({
  user,
  doc,
}: {
  user: ActorOrSystem | null | undefined
  doc: WorkflowSubject
}): Allowed | Refusal => {
  if (user === 'system') return { ok: true }
  if (!user || !isStaff({ user })) return refuse('Only newsroom staff can edit.')
  if (isEditor({ user })) return { ok: true }
  if (!isOwner({ user, doc }))
    return refuse('Writers can edit only their own documents (created by them or in their byline).')
  if (!WRITER_EDITABLE_STATES.includes(doc.state))
    return refuse(
      `This document is ${describeState(doc.state)}; writers can edit only drafts and documents with changes requested.`,
    )
  return { ok: true }
}

/** What an edit does to the workflow state by itself, if anything. */
export type EditConsequence = {
  to: WorkflowState
  kind: 'approval_voided' | 'revision_started'
  note: string
}

/**
 * An approval holds for the version that was approved: changing an approved or scheduled document
 * sends it back to review. Editing a published document starts a pending revision (a draft on top
 * of the live version) that goes through review before it replaces what readers see.
 */
export const editConsequence = ({ state }: { state: WorkflowState }): EditConsequence | null => {
  if (state === 'approved' || state === 'scheduled')
    return {
      to: 'in_review',
      kind: 'approval_voided',
      note: 'Edited after approval: it needs a fresh review.',
    }
  if (state === 'published')
    return {
      to: 'draft',
      kind: 'revision_started',
      note: 'Revision started on the live version.',
    }
  return null
}
