import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { tagsForFaqChange } from '@copydesk/types/cache-tags'
import type { PublishedChange, PublishedFaq } from '@copydesk/types/cache-tags'
import type { Faq } from '@copydesk/types/payload-types'

import { findPublishedSlug, publishedArticleSlugs } from '../revalidate/lookups'
import { publishedChange, rememberPublished, shouldRevalidate } from '../revalidate/publishedState'
import { sendTags } from '../revalidate/sendTags'

const announce = async ({
  id,
  change,
  req,
}: {
  id: string
  change: PublishedChange<PublishedFaq>
  req: PayloadRequest
}) => {
  const articleSlugs = await publishedArticleSlugs({ where: { faqs: { in: [id] } }, req })
  await sendTags({ tags: tagsForFaqChange({ ...change, articleSlugs }), req })
}

/** Reads the published FAQ before a save, for {@link revalidateFaq}. */
export const rememberPublishedFaq: CollectionBeforeChangeHook<Faq> = async ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc?.id && shouldRevalidate(context)) {
    rememberPublished({
      collection: 'faqs',
      id: originalDoc.id,
      published: await findPublishedSlug({ collection: 'faqs', id: originalDoc.id, req }),
      req,
    })
  }
  return data
}

/** Announces a change readers can see to the FAQ's pages and the articles that list it. */
export const revalidateFaq: CollectionAfterChangeHook<Faq> = async ({ context, doc, req }) => {
  if (!shouldRevalidate(context)) return doc
  const change = await publishedChange({
    collection: 'faqs',
    doc,
    req,
    findPublished: () => findPublishedSlug({ collection: 'faqs', id: doc.id, req }),
  })
  if (change) await announce({ id: doc.id, change, req })
  return doc
}

/** Announces the removal of a published FAQ. */
export const revalidateDeletedFaq: CollectionAfterDeleteHook<Faq> = async ({
  context,
  doc,
  req,
}) => {
  if (!shouldRevalidate(context) || doc._status !== 'published') return doc
  await announce({ id: doc.id, change: { doc: null, previousDoc: { slug: doc.slug } }, req })
  return doc
}
