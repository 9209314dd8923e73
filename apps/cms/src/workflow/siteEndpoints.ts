import type { Endpoint, PayloadRequest } from 'payload'
import { APIError, NotFound } from 'payload'

import type { WorkflowCollection } from '@copydesk/workflow/states'
import { PREVIEW_TOKEN_HEADER, versionInHtml } from '@copydesk/types/contract'
import {
  PREVIEW_TOKEN_TTL_SECONDS,
  signPreviewToken,
  verifyPreviewToken,
} from '@copydesk/types/preview'
import {
  DRAFT_ENTRY_PATH,
  hasReaderPage,
  livePreviewPath,
  readerPath,
} from '@copydesk/types/site-urls'
import { isStaff } from '@copydesk/workflow/roles'

import { previewSecret, webUrl } from '../env'
import { forbidden } from './refusal'

/** The reader-site path of a document, for the collections that have pages of their own. */
const sitePath = (collection: WorkflowCollection, slug: unknown): string | null => {
  if (typeof slug !== 'string' || !slug || !hasReaderPage(collection)) return null
  return readerPath(collection, slug)
}

/** Signs a preview link for the signed-in staff member, or `null` when preview is off. */
export const previewUrlFor = ({
  collection,
  id,
  req,
  live = false,
}: {
  collection: WorkflowCollection
  id: string
  req: PayloadRequest
  live?: boolean
}): string | null => {
  if (!previewSecret || !req.user || !isStaff({ user: req.user })) return null
  const token = signPreviewToken({
    claims: {
      collection,
      id,
      user: String(req.user.id),
      exp: Math.floor(Date.now() / 1000) + PREVIEW_TOKEN_TTL_SECONDS,
    },
    secret: previewSecret,
  })
  const url = new URL(live ? livePreviewPath(collection, id) : DRAFT_ENTRY_PATH, webUrl)
  url.searchParams.set('token', token)
  return url.toString()
}

// When each published version was first seen on the reader site: `collection:id:updatedAt`.
const confirmedAt = new Map<string, string>()

/**
 * Preview and "is it live?" for one document:
 *
 * - `GET /:id/preview-url`: a signed link that opens the reader site in draft mode (staff only).
 * - `GET /:id/preview`: the latest draft, for the reader site holding a valid preview token.
 * - `GET /:id/live`: whether the reader site renders the published version yet.
 */
export const siteEndpoints = (collection: WorkflowCollection): Endpoint[] => [
  {
    path: '/:id/preview-url',
    method: 'get',
    handler: async (req) => {
      if (!isStaff({ user: req.user })) throw forbidden('Only newsroom staff can preview drafts.')
      const id = String(req.routeParams?.id ?? '')
      const doc = await req.payload
        .findByID({ collection, id, draft: true, depth: 0, req, overrideAccess: false })
        .catch(() => null)
      if (!doc) throw new NotFound(req.t)
      if (collection === 'faqs')
        throw new APIError(
          'FAQs appear inside articles: preview an article that uses it.',
          404,
          undefined,
          true,
        )
      const url = previewUrlFor({ collection, id, req })
      if (!url)
        throw new APIError(
          'Preview is turned off: PREVIEW_SECRET is not set.',
          404,
          undefined,
          true,
        )
      return Response.json({ url })
    },
  },
  {
    path: '/:id/preview',
    method: 'get',
    handler: async (req) => {
      const id = String(req.routeParams?.id ?? '')
      const claims = previewSecret
        ? verifyPreviewToken({
            token: req.headers.get(PREVIEW_TOKEN_HEADER),
            secret: previewSecret,
          })
        : null
      if (!claims || claims.collection !== collection || claims.id !== id)
        throw forbidden('This preview link is not valid for this document, or it has expired.')
      const user = await req.payload
        .findByID({ collection: 'users', id: claims.user, depth: 0, overrideAccess: true })
        .catch(() => null)
      if (!user || !isStaff({ user }))
        throw forbidden('This preview link’s owner is no longer on staff.')
      // Read as the staff member the link was made for, so their access rules apply.
      const doc = await req.payload.findByID({
        collection,
        id,
        draft: true,
        depth: 2,
        overrideAccess: false,
        user: { ...user, collection: 'users' },
      })
      return Response.json(doc, { headers: { 'Cache-Control': 'private, no-store' } })
    },
  },
  {
    path: '/:id/live',
    method: 'get',
    handler: async (req) => {
      if (!isStaff({ user: req.user })) throw forbidden('Only newsroom staff can check this.')
      const id = String(req.routeParams?.id ?? '')
      const main = await req.payload.db.findOne<{
        id: string
        _status?: string
        slug?: string
        updatedAt?: string
      }>({ collection, where: { id: { equals: id } }, req })
      if (!main) throw new NotFound(req.t)
      if (main._status !== 'published') return Response.json({ status: 'not_published' })
      const path = sitePath(collection, main.slug)
      if (!path)
        return Response.json({ status: 'live', message: 'Shown inside the articles that use it.' })
      const key = `${collection}:${id}:${main.updatedAt}`
      const seen = confirmedAt.get(key)
      if (seen) return Response.json({ status: 'live', confirmedAt: seen, url: `${webUrl}${path}` })
      let rendered: string | null = null
      try {
        const response = await fetch(`${webUrl}${path}`, {
          cache: 'no-store',
          signal: AbortSignal.timeout(5_000),
        })
        rendered = response.ok ? versionInHtml(await response.text()) : null
      } catch {
        return Response.json({ status: 'failed', message: 'The reader site cannot be reached.' })
      }
      if (
        rendered &&
        main.updatedAt &&
        new Date(rendered).getTime() === new Date(main.updatedAt).getTime()
      ) {
        const now = new Date().toISOString()
        confirmedAt.set(key, now)
        return Response.json({ status: 'live', confirmedAt: now, url: `${webUrl}${path}` })
      }
      const { totalDocs: failures } = await req.payload.count({
        collection: 'payload-jobs',
        where: {
          and: [
            { taskSlug: { equals: 'revalidate' } },
            { completedAt: { exists: false } },
            { totalTried: { greater_than: 0 } },
          ],
        },
        overrideAccess: true,
        req,
      })
      return Response.json(
        failures > 0
          ? {
              status: 'failed',
              message:
                'The reader site has not picked up this version: revalidation failed and is being retried.',
            }
          : { status: 'pending' },
      )
    },
  },
]
