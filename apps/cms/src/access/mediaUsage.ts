import type { PayloadRequest, RequestContext, Where } from 'payload'

import type { MediaUse } from '@copydesk/workflow/media'
import { WORKFLOW_STATES, WRITER_EDITABLE_STATES } from '@copydesk/workflow/states'

import { relationIds } from '../revalidate/lookups'

/**
 * Every place a document shows an image, as paths in the stored document: an article's hero and
 * social (SEO) image, the images in its body (Lexical upload nodes, which only sit at the top
 * level of the body), and an author's avatar. FAQs and bios use an editor without images.
 */
export const MEDIA_PATHS = {
  articles: ['hero.image', 'meta.image', 'body.root.children.value'],
  authors: ['avatar'],
} as const satisfies Record<string, readonly string[]>

type MediaUser = keyof typeof MEDIA_PATHS

const MEDIA_USERS = Object.keys(MEDIA_PATHS) as MediaUser[]

/** Rich-text paths whose top-level nodes may be images: `<path>.root.children[].value`. */
const RICH_TEXT_PATHS: Partial<Record<MediaUser, string>> = { articles: 'body' }

/** An id as the database returned it (ObjectId, string, or a populated object), as a string. */
const idOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value.length > 0 ? value : null
  if (value && typeof value === 'object') {
    if ('id' in value && typeof value.id === 'string') return value.id
    if ('toHexString' in value && typeof value.toHexString === 'function')
      return String(value.toHexString())
  }
  return null
}

// One lookup per request: a page read populates images at several depths, each asking again.
const liveIdsByRequest = new WeakMap<RequestContext, Promise<Set<string>>>()

type Model = NonNullable<PayloadRequest['payload']['db']['collections']>[string]

const modelOf = (req: PayloadRequest, collection: MediaUser): Model => {
  const model = req.payload.db.collections?.[collection]
  if (!model) throw new Error(`No database model for ${collection}: the CMS runs on MongoDB.`)
  return model
}

/** The ids a plain field path holds on live documents, by `distinct`. */
const liveIdsAt = async (model: Model, path: string): Promise<unknown[]> =>
  model.distinct(path, { _status: 'published', [path]: { $ne: null } })

/**
 * The images in the top-level nodes of a rich-text field on live documents, by an aggregation
 * that unwinds the nodes and groups their ids in the database.
 */
const liveIdsInRichText = async (model: Model, field: string): Promise<unknown[]> => {
  const nodes = `${field}.root.children`
  const groups: { _id: unknown }[] = await model.aggregate([
    { $match: { _status: 'published', [`${nodes}.type`]: 'upload' } },
    { $project: { _id: 0, node: `$${nodes}` } },
    { $unwind: '$node' },
    { $match: { 'node.type': 'upload', 'node.relationTo': 'media' } },
    { $group: { _id: '$node.value' } },
  ])
  return groups.map((group) => group._id)
}

/**
 * The ids of the images that published documents show. The main collection holds the published
 * version (a pending draft lives in the versions), and the database answers with ids only, never
 * documents or bodies: one `distinct` per image field and one aggregation per rich-text field.
 * Memoised for the request.
 */
export const liveMediaIds = (req: PayloadRequest): Promise<Set<string>> => {
  const cached = liveIdsByRequest.get(req.context)
  if (cached) return cached
  const lookup = (async () => {
    const found = await Promise.all(
      MEDIA_USERS.flatMap((collection) => {
        const model = modelOf(req, collection)
        const richText = RICH_TEXT_PATHS[collection]
        return [
          ...MEDIA_PATHS[collection]
            .filter((path) => !richText || !path.startsWith(`${richText}.`))
            .map((path) => liveIdsAt(model, path)),
          ...(richText ? [liveIdsInRichText(model, richText)] : []),
        ]
      }),
    )
    return new Set(found.flat().flatMap((value) => idOf(value) ?? []))
  })()
  liveIdsByRequest.set(req.context, lookup)
  // A failed lookup is not remembered: the next ask in this request tries again.
  lookup.catch(() => liveIdsByRequest.delete(req.context))
  return lookup
}

/** Readers' filter for the media collection: only images a published document shows. */
export const liveMediaWhere = async (req: PayloadRequest): Promise<Where> => ({
  id: { in: [...(await liveMediaIds(req))] },
})

const usesImage = (collection: MediaUser, id: string): Where => ({
  or: MEDIA_PATHS[collection].map((path) => ({ [path]: { equals: id } })),
})

const BEYOND_DRAFTS = WORKFLOW_STATES.filter((state) => !WRITER_EDITABLE_STATES.includes(state))

/**
 * Whether the latest version of any document a writer can no longer edit (in review, approved,
 * scheduled, published, archived) uses the image.
 */
const isUsedBeyondDrafts = async ({ id, req }: { id: string; req: PayloadRequest }) => {
  for (const collection of MEDIA_USERS) {
    const { docs } = await req.payload.find({
      collection,
      draft: true,
      where: { and: [{ workflowState: { in: BEYOND_DRAFTS } }, usesImage(collection, id)] },
      select: { workflowState: true },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    if (docs.length > 0) return true
  }
  return false
}

/** What the media rule needs to know about one image and the person changing it. */
export const mediaUseOf = async ({
  id,
  req,
}: {
  id: string | number
  req: PayloadRequest
}): Promise<MediaUse | null> => {
  const media = await req.payload.db.findOne<{ id: string; uploadedBy?: unknown }>({
    collection: 'media',
    where: { id: { equals: id } },
    req,
  })
  if (!media) return null
  const mediaId = String(media.id)
  return {
    isOwner: Boolean(req.user) && relationIds(media.uploadedBy).includes(String(req.user?.id)),
    isUsedByLive: (await liveMediaIds(req)).has(mediaId),
    isUsedBeyondDrafts: await isUsedBeyondDrafts({ id: mediaId, req }),
  }
}
