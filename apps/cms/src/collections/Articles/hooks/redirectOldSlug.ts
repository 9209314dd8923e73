import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import type { Article } from '@copydesk/types/payload-types'
import { readerPath } from '@copydesk/types/site-urls'
import { redirectMoves } from '@copydesk/workflow/redirects'

import { findPublishedArticle } from '../../../revalidate/lookups'

const key = (id: string) => `publishedSlugBefore:${id}`

/** Every redirect leading to this story. */
const leadingTo = (id: string) => ({ 'to.reference.value': { equals: id } })

/**
 * Reads the slug readers knew the story by before the save (the published document's, not the
 * latest draft's), for {@link redirectOldSlug}. Runs for every write, announced or not: a content
 * import (`npm run seed`) that renames a story must leave its old address behind too.
 */
export const rememberPublishedSlug: CollectionBeforeChangeHook<Article> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc?.id) {
    const published = await findPublishedArticle({ id: originalDoc.id, req })
    // Set after the read: a nested Local API call may give `req` a new context object.
    req.context[key(originalDoc.id)] = published?.slug ?? null
  }
  return data
}

const removeRedirectFrom = async ({ from, req }: { from: string; req: PayloadRequest }) =>
  req.payload.delete({ collection: 'redirects', where: { from: { equals: from } }, req })

/**
 * Keeps old addresses working when a published story's slug changes: the old address redirects
 * to the story (which the site resolves to its current slug, so chains never form), and the
 * story's own address stops redirecting anywhere. Every write path reaches it: REST, GraphQL, the
 * admin form, workflow moves and scheduled publishing, version restores, duplicates and imports.
 */
export const redirectOldSlug: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  const previousSlug = req.context[key(doc.id)] as string | null | undefined
  delete req.context[key(doc.id)]
  // A draft saved beside the published story leaves its address as it is.
  const slug = doc._status === 'published' ? doc.slug : null
  const { redirectFrom, clear } = redirectMoves({ previousSlug, slug })
  if (clear) await removeRedirectFrom({ from: readerPath('articles', clear), req })
  if (redirectFrom) {
    const from = readerPath('articles', redirectFrom)
    const to = {
      type: 'reference' as const,
      reference: { relationTo: 'articles' as const, value: doc.id },
    }
    const { docs } = await req.payload.find({
      collection: 'redirects',
      where: { from: { equals: from } },
      depth: 0,
      limit: 1,
      req,
    })
    const existing = docs[0]
    if (existing)
      await req.payload.update({ collection: 'redirects', id: existing.id, data: { to }, req })
    else await req.payload.create({ collection: 'redirects', data: { from, to }, req })
  }
  return doc
}

/** A deleted story takes its redirects with it: their old addresses answer 404. */
export const removeRedirectsToDeleted: CollectionAfterDeleteHook<Article> = async ({
  doc,
  req,
}) => {
  await req.payload.delete({ collection: 'redirects', where: leadingTo(doc.id), req })
  return doc
}
