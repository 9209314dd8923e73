import type {
  Actor,
  ActorOrSystem,
  TransitionAction,
  TransitionRule,
  WorkflowSubject,
} from './transitions.ts'
import { isEditor, isStaff } from './roles.ts'
import { STATE_LABELS, WRITER_EDITABLE_STATES } from './states.ts'
import { availableTransitions, isOwner } from './transitions.ts'

/** What each move does, in a sentence the person reads before taking it. */
export const TRANSITION_EXPLANATIONS: Readonly<Record<TransitionAction, string>> = {
  submit: 'Sends it to the editor you choose. You cannot edit it while it is in review.',
  resubmit: 'Sends your changes back to the reviewer. You cannot edit it while it is in review.',
  withdraw: 'Takes it back out of review so you can edit it again.',
  request_changes: 'Sends it back to the writer with your note; they can edit it again.',
  approve: 'Marks it ready to publish. Editing it afterwards sends it back to review.',
  publish: 'Puts this version on the reader site now.',
  schedule: 'Publishes it automatically at the time you choose.',
  unschedule: 'Cancels the scheduled publish; it stays approved.',
  unpublish: 'Takes it off the reader site; say why in a note.',
  reopen: 'Makes it a draft again, to rework and send through review.',
  release: 'The scheduler publishes it at the scheduled time.',
  expire: 'The scheduler takes it off the site at the scheduled time.',
}

/**
 * Moves that belong to the person whose work it is: taking it back out of review, and sending it
 * back after changes were requested. Submitting is offered to editors too: an editor who starts a
 * revision of a writer's live story sends it to review themselves.
 */
const OWNER_MOVES: readonly TransitionAction[] = ['resubmit', 'withdraw']

export type OfferedMove = TransitionRule & { explanation: string }

/**
 * The moves the admin offers this person on the document now, each with what it does. A subset
 * of `availableTransitions` (which the server accepts): editors may also submit, resubmit or
 * withdraw someone else's work over the API, but the buttons offer withdraw and resubmit only to
 * the people whose work it is, so an editor reviewing a writer's story sees the decisions that
 * are theirs to make.
 *
 * @example
 * offeredMoves({ user: editor, doc: { state: 'in_review', ownerIds: [writer.id] } }).map((m) => m.action)
 * // ['request_changes', 'approve']
 */
export const offeredMoves = ({
  user,
  doc,
}: {
  user: ActorOrSystem | null | undefined
  doc: WorkflowSubject
}): OfferedMove[] =>
  availableTransitions({ user, doc })
    .filter(
      (rule) =>
        user === 'system' || !user || !OWNER_MOVES.includes(rule.action) || isOwner({ user, doc }),
    )
    .map((rule) => ({ ...rule, explanation: TRANSITION_EXPLANATIONS[rule.action] }))

/** Whether this person may change the document's content now, and if not, why and what to do. */
export type Editability =
  | { canEdit: true }
  | {
      canEdit: false
      /** Why the form is read-only. */
      reason: string
      /** What the person can do about it. */
      next: string
    }

/**
 * Decides whether the edit form is open to this person, with the same rule the server applies
 * to writes (`canEdit`), worded for the banner over a read-only form.
 *
 * @example
 * editability({ user: writer, doc: { state: 'in_review', ownerIds: [writer.id] } })
 * // { canEdit: false, reason: 'This story is in review, so it is locked for writers.', next: 'Withdraw it to make changes, or wait for the editor’s decision.' }
 */
export const editability = ({
  user,
  doc,
}: {
  user: ActorOrSystem | null | undefined
  doc: WorkflowSubject
}): Editability => {
  if (user === 'system') return { canEdit: true }
  if (!user || !isStaff({ user }))
    return { canEdit: false, reason: 'Only newsroom staff can edit.', next: 'Sign in.' }
  if (isEditor({ user })) return { canEdit: true }
  if (!isOwner({ user, doc }))
    return {
      canEdit: false,
      reason: 'This is someone else’s story: writers edit only their own.',
      next: 'Ask an editor, or the writer, if something needs to change.',
    }
  if (WRITER_EDITABLE_STATES.includes(doc.state)) return { canEdit: true }
  const state = STATE_LABELS[doc.state].toLowerCase()
  const next: Record<string, string> = {
    in_review: 'Withdraw it to make changes, or wait for the editor’s decision.',
    approved: 'Ask an editor if it needs another change.',
    scheduled: 'Ask an editor if it needs another change before it goes live.',
    published: 'Ask an editor to start a revision or publish a correction.',
    archived: 'Ask an editor to reopen it as a draft.',
  }
  return {
    canEdit: false,
    reason: `This story is ${state}, so it is locked for writers.`,
    next: next[doc.state] ?? 'Ask an editor.',
  }
}

/**
 * Whether an edit lock still stands: only while its holder may edit the document (`editability`).
 * A lock left by someone who can no longer edit (a writer whose story went to review with the
 * form open) is stale and must not stop the person who may.
 *
 * @example
 * lockBlocks({ holder: writer, doc: { state: 'in_review', ownerIds: [writer.id] } }) // false
 * lockBlocks({ holder: editor, doc: { state: 'in_review', ownerIds: [writer.id] } }) // true
 */
export const lockBlocks = ({
  holder,
  doc,
}: {
  holder: Actor | null | undefined
  doc: WorkflowSubject
}): boolean => Boolean(holder) && editability({ user: holder, doc }).canEdit
