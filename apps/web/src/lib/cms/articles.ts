import { cache } from 'react'

import type { PaginatedDocs } from 'payload'

import { cacheTags } from '@copydesk/types/cache-tags'
import type { Article, Topic } from '@copydesk/types/payload-types'

import { cms, tagged } from './client'
import {
  HOME_PAGE_SIZE,
  HOME_WINDOWS_DAYS,
  allTopicsQuery,
  articleBySlugQuery,
  LIST_PAGE_SIZE,
  authorFilter,
  latestArticlesQuery,
  nextWindowDays,
  relatedArticlesQuery,
  topicBySlugQuery,
  topicFilter,
  windowStart,
  yearWindows,
} from './queries'
import { windowedPage } from './lists'

/** A page of a list, as the pages render it. */
export type ArticlePage = {
  docs: Article[]
  page: number
  hasPrevPage: boolean
  hasNextPage: boolean
  /** Pages in the whole list (for the front page: within the window read). */
  totalPages: number
  /** Stories in the whole list (for the front page: within the window read). */
  totalDocs: number
}

const toPage = (result: PaginatedDocs<Article>, page: number): ArticlePage => ({
  docs: result.docs,
  page,
  hasPrevPage: page > 1,
  hasNextPage: result.hasNextPage,
  totalPages: result.totalPages,
  totalDocs: result.totalDocs,
})

/**
 * The newest published stories, one page at a time. Each page is read within a publishedAt
 * window (a week, a month, a year, ten years) that holds it and one story more, so the database
 * never sorts the whole archive (see lib/cms/queries.ts). The week comes first; when it is too
 * short, the rate it shows picks the next window, so a quiet newsroom's front page takes two
 * reads rather than four.
 */
export const getLatestArticles = cache(async (page = 1): Promise<ArticlePage> => {
  const now = new Date()
  const wanted = page * HOME_PAGE_SIZE + 1
  let days: number = HOME_WINDOWS_DAYS[0]
  for (;;) {
    const result = await cms.find(
      latestArticlesQuery({ page, since: windowStart({ now, days }) }) as {
        collection: 'articles'
      },
      tagged(cacheTags.collection('articles')),
    )
    const next = nextWindowDays({ days, found: result.totalDocs, wanted })
    if (next === null) return toPage(result, page)
    days = next
  }
})

/**
 * One published article with its byline, questions, topics and images, or `null`.
 *
 * @example
 * const article = await getArticleBySlug('north-korean-diplomat-assigned-to-cuba-defects-to-south-korea')
 */
export const getArticleBySlug = cache(async (slug: string): Promise<Article | null> => {
  const { docs } = await cms.find(
    articleBySlugQuery({ slug }) as { collection: 'articles' },
    tagged(cacheTags.article(slug)),
  )
  return docs[0] ?? null
})

const idOf = (value: string | { id: string }): string =>
  typeof value === 'string' ? value : value.id

/**
 * Up to `limit` other articles sharing a topic, newest first: read within the last month, then
 * the window the month's rate says holds them (as the front page is), then the whole archive.
 * Three topics of a large archive hold thousands of stories; a month of them is a few dozen.
 */
export const getRelatedArticles = cache(async (article: Article, limit = 3) => {
  const topicIds = (article.topics ?? []).map(idOf)
  if (topicIds.length === 0) return []
  const now = new Date()
  // `undefined`: the whole archive, read when ten years hold too few.
  let days: number | undefined = 31
  for (;;) {
    const since: string | undefined = days === undefined ? undefined : windowStart({ now, days })
    const result: PaginatedDocs<Article> = await cms.find(
      relatedArticlesQuery({ articleId: article.id, topicIds, limit, since }) as {
        collection: 'articles'
      },
      tagged(cacheTags.collection('articles')),
    )
    const found = result.docs.length
    if (days === undefined || found >= limit) return result.docs
    days = nextWindowDays({ days, found, wanted: limit }) ?? undefined
  }
})

/** Page `page` of an author's published stories, newest first. */
export const getArticlesByAuthor = cache(
  async (authorId: string, slug: string, page = 1): Promise<ArticlePage> =>
    windowedPage({
      filter: authorFilter(authorId),
      windows: yearWindows({ now: new Date() }),
      page,
      size: LIST_PAGE_SIZE,
      tags: [cacheTags.author(slug), cacheTags.collection('articles')],
    }),
)

/** Every topic, by name (the topic list, the sitemap). */
export const getTopics = cache(async (): Promise<Topic[]> => {
  const { docs } = await cms.find(
    allTopicsQuery() as { collection: 'topics' },
    tagged(cacheTags.collection('topics')),
  )
  return docs
})

/** One topic by its slug, or `null`. */
export const getTopicBySlug = cache(async (slug: string): Promise<Topic | null> => {
  const { docs } = await cms.find(
    topicBySlugQuery({ slug }) as { collection: 'topics' },
    tagged(cacheTags.topic(slug)),
  )
  return docs[0] ?? null
})

/** Page `page` of a topic's published stories, newest first. */
export const getArticlesByTopic = cache(
  async (topic: Pick<Topic, 'id' | 'slug'>, page = 1): Promise<ArticlePage> =>
    windowedPage({
      filter: topicFilter(topic.id),
      windows: yearWindows({ now: new Date() }),
      page,
      size: LIST_PAGE_SIZE,
      tags: [cacheTags.topic(topic.slug ?? ''), cacheTags.collection('articles')],
    }),
)
