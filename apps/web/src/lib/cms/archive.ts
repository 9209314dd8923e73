import { cache } from 'react'

import { cacheTags } from '@copydesk/types/cache-tags'

import type { ArchiveMonth } from '../archive'
import { monthWindow } from '../archive'
import { cms, tagged } from './client'
import { monthArticlesQuery } from './queries'

/**
 * Page `page` of the stories published in a month, newest first: the month's publishedAt window
 * (an indexed range), so the database never sorts the whole archive.
 */
export const getArticlesOfMonth = cache(
  async ({ year, month, page }: ArchiveMonth & { page: number }) =>
    cms.find(
      monthArticlesQuery({ ...monthWindow({ year, month }), page }) as { collection: 'articles' },
      tagged(cacheTags.collection('articles')),
    ),
)

/** Every month with published stories and how many, newest first (the CMS counts them). */
export const getArchiveMonths = cache(async (): Promise<(ArchiveMonth & { count: number })[]> => {
  const response = await cms.request({
    method: 'GET',
    path: '/articles/archive',
    init: tagged(cacheTags.collection('articles')),
  })
  return ((await response.json()) as { months: (ArchiveMonth & { count: number })[] }).months
})
