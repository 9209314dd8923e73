import type { PayloadRequest } from 'payload'

import type { WorkflowCollection } from '@copydesk/workflow/states'
import type { TransitionAction } from '@copydesk/workflow/transitions'
import { notificationFor } from '@copydesk/workflow/queue'

import { serverUrl } from '../env'
import { relationIds } from '../revalidate/lookups'
import { findLatest, titleOf } from './subject'

/**
 * Tells the people a transition concerns: an in-app notification each, and an email through
 * Payload's email adapter. Without an adapter configured, Payload writes the email to the log.
 * A failed email never undoes the transition.
 */
export const notifyTransition = async ({
  req,
  collection,
  id,
  action,
  actorId,
  note,
}: {
  req: PayloadRequest
  collection: WorkflowCollection
  id: string
  action: TransitionAction
  actorId: string
  note: string | null
}): Promise<number> => {
  const doc = await findLatest({ collection, id, req })
  // Thrown so the job fails and is retried, as for any other error.
  if (!doc) throw new Error(`${collection} ${id} was not found`)
  const title = titleOf(doc)
  const plan = notificationFor({
    action,
    actorId,
    title,
    ownerIds: relationIds(doc.owners),
    assigneeId: relationIds(doc.assignee)[0] ?? null,
    note,
  })
  if (!plan) return 0
  const link = `${serverUrl}/admin/collections/${collection}/${doc.id}`
  for (const recipient of plan.recipientIds) {
    await req.payload.create({
      collection: 'notifications',
      data: {
        recipient,
        message: plan.message,
        kind: plan.kind,
        documentCollection: collection,
        document: String(doc.id),
        isRead: false,
      },
      overrideAccess: true,
      req,
    })
    try {
      const user = await req.payload.findByID({
        collection: 'users',
        id: recipient,
        depth: 0,
        overrideAccess: true,
        req,
      })
      await req.payload.sendEmail({
        to: user.email,
        subject: plan.message,
        text: `${plan.message}.\n\nOpen it in Copydesk: ${link}\n`,
      })
    } catch (error) {
      req.payload.logger.warn({ err: error, recipient }, 'Workflow email could not be sent')
    }
  }
  return plan.recipientIds.length
}
