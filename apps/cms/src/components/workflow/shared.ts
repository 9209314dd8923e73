import type { WorkflowCollection, WorkflowState } from '@copydesk/workflow/states'
import type { Editability, OfferedMove } from '@copydesk/workflow/desk'
import { isWorkflowState } from '@copydesk/workflow/states'
import { TRANSITIONS } from '@copydesk/workflow/transitions'

/** One entry of the document's history, as `GET /api/{collection}/:id/workflow` answers it. */
export type WorkflowEventView = {
  id: string
  action: string
  from: WorkflowState | null
  to: WorkflowState
  note: string | null
  version: string | null
  at: string
  actor: { id: string; name?: string | null; email?: string | null } | null
}

/** What `GET /api/{collection}/:id/workflow` answers. */
export type WorkflowInfo = {
  id: string
  state: WorkflowState
  isLive: boolean
  hasPendingRevision: boolean
  assignee: string | { id: string; name?: string | null } | null
  publishAt: string | null
  unpublishAt: string | null
  /** Why the last scheduled publish or unpublish failed, while the queue retries it. */
  scheduleProblem: string | null
  /** The moves offered to this person, each with what it does. */
  available: OfferedMove[]
  /** Whether this person may change the content now, and if not, why and what to do. */
  editing: Editability
  /** What a publish puts on the site: headline, reader URL (pages of their own only), byline. */
  goesLive: { headline: string; url: string | null; byline: string[] }
  /** Who holds the edit lock on the document now, by name. */
  lockedBy: { id: string; name: string } | null
  events: WorkflowEventView[]
}

export type Reviewer = { id: string; name: string }

/** A field-level problem from a 400 answer. */
export type FieldProblem = { path: string; message: string }

/** A refused request, with the server's reason and the fields it named. */
export class RequestError extends Error {
  readonly status: number
  readonly fieldProblems: FieldProblem[]

  constructor({
    status,
    message,
    fieldProblems = [],
  }: {
    status: number
    message: string
    fieldProblems?: FieldProblem[]
  }) {
    super(message)
    this.status = status
    this.fieldProblems = fieldProblems
  }
}

type ErrorBody = {
  errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[]
  message?: string
}

const problemsOf = (body: ErrorBody | null): { message: string; fieldProblems: FieldProblem[] } => {
  const first = body?.errors?.[0]
  const fieldProblems = (body?.errors ?? []).flatMap((error) =>
    (error.data?.errors ?? []).map((problem) => ({
      path: problem.path ?? '',
      message: problem.message ?? 'This value is not valid.',
    })),
  )
  return {
    message: first?.message ?? body?.message ?? 'Something went wrong. Try again.',
    fieldProblems,
  }
}

/**
 * Fetches JSON from the CMS's own REST API with the signed-in session, throwing a `RequestError`
 * carrying the server's reason when the answer is not 2xx.
 *
 * @example
 * const info = await requestJSON<WorkflowInfo>('/api/articles/123/workflow')
 */
export const requestJSON = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
  const res = await fetch(url, {
    credentials: 'include',
    ...init,
    headers: {
      Accept: 'application/json',
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
  })
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) throw new RequestError({ status: res.status, ...problemsOf(body as ErrorBody) })
  return body as T
}

const EXTRA_ACTIONS: Readonly<Record<string, string>> = {
  create: 'created',
  approval_voided: 'edited after approval',
  revision_started: 'started a revision',
}

/**
 * What happened, in the past tense, for the timeline.
 *
 * @example
 * describeAction('request_changes') // 'requested changes'
 */
export const describeAction = (action: string): string =>
  TRANSITIONS.find((rule) => rule.action === action)?.done ??
  EXTRA_ACTIONS[action] ??
  action.replaceAll('_', ' ')

export const stateOrDraft = (value: unknown): WorkflowState =>
  isWorkflowState(value) ? value : 'draft'

/** The admin URL of a document's edit view. */
export const editURL = ({
  adminRoute,
  collection,
  id,
}: {
  adminRoute: string
  collection: WorkflowCollection | string
  id: string | number
}): string => `${adminRoute}/collections/${collection}/${id}`

/** A relationship value as an id, whether it arrived populated or not. */
export const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return String(value)
}

/**
 * A date and time as staff read it in the admin, in their own time zone.
 *
 * @example
 * formatDateTime('2024-07-16T12:00:00.000Z') // '16 Jul 2024, 14:00'
 */
export const formatDateTime = (iso: string): string => {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date)
}

/** `HH:MM:SS`, 24-hour, local time. */
export const formatClock = (iso: string): string => {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date)
}
