import { cache } from 'react'

import { cacheTags } from '@copydesk/types/cache-tags'

import type { ArchiveMonth } from '../archive'
import { monthWindow } from '../archive'
import { cms, tagged } from './client'
import { windowedPage } from './lists'
import { ARCHIVE_PAGE_SIZE, monthWindows } from './queries'

/**
 * Page `page` of the stories published in a month, newest first, read from about a week of the
 * month at a time (see `windowedPage`).
 */
export const getArticlesOfMonth = cache(
  async ({ year, month, page }: ArchiveMonth & { page: number }) => {
    const scope = monthWindow({ year, month })
    return windowedPage({
      scope,
      windows: monthWindows(scope),
      page,
      size: ARCHIVE_PAGE_SIZE,
      tags: [cacheTags.collection('articles')],
    })
  },
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
