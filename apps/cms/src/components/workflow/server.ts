import type { PayloadRequest, Where } from 'payload'

import type { QueueCriterion } from '@copydesk/workflow/queue'
import type { WorkflowCollection, WorkflowState } from '@copydesk/workflow/states'
import { WORKFLOW_COLLECTIONS } from '@copydesk/workflow/states'

import { idOf, stateOrDraft } from './shared'

/** A document as the board and the queue show it. */
export type DocCard = {
  id: string
  collection: WorkflowCollection
  title: string
  state: WorkflowState
  assigneeId: string | null
  assigneeName: string | null
  updatedAt: string
  /** When a scheduled document goes live. */
  publishAt: string | null
}

export const COLLECTION_LABELS: Readonly<Record<WorkflowCollection, string>> = {
  articles: 'Article',
  faqs: 'FAQ',
  authors: 'Author',
}

const TITLE_FIELDS: Readonly<Record<WorkflowCollection, string>> = {
  articles: 'title',
  faqs: 'question',
  authors: 'name',
}

/**
 * The latest version (drafts included) of the documents this person may read, newest first, with
 * their reviewers' names. Reads with the person's own access (`overrideAccess: false`); only the
 * reviewers' names are read with full rights, because writers may not read other users.
 */
export const findCards = async ({
  req,
  where,
  limit = 200,
}: {
  req: PayloadRequest
  where?: Where
  limit?: number
}): Promise<DocCard[]> => {
  const perCollection = await Promise.all(
    WORKFLOW_COLLECTIONS.map(async (collection) => {
      const titleField = TITLE_FIELDS[collection]
      const { docs } = await req.payload.find({
        collection,
        where,
        draft: true,
        overrideAccess: false,
        user: req.user,
        req,
        depth: 0,
        limit,
        sort: '-updatedAt',
        select: {
          [titleField]: true,
          workflowState: true,
          assignee: true,
          updatedAt: true,
          publishAt: true,
        },
      })
      return docs.map((doc) => {
        const record = doc as unknown as Record<string, unknown>
        return {
          id: String(doc.id),
          collection,
          title: String(record[titleField] || 'Untitled'),
          state: stateOrDraft(record.workflowState ?? record._status),
          assigneeId: idOf(record.assignee),
          assigneeName: null,
          updatedAt: String(record.updatedAt ?? ''),
          publishAt: typeof record.publishAt === 'string' ? record.publishAt : null,
        } satisfies DocCard
      })
    }),
  )
  const cards = perCollection.flat()
  const assigneeIds = [
    ...new Set(cards.flatMap((card) => (card.assigneeId ? [card.assigneeId] : []))),
  ]
  if (assigneeIds.length === 0) return cards
  const { docs: users } = await req.payload.find({
    collection: 'users',
    where: { id: { in: assigneeIds } },
    select: { name: true },
    depth: 0,
    limit: assigneeIds.length,
    pagination: false,
    req,
  })
  const names = new Map(users.map((user) => [String(user.id), user.name]))
  return cards
    .map((card) => ({
      ...card,
      assigneeName: card.assigneeId ? (names.get(card.assigneeId) ?? null) : null,
    }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

/** The documents one queue criterion matches for this person. */
export const whereFor = ({
  criterion,
  userId,
}: {
  criterion: QueueCriterion
  userId: string
}): Where => {
  const relation: Where =
    criterion.relation === 'assignee'
      ? { assignee: { equals: userId } }
      : criterion.relation === 'owner'
        ? { owners: { equals: userId } }
        : { assignee: { exists: false } }
  return { and: [{ workflowState: { equals: criterion.state } }, relation] }
}
