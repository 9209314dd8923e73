import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, Where } from 'payload'

import { isEditor, isStaff } from '@copydesk/workflow/roles'

import { mediaChangeDecision } from '../../../access/media'
import { relationIds } from '../../../revalidate/lookups'
import { forbidden } from '../../../workflow/refusal'

/**
 * Refuses a change the media rule forbids (a new file, crop, focal point, alt text or caption, or
 * a delete) before Payload reads or writes anything, files on disk included, with the reason in
 * a 403. REST, GraphQL and the Local API with a user all come through here; server code that
 * overrides access (the seed, scripts) does not. Bulk edits and deletes are checked image by
 * image, and refused whole if any image may not change.
 */
export const guardMediaChanges: CollectionBeforeOperationHook<'media'> = async ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'update' && operation !== 'delete') return args
  if (overrideAccess === true || isEditor({ user: req.user })) return args
  // Readers get Payload's own answer from the access rules.
  if (!isStaff({ user: req.user })) return args
  const { id, where } = args as { id?: string | number; where?: Where }
  const ids =
    id !== undefined
      ? [id]
      : (
          await req.payload.find({
            collection: 'media',
            // What the bulk operation will reach: writers' access limits it to their own uploads.
            where: { and: [where ?? {}, { uploadedBy: { equals: req.user?.id } }] },
            select: { filename: true },
            depth: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
        ).docs.map((doc) => doc.id)
  for (const mediaId of ids) {
    const decision = await mediaChangeDecision({ id: mediaId, req })
    if (decision && !decision.ok) throw forbidden(decision.reason)
  }
  return args
}

/** Records who uploaded an image: the signed-in person, or whoever server code names. */
export const setUploader: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const named = relationIds(data.uploadedBy)[0]
  return { ...data, uploadedBy: named ?? (req.user ? String(req.user.id) : null) }
}
