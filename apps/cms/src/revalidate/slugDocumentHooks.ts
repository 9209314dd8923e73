import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import type { PublishedChange } from '@copydesk/types/cache-tags'

import { findPublishedSlug, publishedArticleSlugs } from './lookups'
import { publishedChange, rememberPublished, shouldRevalidate } from './publishedState'
import { sendTags } from './sendTags'

type Slugged = { slug?: string | null }

/**
 * The three revalidation hooks of a document that readers see on its own page and inside the
 * articles that reference it (authors through `authors`, FAQs through `faqs`).
 *
 * @example
 * const hooks = slugDocumentHooks({ collection: 'faqs', articleField: 'faqs', tagsFor: tagsForFaqChange })
 */
export const slugDocumentHooks = <
  T extends { id: string; slug?: string | null; _status?: 'draft' | 'published' | null },
>({
  collection,
  articleField,
  tagsFor,
}: {
  collection: 'authors' | 'faqs'
  /** The article field that references this collection. */
  articleField: 'authors' | 'faqs'
  tagsFor: (change: PublishedChange<Slugged> & { articleSlugs: string[] }) => string[]
}) => {
  const announce = async ({
    id,
    change,
    req,
  }: {
    id: string
    change: PublishedChange<Slugged>
    req: PayloadRequest
  }) => {
    const articleSlugs = await publishedArticleSlugs({
      where: { [articleField]: { in: [id] } },
      req,
    })
    await sendTags({ tags: tagsFor({ ...change, articleSlugs }), req })
  }

  /** Reads the published document before a save, for `afterChange`. */
  const beforeChange: CollectionBeforeChangeHook<T> = async ({
    context,
    data,
    operation,
    originalDoc,
    req,
  }) => {
    if (operation === 'update' && originalDoc?.id && shouldRevalidate(context)) {
      rememberPublished({
        collection,
        id: originalDoc.id,
        published: await findPublishedSlug({ collection, id: originalDoc.id, req }),
        req,
      })
    }
    return data
  }

  /** Announces a change readers can see to the document's page and the articles that use it. */
  const afterChange: CollectionAfterChangeHook<T> = async ({ context, doc, req }) => {
    if (!shouldRevalidate(context)) return doc
    const change = await publishedChange({
      collection,
      doc,
      req,
      findPublished: () => findPublishedSlug({ collection, id: doc.id, req }),
    })
    if (change) await announce({ id: doc.id, change, req })
    return doc
  }

  /** Announces the removal of a published document. */
  const afterDelete: CollectionAfterDeleteHook<T> = async ({ context, doc, req }) => {
    if (!shouldRevalidate(context) || doc._status !== 'published') return doc
    await announce({ id: doc.id, change: { doc: null, previousDoc: { slug: doc.slug } }, req })
    return doc
  }

  return { beforeChange, afterChange, afterDelete }
}
