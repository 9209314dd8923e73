import type { PayloadRequest } from 'payload'

import type { WorkflowCollection, WorkflowState } from '@copydesk/workflow/states'
import type { WorkflowSubject } from '@copydesk/workflow/transitions'
import { isWorkflowState } from '@copydesk/workflow/states'

import { relationIds } from '../revalidate/lookups'

/** The workflow fields as stored on any of the three collections. */
export type WorkflowDoc = {
  id: string
  _status?: 'draft' | 'published' | null
  workflowState?: WorkflowState | null
  owners?: unknown
  assignee?: unknown
  createdBy?: unknown
  publishAt?: string | null
  unpublishAt?: string | null
  updatedAt?: string
}

/**
 * The document's state for the rules. Documents saved before the workflow existed have no state
 * yet; their Payload status stands in for it.
 */
export const stateOf = (doc: WorkflowDoc): WorkflowState =>
  isWorkflowState(doc.workflowState)
    ? doc.workflowState
    : doc._status === 'published'
      ? 'published'
      : 'draft'

export const subjectOf = (doc: WorkflowDoc): WorkflowSubject => ({
  state: stateOf(doc),
  ownerIds: relationIds(doc.owners),
})

/** A document's name in messages and the history: headline, question or author name. */
export const titleOf = (doc: Record<string, unknown>): string =>
  String(doc.title ?? doc.question ?? doc.name ?? doc.id)

/** One document of a workflow collection, looked up within a request. */
export type DocumentAt = {
  collection: WorkflowCollection
  id: string | number
  req: PayloadRequest
}

/** The latest version of a document (a pending draft if there is one), read with full rights. */
export const findLatest = async ({
  collection,
  id,
  req,
}: DocumentAt): Promise<(WorkflowDoc & Record<string, unknown>) | null> => {
  try {
    return (await req.payload.findByID({
      collection,
      id,
      draft: true,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as WorkflowDoc & Record<string, unknown>
  } catch {
    return null
  }
}

/** Whether the live (main) document is published, ignoring any pending draft over it. */
export const isLive = async ({ collection, id, req }: DocumentAt): Promise<boolean> => {
  const main = await req.payload.db.findOne<{ id: string; _status?: string }>({
    collection,
    where: { id: { equals: id } },
    req,
  })
  return main?._status === 'published'
}

/**
 * The users who own a document: whoever created it, plus the staff accounts linked to the
 * authors in an article's byline, or to an author profile itself.
 */
export const ownersOf = async ({
  collection,
  createdBy,
  data,
  req,
}: {
  collection: WorkflowCollection
  createdBy: string | null
  data: Record<string, unknown>
  req: PayloadRequest
}): Promise<string[]> => {
  const owners = new Set<string>(createdBy ? [createdBy] : [])
  if (collection === 'authors') for (const id of relationIds(data.user)) owners.add(id)
  if (collection === 'articles') {
    const authorIds = relationIds(data.authors)
    if (authorIds.length > 0) {
      const { docs } = await req.payload.find({
        collection: 'authors',
        where: { id: { in: authorIds } },
        select: { user: true },
        draft: true,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      for (const author of docs) for (const id of relationIds(author.user)) owners.add(id)
    }
  }
  return [...owners]
}
