import type { PayloadRequest } from 'payload'

import type { WorkflowCollection, WorkflowState } from '@copydesk/workflow/states'

import type { DocumentAt } from './subject'
import { titleOf } from './subject'

/** The latest saved version of a document: what a decision taken now is looking at. */
export const latestVersionId = async ({
  collection,
  id,
  req,
}: DocumentAt): Promise<string | null> => {
  const { docs } = await req.payload.findVersions({
    collection,
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? String(docs[0].id) : null
}

/** A staff member's display name, read with full rights (writers cannot list other users). */
export const nameOf = async ({ id, req }: { id: string; req: PayloadRequest }) => {
  if (req.user && String(req.user.id) === id) return String(req.user.name ?? req.user.email)
  const user = await req.payload
    .findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  return user ? String(user.name ?? user.email) : null
}

/**
 * Appends one entry to the document's history (the `workflow-events` collection). Entries are
 * only ever created, here; the collection refuses every update and delete.
 */
export const recordEvent = async ({
  req,
  collection,
  doc,
  event,
}: {
  req: PayloadRequest
  collection: WorkflowCollection
  doc: Record<string, unknown> & { id: string | number }
  event: {
    action: string
    from: WorkflowState | null
    to: WorkflowState
    note: string | null
    actor?: string | 'system'
    version?: string | null
    at?: string
  }
}) => {
  const actor = event.actor ?? (req.user ? String(req.user.id) : 'system')
  return req.payload.create({
    collection: 'workflow-events',
    data: {
      documentCollection: collection,
      document: String(doc.id),
      title: titleOf(doc),
      action: event.action,
      from: event.from,
      to: event.to,
      actor: actor === 'system' ? null : actor,
      actorName: actor === 'system' ? 'Scheduler' : await nameOf({ id: actor, req }),
      note: event.note,
      version: event.version ?? (await latestVersionId({ collection, id: doc.id, req })),
      at: event.at ?? new Date().toISOString(),
    },
    overrideAccess: true,
    context: { workflowEventWrite: true },
    req,
  })
}
