import type { MaybeUser } from './roles.ts'
import type { Allowed, Refusal } from './transitions.ts'
import { isEditor, isStaff } from './roles.ts'

/**
 * Workflow fields that are the newsroom's business: who owns, created and reviews a document,
 * its state and its schedule. Readers never see them, on any API; a published story's public
 * corrections (a note and a date, no names) stay public.
 */
export const STAFF_ONLY_FIELDS = [
  'workflowState',
  'assignee',
  'owners',
  'createdBy',
  'publishAt',
  'unpublishAt',
] as const

/** Fields only the workflow writes: owner tracking, workflow actions and the scheduler. */
export const WORKFLOW_WRITTEN_FIELDS = [
  'createdBy',
  'owners',
  'assignee',
  'corrections',
  'publishAt',
  'unpublishAt',
] as const

export type WorkflowWrittenField = (typeof WORKFLOW_WRITTEN_FIELDS)[number]

/** Whether a person may read the staff-only workflow fields. */
export const canReadWorkflowFields = ({ user }: { user: MaybeUser }): boolean => isStaff({ user })

/**
 * Whether a person may write this field by hand (the workflow's own writes are not asked). Only
 * the reviewer is anyone's to choose: editors and admins may name or change one. Everything
 * else is set by the CMS: the creator and owners by owner tracking, corrections by the Publish
 * action, the schedule by the Schedule action.
 */
export const canWriteWorkflowField = ({
  user,
  field,
}: {
  user: MaybeUser
  field: WorkflowWrittenField
}): boolean => field === 'assignee' && isEditor({ user })

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0)

const REFUSALS: Record<WorkflowWrittenField, string> = {
  createdBy:
    'createdBy is set by the CMS to whoever creates the document; leave it out of a new document.',
  owners:
    'owners are worked out by the CMS from the creator and the byline; leave them out of a new document.',
  assignee:
    'Only editors and admins can choose a reviewer for a new document; writers choose one when they submit it for review.',
  corrections:
    'Corrections are added by the Publish action with a correction note; leave them out of a new document.',
  publishAt: 'Schedules are set by the Schedule action; leave publishAt out of a new document.',
  unpublishAt: 'Schedules are set by the Schedule action; leave unpublishAt out of a new document.',
}

/**
 * Whether a new document may carry this value for a workflow field: an empty value always may
 * (forms send empty fields); anything else only when the person may write the field by hand.
 * The refusal names the field, so the API answers 403 saying which one and why.
 *
 * @example
 * canSetOnCreate({ user: { roles: ['writer'] }, field: 'createdBy', value: 'someone-else' })
 * // { ok: false, code: 'forbidden', field: 'createdBy', reason: 'createdBy is set by the CMS …' }
 */
export const canSetOnCreate = ({
  user,
  field,
  value,
}: {
  user: MaybeUser
  field: WorkflowWrittenField
  value: unknown
}): Allowed | Refusal =>
  isEmpty(value) || canWriteWorkflowField({ user, field })
    ? { ok: true }
    : { ok: false, code: 'forbidden', reason: REFUSALS[field], field }
