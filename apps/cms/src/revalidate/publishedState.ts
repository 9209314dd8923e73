import type { PayloadRequest, RequestContext } from 'payload'

import type { PublishedChange } from '@copydesk/types/cache-tags'

import { revalidation } from '../env'

export type VersionedCollection = 'articles' | 'authors' | 'faqs'

/**
 * Whether a write is announced to the reader site: not when revalidation is off, and not for
 * writes that set `context.disableRevalidate` (the seed does).
 */
export const shouldRevalidate = (context: RequestContext): boolean =>
  revalidation !== null && !context.disableRevalidate

const key = (collection: VersionedCollection, id: string) => `publishedBefore:${collection}:${id}`

/**
 * Keeps what readers saw of a document until its afterChange hook runs. Payload hands
 * afterChange the latest *version* as `previousDoc`, which is a newer draft whenever one sits
 * over the published document, so the published document is read before the write instead.
 */
export const rememberPublished = <T>({
  collection,
  id,
  published,
  req,
}: {
  collection: VersionedCollection
  id: string
  published: T | null
  req: PayloadRequest
}): void => {
  req.context[key(collection, id)] = published
}

/**
 * What readers see before and after a save, or `null` when the save changed nothing they can
 * see. Payload 3.90 reports the cases like this:
 *
 * - publish, or update of a published document: `doc._status` is `published`;
 * - draft save (also autosave): `doc` is the new draft version, and the published document, if
 *   any, is left as it was;
 * - unpublish: `doc._status` is `draft` and the document is no longer published;
 * - create: there was nothing before.
 *
 * @example
 * const change = await publishedChange({ collection: 'faqs', doc, req, findPublished })
 */
export const publishedChange = async <T>({
  collection,
  doc,
  req,
  findPublished,
}: {
  collection: VersionedCollection
  doc: { id: string; _status?: 'draft' | 'published' | null }
  req: PayloadRequest
  /** Reads the published document as it is now (after the write), or `null`. */
  findPublished: () => Promise<T | null>
}): Promise<PublishedChange<T> | null> => {
  // Nothing is remembered for a create: there was nothing before.
  const previousDoc = (req.context[key(collection, doc.id)] as T | null | undefined) ?? null
  delete req.context[key(collection, doc.id)]
  const current = await findPublished()
  // A draft saved next to a published version leaves that version, and the site, alone.
  if (doc._status !== 'published' && current) return null
  if (!previousDoc && !current) return null
  return { doc: current, previousDoc }
}
