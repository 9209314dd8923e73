import { cache } from 'react'

import { cacheTags } from '@copydesk/types/cache-tags'
import type { Article } from '@copydesk/types/payload-types'

import { monthWindow } from '../archive'
import { MAX_SITEMAP_URLS } from '../sitemaps'
import { cms, tagged } from './client'
import {
  HOME_WINDOWS_DAYS,
  feedQuery,
  newsSitemapQuery,
  sitemapMonthQuery,
  windowStart,
} from './queries'

const HOUR_MS = 3_600_000
const TWO_DAYS_MS = 48 * HOUR_MS

/**
 * The slug and last change of every story in one part of a month's child sitemap, newest first.
 *
 * @example
 * const { docs } = await getSitemapArticles({ year: 2024, month: 7, part: 1 })
 */
export const getSitemapArticles = cache(
  async ({ year, month, part }: { year: number; month: number; part: number }) =>
    cms.find(
      sitemapMonthQuery({ ...monthWindow({ year, month }), part, limit: MAX_SITEMAP_URLS }) as {
        collection: 'articles'
      },
      tagged(cacheTags.collection('articles')),
    ) as Promise<{ docs: Pick<Article, 'id' | 'slug' | 'updatedAt'>[]; totalDocs: number }>,
)

/**
 * The stories of the last two days, newest first, at most 1,000 (the Google News sitemap). The
 * query starts at the top of the hour two days back, so its cached response is shared for an
 * hour; the exact 48 hours are cut here.
 */
export const getNewsArticles = cache(async (now: Date = new Date()): Promise<Article[]> => {
  const since = new Date(Math.floor((now.getTime() - TWO_DAYS_MS) / HOUR_MS) * HOUR_MS)
  const { docs } = await cms.find(
    newsSitemapQuery({ since: since.toISOString() }) as { collection: 'articles' },
    tagged(cacheTags.collection('articles')),
  )
  const cutoff = now.getTime() - TWO_DAYS_MS
  return docs.filter((doc) => doc.publishedAt && new Date(doc.publishedAt).getTime() >= cutoff)
})

/**
 * The newest 50 stories for the feed, read within the smallest front-page window that holds 50
 * (a week, a month, a year, ten years), so the database never sorts the whole archive.
 */
export const getFeedArticles = cache(async (now: Date = new Date()): Promise<Article[]> => {
  let docs: Article[] = []
  for (const days of HOME_WINDOWS_DAYS) {
    const result = await cms.find(
      feedQuery({ since: windowStart({ now, days }) }) as { collection: 'articles' },
      tagged(cacheTags.collection('articles')),
    )
    docs = result.docs
    if (result.totalDocs >= 50) break
  }
  return docs
})
