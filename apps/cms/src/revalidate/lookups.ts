import type { PayloadRequest, Where } from 'payload'

const isPublished: Where = { _status: { equals: 'published' } }

/** IDs of a relationship field's value, whether it came populated or not. */
export const relationIds = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .map((item: unknown) =>
      item && typeof item === 'object' && 'id' in item ? String(item.id) : item,
    )
    .filter((id): id is string => typeof id === 'string' && id.length > 0)

/** The published document with this id, reduced to the fields that name its pages, or `null`. */
export const findPublishedArticle = async ({ id, req }: { id: string; req: PayloadRequest }) => {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [{ id: { equals: id } }, isPublished] },
    select: { slug: true, authors: true, topics: true },
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  return docs[0] ?? null
}

/** The slug of the published author or FAQ with this id, or `null` when it is not published. */
export const findPublishedSlug = async ({
  collection,
  id,
  req,
}: {
  collection: 'authors' | 'faqs'
  id: string
  req: PayloadRequest
}): Promise<{ slug: string | null | undefined } | null> => {
  const { docs } = await req.payload.find({
    collection,
    where: { and: [{ id: { equals: id } }, isPublished] },
    select: { slug: true },
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  const doc = docs[0]
  return doc ? { slug: doc.slug } : null
}

/** Slugs of the published articles that match `where`, e.g. those that credit an author. */
export const publishedArticleSlugs = async ({
  where,
  req,
}: {
  where: Where
  req: PayloadRequest
}): Promise<string[]> => {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [isPublished, where] },
    select: { slug: true },
    depth: 0,
    pagination: false,
    req,
  })
  return docs.flatMap((doc) => (doc.slug ? [doc.slug] : []))
}

/** Published authors that match `where`, with their ids and slugs. */
export const publishedAuthors = async ({ where, req }: { where: Where; req: PayloadRequest }) => {
  const { docs } = await req.payload.find({
    collection: 'authors',
    where: { and: [isPublished, where] },
    select: { slug: true },
    depth: 0,
    pagination: false,
    req,
  })
  return docs
}

const slugsById = async ({
  collection,
  ids,
  req,
}: {
  collection: 'authors' | 'topics'
  ids: string[]
  req: PayloadRequest
}): Promise<Map<string, string | null | undefined>> => {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    select: { slug: true },
    depth: 0,
    pagination: false,
    req,
  })
  return new Map(docs.map((doc) => [doc.id, doc.slug]))
}

/** The slugs of these authors by id (current slugs: the ones their pages live under). */
export const authorSlugsById = ({ ids, req }: { ids: string[]; req: PayloadRequest }) =>
  slugsById({ collection: 'authors', ids, req })

/** The slugs of these topics by id. */
export const topicSlugsById = ({ ids, req }: { ids: string[]; req: PayloadRequest }) =>
  slugsById({ collection: 'topics', ids, req })
