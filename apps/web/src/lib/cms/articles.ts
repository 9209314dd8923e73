import { cache } from 'react'

import type { Where } from 'payload'

import { cacheTags } from '@copydesk/types/cache-tags'
import type { Article } from '@copydesk/types/payload-types'
import { slugify } from '@copydesk/workflow/slug'

import { cms, tagged } from './client'

export const PAGE_SIZE = 10

const published: Where = { _status: { equals: 'published' } }

const and = (...clauses: Where[]): Where => ({ and: [published, ...clauses] })

/** The newest published articles, one page at a time. */
export const getLatestArticles = cache(async (page = 1) =>
  cms.find(
    {
      collection: 'articles',
      where: published,
      sort: '-publishedAt',
      limit: PAGE_SIZE,
      page,
      depth: 1,
    },
    tagged(cacheTags.collection('articles')),
  ),
)

/**
 * One published article with its byline, questions and images, or `null`.
 *
 * @example
 * const article = await getArticleBySlug('north-korean-diplomat-assigned-to-cuba-defects-to-south-korea')
 */
export const getArticleBySlug = cache(async (slug: string): Promise<Article | null> => {
  const { docs } = await cms.find(
    { collection: 'articles', where: and({ slug: { equals: slug } }), limit: 1, depth: 2 },
    tagged(cacheTags.article(slug)),
  )
  return docs[0] ?? null
})

/** Up to `limit` other articles sharing a topic, newest first. */
export const getRelatedArticles = cache(async (article: Article, limit = 3) => {
  if (!article.topics?.length) return []
  const { docs } = await cms.find(
    {
      collection: 'articles',
      where: and({ topics: { in: article.topics } }, { id: { not_equals: article.id } }),
      sort: '-publishedAt',
      limit,
      depth: 1,
    },
    tagged(cacheTags.collection('articles')),
  )
  return docs
})

export const getArticlesByAuthor = cache(async (authorId: string, slug: string) =>
  cms.find(
    {
      collection: 'articles',
      where: and({ authors: { contains: authorId } }),
      sort: '-publishedAt',
      limit: 50,
      depth: 1,
    },
    tagged(cacheTags.author(slug), cacheTags.collection('articles')),
  ),
)

/** Every topic used by a published article, keyed by its URL slug. */
export const getTopics = cache(async (): Promise<Map<string, string>> => {
  const { docs } = await cms.find(
    { collection: 'articles', where: published, select: { topics: true }, limit: 1000, depth: 0 },
    tagged(cacheTags.collection('articles')),
  )
  const topics = new Map<string, string>()
  for (const topic of docs.flatMap((doc) => doc.topics ?? []))
    topics.set(slugify({ text: topic }), topic)
  return topics
})

export const getArticlesByTopic = cache(async (topic: string, slug: string) =>
  cms.find(
    {
      collection: 'articles',
      where: and({ topics: { equals: topic } }),
      sort: '-publishedAt',
      limit: 50,
      depth: 1,
    },
    tagged(cacheTags.topic(slug), cacheTags.collection('articles')),
  ),
)

/** Published articles whose headline, dek or topics contain every word of the query. */
export const searchArticles = cache(async (query: string) => {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8)
  if (words.length === 0) return null
  return cms.find(
    {
      collection: 'articles',
      where: and(
        ...words.map((word): Where => ({
          or: [{ title: { like: word } }, { dek: { like: word } }, { topics: { like: word } }],
        })),
      ),
      sort: '-publishedAt',
      limit: 20,
      depth: 1,
    },
    tagged(cacheTags.collection('articles')),
  )
})

/** Every published article, for sitemaps and feeds. */
export const getAllArticles = cache(async () =>
  cms.find(
    { collection: 'articles', where: published, sort: '-publishedAt', limit: 1000, depth: 1 },
    tagged(cacheTags.collection('articles')),
  ),
)
