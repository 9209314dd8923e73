import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { tagsForAuthorChange } from '@copydesk/types/cache-tags'
import type { PublishedChange, PublishedAuthor } from '@copydesk/types/cache-tags'
import type { Author } from '@copydesk/types/payload-types'

import { findPublishedSlug, publishedArticleSlugs } from '../revalidate/lookups'
import { publishedChange, rememberPublished, shouldRevalidate } from '../revalidate/publishedState'
import { sendTags } from '../revalidate/sendTags'

const announce = async ({
  id,
  change,
  req,
}: {
  id: string
  change: PublishedChange<PublishedAuthor>
  req: PayloadRequest
}) => {
  const articleSlugs = await publishedArticleSlugs({ where: { authors: { in: [id] } }, req })
  await sendTags({ tags: tagsForAuthorChange({ ...change, articleSlugs }), req })
}

/** Reads the published author before a save, for {@link revalidateAuthor}. */
export const rememberPublishedAuthor: CollectionBeforeChangeHook<Author> = async ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc?.id && shouldRevalidate(context)) {
    rememberPublished({
      collection: 'authors',
      id: originalDoc.id,
      published: await findPublishedSlug({ collection: 'authors', id: originalDoc.id, req }),
      req,
    })
  }
  return data
}

/** Announces a change readers can see to the author's pages and the articles that credit them. */
export const revalidateAuthor: CollectionAfterChangeHook<Author> = async ({
  context,
  doc,
  req,
}) => {
  if (!shouldRevalidate(context)) return doc
  const change = await publishedChange({
    collection: 'authors',
    doc,
    req,
    findPublished: () => findPublishedSlug({ collection: 'authors', id: doc.id, req }),
  })
  if (change) await announce({ id: doc.id, change, req })
  return doc
}

/** Announces the removal of a published author. */
export const revalidateDeletedAuthor: CollectionAfterDeleteHook<Author> = async ({
  context,
  doc,
  req,
}) => {
  if (!shouldRevalidate(context) || doc._status !== 'published') return doc
  await announce({ id: doc.id, change: { doc: null, previousDoc: { slug: doc.slug } }, req })
  return doc
}
