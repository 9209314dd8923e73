import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { tagsForArticleChange } from '@copydesk/types/cache-tags'
import type { PublishedArticle, PublishedChange } from '@copydesk/types/cache-tags'
import type { Article } from '@copydesk/types/payload-types'

import {
  authorSlugsById,
  findPublishedArticle,
  relationIds,
  topicSlugsById,
} from '../revalidate/lookups'
import { publishedChange, rememberPublished, shouldRevalidate } from '../revalidate/publishedState'
import { sendTags } from '../revalidate/sendTags'

type ArticleState = Pick<Article, 'slug' | 'authors' | 'topics'>

/** Reduces what readers see of an article to the slugs of the pages that show it. */
const toTagSources = async ({
  change,
  req,
}: {
  change: PublishedChange<ArticleState>
  req: PayloadRequest
}): Promise<PublishedChange<PublishedArticle>> => {
  const states = [change.doc, change.previousDoc]
  const authorSlugs = await authorSlugsById({
    ids: [...new Set(states.flatMap((state) => relationIds(state?.authors)))],
    req,
  })
  const topicSlugs = await topicSlugsById({
    ids: [...new Set(states.flatMap((state) => relationIds(state?.topics)))],
    req,
  })
  const toSource = (state: ArticleState | null): PublishedArticle | null =>
    state && {
      slug: state.slug,
      authorSlugs: relationIds(state.authors).map((id) => authorSlugs.get(id)),
      topicSlugs: relationIds(state.topics).map((id) => topicSlugs.get(id)),
    }
  return { doc: toSource(change.doc), previousDoc: toSource(change.previousDoc) }
}

/** Reads the published article before a save, for {@link revalidateArticle}. */
export const rememberPublishedArticle: CollectionBeforeChangeHook<Article> = async ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc?.id && shouldRevalidate(context)) {
    rememberPublished({
      collection: 'articles',
      id: originalDoc.id,
      published: await findPublishedArticle({ id: originalDoc.id, req }),
      req,
    })
  }
  return data
}

/** Announces a publish, an update of a published article or an unpublish to the reader site. */
export const revalidateArticle: CollectionAfterChangeHook<Article> = async ({
  context,
  doc,
  req,
}) => {
  if (!shouldRevalidate(context)) return doc
  const change = await publishedChange({
    collection: 'articles',
    doc,
    req,
    findPublished: () => findPublishedArticle({ id: doc.id, req }),
  })
  if (change) {
    await sendTags({ tags: tagsForArticleChange(await toTagSources({ change, req })), req })
  }
  return doc
}

/** Announces the removal of a published article. */
export const revalidateDeletedArticle: CollectionAfterDeleteHook<Article> = async ({
  context,
  doc,
  req,
}) => {
  if (!shouldRevalidate(context) || doc._status !== 'published') return doc
  const sources = await toTagSources({ change: { doc: null, previousDoc: doc }, req })
  await sendTags({ tags: tagsForArticleChange(sources), req })
  return doc
}
