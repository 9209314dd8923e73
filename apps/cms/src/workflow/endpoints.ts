import type { Endpoint, PayloadRequest } from 'payload'
import { APIError, NotFound, ValidationError } from 'payload'

import type { WorkflowCollection } from '@copydesk/workflow/states'
import { isStaff } from '@copydesk/workflow/roles'
import { editability, offeredMoves } from '@copydesk/workflow/desk'

import { hasReaderPage, readerUrl } from '@copydesk/types/site-urls'

import { webUrl } from '../env'
import { relationIds } from '../revalidate/lookups'
import { performTransition, transitionInputSchema } from './perform'
import { lockHolderOf } from './locks'
import { forbidden } from './refusal'
import { findLatest, isLive, subjectOf, titleOf } from './subject'

/**
 * What a publish puts on the site, for the confirmation an editor reads before pressing Publish:
 * the headline, the reader URL and the byline of the latest version.
 */
const goesLiveSummary = async ({
  collection,
  latest,
  req,
}: {
  collection: WorkflowCollection
  latest: Record<string, unknown>
  req: PayloadRequest
}) => {
  const authorIds = collection === 'articles' ? relationIds(latest.authors) : []
  const byline =
    authorIds.length === 0
      ? []
      : (
          await req.payload.find({
            collection: 'authors',
            where: { id: { in: authorIds } },
            select: { name: true },
            draft: true,
            depth: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
        ).docs
          .sort((a, b) => authorIds.indexOf(String(a.id)) - authorIds.indexOf(String(b.id)))
          .map((author) => author.name)
  const slug = typeof latest.slug === 'string' ? latest.slug : null
  return {
    headline: titleOf(latest),
    url: hasReaderPage(collection) && slug ? readerUrl(webUrl, collection, slug) : null,
    byline,
  }
}

const readBody = async (req: PayloadRequest): Promise<unknown> => {
  try {
    return req.json ? await req.json() : {}
  } catch {
    throw new APIError('The request body must be JSON.', 400, undefined, true)
  }
}

/**
 * `POST /api/{collection}/:id/workflow` takes a workflow action; `GET` returns what the admin's
 * workflow panel shows: the state, the actions this person may take, and the history.
 */
export const workflowEndpoints = (collection: WorkflowCollection): Endpoint[] => [
  {
    path: '/:id/workflow',
    method: 'post',
    handler: async (req) => {
      const id = String(req.routeParams?.id ?? '')
      const parsed = transitionInputSchema.safeParse(await readBody(req))
      if (!parsed.success)
        throw new ValidationError({
          collection,
          errors: parsed.error.issues.map((issue) => ({
            path: issue.path.join('.') || 'body',
            message: issue.message,
          })),
        })
      const outcome = await performTransition({ req, collection, id, input: parsed.data })
      return Response.json(outcome)
    },
  },
  {
    path: '/:id/workflow',
    method: 'get',
    handler: async (req) => {
      if (!isStaff({ user: req.user })) throw forbidden('Only newsroom staff can see the workflow.')
      const id = String(req.routeParams?.id ?? '')
      const latest = await findLatest({ collection, id, req })
      if (!latest) throw new NotFound(req.t)
      const subject = subjectOf(latest)
      const { docs: events } = await req.payload.find({
        collection: 'workflow-events',
        where: {
          and: [{ documentCollection: { equals: collection } }, { document: { equals: id } }],
        },
        sort: '-at',
        limit: 200,
        depth: 0,
        overrideAccess: false,
        req,
      })
      const { docs: failing } = await req.payload.find({
        collection: 'payload-jobs',
        where: {
          and: [
            { taskSlug: { in: ['publishScheduled', 'unpublishScheduled'] } },
            { 'input.id': { equals: id } },
            { completedAt: { exists: false } },
            { totalTried: { greater_than: 0 } },
          ],
        },
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const lastError = failing[0]?.log?.at(-1)?.error as { message?: string } | undefined
      const live = await isLive({ collection, id, req })
      return Response.json({
        id,
        state: subject.state,
        scheduleProblem:
          subject.state === 'scheduled' && failing.length > 0
            ? (lastError?.message ?? 'The publish did not go through.')
            : null,
        isLive: live,
        hasPendingRevision: live && latest._status === 'draft',
        assignee: latest.assignee ?? null,
        publishAt: latest.publishAt ?? null,
        unpublishAt: latest.unpublishAt ?? null,
        // The moves the admin offers this person, each with what it does; the server accepts
        // exactly `availableTransitions`, of which these are the ones that are theirs to make.
        available: offeredMoves({ user: req.user as never, doc: subject }),
        editing: editability({ user: req.user as never, doc: subject }),
        goesLive: await goesLiveSummary({ collection, latest, req }),
        // Payload's "Document locked" names the holder by email or id; staff may not read other
        // accounts, so the admin gets the name here.
        lockedBy: await lockHolderOf({ collection, id, req }),
        events: events.map((event) => ({
          id: event.id,
          action: event.action,
          from: event.from ?? null,
          to: event.to,
          note: event.note ?? null,
          version: event.version ?? null,
          at: event.at,
          actor: event.actor
            ? { id: String(event.actor), name: event.actorName ?? 'A colleague' }
            : null,
        })),
      })
    },
  },
  {
    // Writers choose a reviewer when they submit, but may not list users (admins or self only):
    // this answers just the names of the editors and admins, to staff.
    path: '/:id/reviewers',
    method: 'get',
    handler: async (req) => {
      if (!isStaff({ user: req.user })) throw forbidden('Only newsroom staff can see reviewers.')
      const { docs } = await req.payload.find({
        collection: 'users',
        where: { roles: { in: ['editor', 'admin'] } },
        select: { name: true, email: true },
        sort: 'name',
        limit: 200,
        depth: 0,
        pagination: false,
        req,
      })
      return Response.json(docs.map((user) => ({ id: user.id, name: user.name || user.email })))
    },
  },
]
