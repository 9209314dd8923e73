import type { PayloadRequest } from 'payload'
import { NotFound } from 'payload'

import type { WorkflowState } from '@copydesk/workflow/states'
import type { Actor, TransitionAction, TransitionRule } from '@copydesk/workflow/transitions'
import { needsChecklist } from '@copydesk/workflow/publishReadiness'
import { notificationFor } from '@copydesk/workflow/queue'
import { isWorkflowCollection } from '@copydesk/workflow/states'
import {
  applyTransition,
  availableTransitions,
  TRANSITION_ACTIONS,
} from '@copydesk/workflow/transitions'
import { z } from 'zod'

import { cacheTags } from '@copydesk/types/cache-tags'

import { revalidation } from '../env'
import { relationIds } from '../revalidate/lookups'
import { assertChecklist } from './checklist'
import { latestVersionId, recordEvent } from './events'
import { forbidden, refusalError } from './refusal'
import { findLatest, isLive, subjectOf, titleOf } from './subject'

/** What a workflow action accepts over REST and GraphQL; anything else is a 400 naming the field. */
export const transitionInputSchema = z.object({
  action: z.enum(TRANSITION_ACTIONS, { message: 'Unknown workflow action.' }),
  note: z.string().max(2000, 'Keep the note under 2,000 characters.').nullish(),
  reviewer: z.union([z.string(), z.number()]).nullish(),
  publishAt: z.string().nullish(),
  unpublishAt: z.string().nullish(),
  correctionNote: z.string().max(1000, 'Keep the correction under 1,000 characters.').nullish(),
})

/** When the second revalidation pass after a publish or unpublish runs. */
const SETTLE_PASS_MS = 2_000

export type TransitionRequest = z.infer<typeof transitionInputSchema>

export type TransitionOutcome = {
  id: string
  from: WorkflowState
  to: WorkflowState
  action: TransitionAction
  eventId: string
  notified: number
  available: TransitionRule[]
}

const findReviewer = async ({
  id,
  req,
}: {
  id: string | number
  req: PayloadRequest
}): Promise<Actor | null> => {
  try {
    const user = await req.payload.findByID({
      collection: 'users',
      id,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return { id: user.id, roles: user.roles }
  } catch {
    return null
  }
}

/**
 * Takes a workflow action on a document, for a person (`req.user`) or for the scheduler
 * (`asSystem`). The rules in @copydesk/workflow decide; this reads the document, asks them, and
 * only then writes: the new state (publishing or unpublishing when the rule says so), the
 * history entry, the notifications and any scheduled job.
 */
export const performTransition = async ({
  req,
  collection,
  id,
  input,
  asSystem = false,
  now = new Date(),
}: {
  req: PayloadRequest
  collection: string
  id: string | number
  input: TransitionRequest
  asSystem?: boolean
  now?: Date
}): Promise<TransitionOutcome> => {
  if (!isWorkflowCollection(collection)) throw forbidden(`“${collection}” has no workflow.`)
  if (!asSystem && !req.user) throw forbidden('Sign in to change the workflow state.')
  const latest = await findLatest({ collection, id, req })
  if (!latest) throw new NotFound(req.t)
  const subject = subjectOf(latest)
  const actor = asSystem ? 'system' : (req.user as unknown as Actor)

  let reviewer: Actor | null = null
  if (input.reviewer !== undefined && input.reviewer !== null && input.reviewer !== '') {
    reviewer = await findReviewer({ id: input.reviewer, req })
    if (!reviewer)
      throw refusalError({
        refusal: {
          ok: false,
          code: 'invalid',
          field: 'reviewer',
          reason: 'That reviewer does not exist.',
        },
        collection,
      })
  }
  const version = await latestVersionId({ collection, id, req })
  const result = applyTransition({
    user: actor,
    doc: subject,
    action: input.action,
    input: {
      note: input.note,
      reviewer,
      publishAt: input.publishAt,
      unpublishAt: input.unpublishAt,
      version,
    },
    now,
  })
  if (!result.ok) throw refusalError({ refusal: result, collection })
  // The pre-publish checklist; the scheduler carries out a schedule that already passed it.
  if (!asSystem && needsChecklist({ collection, action: result.rule.action }))
    await assertChecklist({ doc: latest, req })

  const goesLive = result.to === 'published'
  const comesOff = result.to === 'archived'
  const data: Record<string, unknown> = { workflowState: result.to }
  if (result.assigneeId !== undefined) data.assignee = result.assigneeId
  if (result.rule.action === 'schedule') {
    data.publishAt = result.publishAt
    data.unpublishAt = result.unpublishAt ?? null
  } else if (result.rule.action === 'publish') {
    data.publishAt = null
    data.unpublishAt = result.unpublishAt ?? null
  } else if (result.rule.action === 'release') {
    data.publishAt = null
  } else {
    data.publishAt = null
    data.unpublishAt = null
  }
  if (goesLive) data._status = 'published'
  if (comesOff) data._status = 'draft'

  const correction = input.correctionNote?.trim()
  if (correction) {
    if (!goesLive || collection !== 'articles' || !(await isLive({ collection, id, req })))
      throw refusalError({
        refusal: {
          ok: false,
          code: 'invalid',
          field: 'correctionNote',
          reason: 'A correction note goes with publishing a revision of a live article.',
        },
        collection,
      })
    const previous = Array.isArray(latest.corrections) ? latest.corrections : []
    data.corrections = [...previous, { note: correction, at: now.toISOString() }]
  }

  // Publishing writes the latest draft over the live document; unpublishing takes it off the
  // site; every other move only records the new state on the latest version.
  const doc = (await req.payload.update({
    collection,
    id,
    data,
    draft: !goesLive && !comesOff,
    depth: 0,
    overrideAccess: true,
    context: { workflowTransition: true },
    req,
  })) as unknown as Record<string, unknown> & { id: string }

  const event = await recordEvent({
    req,
    collection,
    doc,
    event: {
      action: result.rule.action,
      from: result.event.from,
      to: result.to,
      note: result.event.note,
      actor: result.event.actor,
      version: result.event.version,
      at: result.event.at,
    },
  })
  // Who will hear about it, now; the notifications and emails go out from the jobs queue.
  const plan = notificationFor({
    action: result.rule.action,
    actorId: result.event.actor,
    title: titleOf(doc),
    ownerIds: relationIds(doc.owners),
    assigneeId: relationIds(doc.assignee)[0] ?? null,
    note: result.event.note,
  })
  if (plan)
    await req.payload.jobs.queue({
      task: 'notify',
      input: {
        collection,
        id: String(id),
        action: result.rule.action,
        actorId: result.event.actor,
        note: result.event.note,
      },
      req,
    })
  const notified = plan?.recipientIds.length ?? 0
  if (result.to === 'scheduled' && result.publishAt)
    await req.payload.jobs.queue({
      task: 'publishScheduled',
      input: { collection, id: String(id), publishAt: result.publishAt },
      waitUntil: new Date(result.publishAt),
      req,
    })
  if ((goesLive || comesOff) && revalidation && typeof doc.slug === 'string')
    // A reader who asked for the page while this publish was under way may have had an old copy
    // stored just after the revalidation above; a second pass a moment later clears it.
    await req.payload.jobs.queue({
      task: 'revalidate',
      input: { tags: [cacheTags.collection(collection), cacheTags.doc(collection, doc.slug)] },
      waitUntil: new Date(Date.now() + SETTLE_PASS_MS),
      req,
    })
  const unpublishAt = (doc.unpublishAt as string | null | undefined) ?? null
  if (goesLive && unpublishAt)
    await req.payload.jobs.queue({
      task: 'unpublishScheduled',
      input: { collection, id: String(id), unpublishAt },
      waitUntil: new Date(unpublishAt),
      req,
    })

  return {
    id: String(id),
    from: result.event.from,
    to: result.to,
    action: result.rule.action,
    eventId: String(event.id),
    notified,
    available: asSystem ? [] : availableTransitions({ user: actor, doc: subjectOf(doc) }),
  }
}
