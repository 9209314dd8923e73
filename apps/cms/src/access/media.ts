import type { Access, PayloadRequest } from 'payload'

import { canChangeMedia } from '@copydesk/workflow/media'
import { isEditor, isStaff } from '@copydesk/workflow/roles'

import { liveMediaWhere, mediaUseOf } from './mediaUsage'

/**
 * Staff see every image; readers only those a published document shows, on every way in: the
 * list and by-id reads (REST and GraphQL), population inside published documents, and the file
 * route (`/api/media/file/<name>`), which Payload checks against this same filter. An embargoed
 * story's pictures, alt text and captions stay in the newsroom until the story is published.
 */
export const mediaReadAccess: Access = async ({ req }) =>
  isStaff({ user: req.user }) || liveMediaWhere(req)

/**
 * The media rule (`canChangeMedia`) for one image, or `null` when there is no such image (Payload
 * then answers 404 itself).
 */
export const mediaChangeDecision = async ({
  id,
  req,
}: {
  id: string | number
  req: PayloadRequest
}) => {
  if (isEditor({ user: req.user })) return { ok: true } as const
  const use = await mediaUseOf({ id, req })
  return use ? canChangeMedia({ user: req.user, use }) : null
}

/**
 * Who may replace or delete images. Editors and admins: any. Writers: one image at a time, when
 * the media rule allows it (their own upload, not on the live site, no story past the draft stage
 * uses it); bulk edits reach only their own uploads, and the guard hook checks each image. The
 * guard (collections/Media/hooks/guardMediaChanges.ts) runs first and answers with the reason.
 */
export const mediaChangeAccess: Access = async ({ id, req }) => {
  if (!isStaff({ user: req.user })) return false
  if (isEditor({ user: req.user })) return true
  if (id === undefined) return { uploadedBy: { equals: req.user?.id } }
  const decision = await mediaChangeDecision({ id, req })
  return decision === null || decision.ok
}
