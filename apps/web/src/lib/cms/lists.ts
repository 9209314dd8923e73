import type { Where } from 'payload'
import { stringify } from 'qs-esm'

import { COUNTS_MAX_WINDOWS } from '@copydesk/types/contract'
import type { Article } from '@copydesk/types/payload-types'

import { env } from '@/env'

import type { ArticlePage } from './articles'
import { cms, tagged } from './client'
import type { Window } from './queries'
import {
  COUNT_AHEAD,
  firstCountedWindows,
  listWindowQuery,
  locatePage,
  spannedMonths,
  windowRead,
} from './queries'

/**
 * Page `page` of a list of published stories (`filter` within `scope`), newest first, `size` a
 * page, read from `windows` (newest first, together covering `scope`). The CMS counts the list
 * and its windows (`GET /api/articles/counts`: up to {@link COUNT_AHEAD} windows in one request,
 * each count read from an index; a later page's first request counts that many, page 1's only the
 * newest) until the page is located, and the page is read from the windows it spans alone. So
 * page 500 costs what page 1 does, plus a request for the months of the busy years it spans, and the
 * database never sorts more than about one window of the list.
 */
export const windowedPage = async ({
  filter,
  scope = {},
  windows,
  page,
  size,
  tags,
}: {
  filter?: Where
  scope?: Window
  windows: readonly Window[]
  page: number
  size: number
  tags: string[]
}): Promise<ArticlePage> => {
  // What each count is: listCountQuery({ filter, window }), run by the CMS for every window.
  const countAll = async (among: readonly Window[]): Promise<number[]> => {
    const query = stringify({
      where: filter,
      windows: among.map(({ from, to }) => ({ from: from ?? '', to: to ?? '' })),
    })
    const response = await cms.request({
      method: 'GET',
      path: `/articles/counts?${query}`,
      init: tagged(...tags),
    })
    if (!response.ok) throw new Error(`The CMS answered ${response.status} to a list's counts.`)
    return ((await response.json()) as { counts: number[] }).counts
  }
  // The list and its first windows are counted together: most pages need no more.
  const first = firstCountedWindows({ windows, page })
  const [total = 0, ...counted] = await countAll([scope, ...(first.length ? first : [scope])])
  const offset = (page - 1) * size
  const result = (docs: Article[]): ArticlePage => ({
    docs,
    page,
    hasPrevPage: page > 1,
    hasNextPage: offset + size < total,
    totalPages: Math.max(1, Math.ceil(total / size)),
    totalDocs: total,
  })
  if (offset >= total) return result([])
  // The page `skip` stories into `window` (which holds `held`), read from its nearer end.
  const read = async (window: Window, skip: number, held: number) => {
    const { isOldestFirst, limit, drop } = windowRead({ skip, size, held })
    const { docs } = await cms.find(
      listWindowQuery({ filter, window, limit, isOldestFirst }) as { collection: 'articles' },
      tagged(...tags),
    )
    const page = docs.slice(drop, drop + size)
    return result(isOldestFirst ? page.reverse() : page)
  }
  // A short list is read whole: sorting a few hundred cards costs less than counting windows.
  if (total <= env.LIST_READ_WHOLE_MAX) return read(scope, offset, total)
  // Counts `among` (newest first, `held` stories in all), `ahead` at a time, until the page is
  // located in them. Once the counts add up to `held` the windows left are empty: the last page
  // of a list is located without counting every year back to the oldest window.
  const locate = async ({
    among,
    at,
    held,
    counts = [],
    ahead = COUNT_AHEAD,
  }: {
    among: readonly Window[]
    at: number
    held: number
    counts?: number[]
    ahead?: number
  }) => {
    for (;;) {
      const plan = locatePage({
        windows: among,
        counts,
        offset: at,
        size,
        isComplete: counts.length >= among.length,
        total: held,
      })
      if (plan) return plan
      counts.push(...(await countAll(among.slice(counts.length, counts.length + ahead))))
    }
  }
  const plan = await locate({ among: windows, at: offset, held: total, counts: counted })
  // A page in a busy year, or across the turn of two, is read from the months it spans (counted
  // from the newest, two years' months in a request), not from the years.
  const months = plan.held > env.LIST_READ_WHOLE_MAX && spannedMonths(plan.spanned)
  if (!months) return read(plan.window, plan.skip, plan.held)
  const inMonths = await locate({
    among: months,
    at: plan.skip,
    held: plan.held,
    // Two years' months in one request, as many as the CMS counts at once.
    ahead: COUNTS_MAX_WINDOWS,
  })
  return read(inMonths.window, inMonths.skip, inMonths.held)
}
