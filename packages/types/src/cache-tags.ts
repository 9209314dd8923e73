/**
 * The one contract between the CMS (which announces changes) and the reader site (which caches
 * pages): both build tag names here, so a tag is never spelled twice.
 */
export type TaggedCollection = 'articles' | 'faqs' | 'authors' | 'media' | 'topics'

/** Every published document of a collection, e.g. for lists, sitemaps and feeds. */
const collection = (name: TaggedCollection): string => `${name}`

/** One document, addressed by its slug (or id for media). */
const doc = (name: TaggedCollection, key: string): string => `${name}:${key}`

/**
 * Cache-tag builders.
 *
 * @example
 * cacheTags.article('north-korean-diplomat') // 'articles:north-korean-diplomat'
 * cacheTags.collection('articles')           // 'articles'
 */
export const cacheTags = {
  collection,
  doc,
  article: (slug: string) => doc('articles', slug),
  author: (slug: string) => doc('authors', slug),
  faq: (slug: string) => doc('faqs', slug),
  media: (id: string) => doc('media', id),
  topic: (slug: string) => doc('topics', slug),
} as const
