import type { Article, Author, Faq, Media, Topic } from './payload-types'

/**
 * The one contract between the CMS (which announces changes) and the reader site (which caches
 * pages): both build tag names here, so a tag is never spelled twice.
 *
 * A page carries the tag of every document it shows (`articles:<slug>`, `authors:<slug>`, …) and
 * the collection tag (`articles`) of every list it shows. A change announces its collection tag,
 * the tags of the document before and after the change, and the tags of the documents that show
 * it, so a page only needs the tags of what it fetched itself.
 */
export type TaggedCollection = 'articles' | 'faqs' | 'authors' | 'media' | 'topics' | 'redirects'

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

/** A slug as stored: drafts may not have one yet. */
type Slug = string | null | undefined

/** What readers see of a published article, with its relations reduced to URL slugs. */
export type PublishedArticle = {
  slug: Article['slug']
  authorSlugs: readonly Slug[]
  topicSlugs: readonly Slug[]
}

export type PublishedAuthor = Pick<Author, 'slug'>

export type PublishedFaq = Pick<Faq, 'slug'>

export type PublishedTopic = Pick<Topic, 'slug'>

/**
 * A change as readers saw it: the published version before and after, `null` where there was
 * none (`previousDoc: null` for a first publish, `doc: null` for an unpublish or a delete).
 */
export type PublishedChange<T> = {
  doc: T | null
  previousDoc: T | null
}

/** The slugs of the published documents that show the changed one. */
type ShownBy = {
  articleSlugs?: readonly Slug[]
  authorSlugs?: readonly Slug[]
}

const present = (slugs: readonly Slug[]): string[] =>
  slugs.filter((slug): slug is string => typeof slug === 'string' && slug.length > 0)

/** Tags in a stable order (collections first), each once. */
const unique = (tags: string[]): string[] => [...new Set(tags)]

/** A collection tag plus document tags, or nothing when there are no documents to name. */
const listAndDocs = (name: TaggedCollection, slugs: readonly Slug[] = []): string[] => {
  const keys = present(slugs)
  return keys.length > 0 ? [collection(name), ...keys.map((key) => doc(name, key))] : []
}

const shownBy = ({ articleSlugs = [], authorSlugs = [] }: ShownBy): string[] => [
  ...listAndDocs('articles', articleSlugs),
  ...listAndDocs('authors', authorSlugs),
]

const versions = <T>({ doc, previousDoc }: PublishedChange<T>): T[] =>
  [previousDoc, doc].filter((version): version is T => version !== null)

/**
 * Tags to revalidate when what readers see of an article changes: every article list, the
 * article under its old and new slug, and the pages of the authors and topics it is (or was)
 * filed under, since those pages list it.
 *
 * @example
 * tagsForArticleChange({
 *   doc: { slug: 'talks-resume', authorSlugs: ['claire-jimenez'], topicSlugs: ['north-korea'] },
 *   previousDoc: null,
 * })
 * // ['articles', 'articles:talks-resume', 'authors:claire-jimenez', 'topics:north-korea']
 */
export const tagsForArticleChange = (change: PublishedChange<PublishedArticle>): string[] => {
  const seen = versions(change)
  if (seen.length === 0) return []
  return unique([
    collection('articles'),
    ...present(seen.map((version) => version.slug)).map(cacheTags.article),
    ...present(seen.flatMap((version) => version.authorSlugs)).map(cacheTags.author),
    ...present(seen.flatMap((version) => version.topicSlugs)).map(cacheTags.topic),
  ])
}

/**
 * Tags to revalidate when what readers see of an author changes: the author lists and page, and
 * the published articles that credit them (their pages, and the lists that show bylines).
 *
 * @example
 * tagsForAuthorChange({
 *   doc: { slug: 'claire-jimenez' },
 *   previousDoc: { slug: 'claire-jimenez' },
 *   articleSlugs: ['talks-resume'],
 * })
 * // ['authors', 'authors:claire-jimenez', 'articles', 'articles:talks-resume']
 */
export const tagsForAuthorChange = ({
  articleSlugs,
  ...change
}: PublishedChange<PublishedAuthor> & Pick<ShownBy, 'articleSlugs'>): string[] => {
  const seen = versions(change)
  if (seen.length === 0) return []
  return unique([
    collection('authors'),
    ...present(seen.map((version) => version.slug)).map(cacheTags.author),
    ...shownBy({ articleSlugs }),
  ])
}

/**
 * Tags to revalidate when what readers see of an FAQ changes: the FAQ itself and the pages of the
 * published articles that list it under Key Questions.
 *
 * @example
 * tagsForFaqChange({ doc: { slug: 'who-is-ri' }, previousDoc: null, articleSlugs: ['talks-resume'] })
 * // ['faqs', 'faqs:who-is-ri', 'articles', 'articles:talks-resume']
 */
export const tagsForFaqChange = ({
  articleSlugs,
  ...change
}: PublishedChange<PublishedFaq> & Pick<ShownBy, 'articleSlugs'>): string[] => {
  const seen = versions(change)
  if (seen.length === 0) return []
  return unique([
    collection('faqs'),
    ...present(seen.map((version) => version.slug)).map(cacheTags.faq),
    ...shownBy({ articleSlugs }),
  ])
}

/**
 * Tags to revalidate when a topic changes (topics have no drafts: every save is live): the topic
 * list and page under its old and new slug, and the published articles filed under it, whose
 * pages name it.
 *
 * @example
 * tagsForTopicChange({ doc: { slug: 'cuba' }, previousDoc: null, articleSlugs: ['talks-resume'] })
 * // ['topics', 'topics:cuba', 'articles', 'articles:talks-resume']
 */
export const tagsForTopicChange = ({
  articleSlugs,
  ...change
}: PublishedChange<PublishedTopic> & Pick<ShownBy, 'articleSlugs'>): string[] => {
  const seen = versions(change)
  if (seen.length === 0) return []
  return unique([
    collection('topics'),
    ...present(seen.map((version) => version.slug)).map(cacheTags.topic),
    ...shownBy({ articleSlugs }),
  ])
}

/**
 * Tags to revalidate when an image changes or is deleted: the image, and the published articles
 * and authors that show it (as a hero, social image or avatar). Images have no drafts, so every
 * change is one readers can see wherever the image is used.
 *
 * @example
 * tagsForMediaChange({ id: '665f', articleSlugs: ['talks-resume'], authorSlugs: [] })
 * // ['media', 'media:665f', 'articles', 'articles:talks-resume']
 */
export const tagsForMediaChange = ({ id, ...shown }: { id: Media['id'] } & ShownBy): string[] =>
  unique([collection('media'), cacheTags.media(id), ...shownBy(shown)])
