import type { MaybeUser } from './roles.ts'
import type { WorkflowState } from './states.ts'
import type { TransitionAction } from './transitions.ts'
import { isEditor, isStaff } from './roles.ts'

/** One kind of document waiting on a person: in this state, and assigned to or owned by them. */
export type QueueCriterion = {
  state: WorkflowState
  relation: 'assignee' | 'owner' | 'unassigned'
  why: string
}

/**
 * What waits on this person. Editors: reviews assigned to them, unassigned reviews, and approved
 * work of theirs to publish or schedule. Writers: their documents sent back with changes requested.
 */
export const queueFor = ({ user }: { user: MaybeUser }): QueueCriterion[] => {
  if (!isStaff({ user })) return []
  const writer: QueueCriterion[] = [
    { state: 'changes_requested', relation: 'owner', why: 'Changes requested on your work' },
  ]
  if (!isEditor({ user })) return writer
  return [
    { state: 'in_review', relation: 'assignee', why: 'Waiting for your review' },
    { state: 'in_review', relation: 'unassigned', why: 'In review with no reviewer' },
    { state: 'approved', relation: 'assignee', why: 'Approved: ready to publish or schedule' },
    ...writer,
  ]
}

export type NotificationPlan = {
  recipientIds: string[]
  kind: TransitionAction
  message: string
}

/**
 * Who hears about a transition: the assignee when work is submitted to them, the owners when a
 * decision is made on their work. Nobody is told about their own action.
 */
export const notificationFor = ({
  action,
  actorId,
  title,
  ownerIds,
  assigneeId,
  note,
}: {
  action: TransitionAction
  actorId: string | 'system'
  title: string
  ownerIds: readonly (string | number)[]
  assigneeId?: string | number | null
  note?: string | null
}): NotificationPlan | null => {
  const quoted = `“${title}”`
  const withNote = note ? `: ${note}` : ''
  const messages: Partial<Record<TransitionAction, { to: 'assignee' | 'owners'; text: string }>> = {
    submit: { to: 'assignee', text: `${quoted} was submitted for your review` },
    resubmit: { to: 'assignee', text: `${quoted} was resubmitted for your review` },
    request_changes: { to: 'owners', text: `Changes requested on ${quoted}${withNote}` },
    approve: { to: 'owners', text: `${quoted} was approved` },
    publish: { to: 'owners', text: `${quoted} is published` },
    release: { to: 'owners', text: `${quoted} was published on schedule` },
  }
  const plan = messages[action]
  if (!plan) return null
  const ids = plan.to === 'assignee' ? (assigneeId ? [assigneeId] : []) : ownerIds
  const recipientIds = [...new Set(ids.map(String))].filter((id) => id !== actorId)
  if (recipientIds.length === 0) return null
  return { recipientIds, kind: action, message: plan.text }
}

/** One part of the dashboard's desk: what waits on the person, grouped by why. */
export type DeskSection = {
  id: 'waiting' | 'changes' | 'scheduled'
  title: string
  /** Shown when the section is empty. */
  empty: string
  /** The queue criteria whose documents the section lists. */
  criteria: QueueCriterion[]
  /** For the scheduled section: documents set to go live before this time (the end of today). */
  scheduledBefore?: string
}

/** The end of the day `now` falls in, in UTC (the newsroom's clock on the server). */
export const endOfDay = ({ now }: { now: Date }): Date =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))

/**
 * The editor's desk on the dashboard: what waits for this person's decision, changes requested on
 * their own work, and what goes live today. Built from `queueFor`, so the dashboard, the queue and
 * the notifications agree on what waits on whom.
 *
 * @example
 * deskFor({ user: { roles: ['writer'] }, now }).map((s) => s.id) // ['changes', 'scheduled']
 */
export const deskFor = ({ user, now }: { user: MaybeUser; now: Date }): DeskSection[] => {
  if (!isStaff({ user })) return []
  const criteria = queueFor({ user })
  const changes = criteria.filter((c) => c.state === 'changes_requested')
  const waiting = criteria.filter((c) => c.state !== 'changes_requested')
  const sections: DeskSection[] = []
  if (isEditor({ user }))
    sections.push({
      id: 'waiting',
      title: 'Waiting for me',
      empty: 'No reviews or approved stories wait on you.',
      criteria: waiting,
    })
  sections.push(
    {
      id: 'changes',
      title: 'Changes requested on my work',
      empty: 'None of your work was sent back.',
      criteria: changes,
    },
    {
      id: 'scheduled',
      title: 'Scheduled today',
      empty: 'Nothing is scheduled to go live today.',
      criteria: [],
      scheduledBefore: endOfDay({ now }).toISOString(),
    },
  )
  return sections
}
