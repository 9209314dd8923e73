import type { Where } from 'payload'

/**
 * Every query the reader site sends the CMS, as pure builders: `lib/cms/*.ts` pass what these
 * return to the REST client, and `queries.test.ts` checks each one against the indexes the CMS
 * declares (`@copydesk/types/indexes`). A query on articles must filter on the leading field of
 * one of those indexes (a slug, a topic, an author, a publishedAt window): the local engine sorts
 * whatever the filter leaves in memory, so an unnarrowed "newest first" reads the whole archive.
 *
 * Adding a query: write its builder here, call it from `lib/cms`, and add an example to
 * {@link SITE_QUERIES}. A query on a small collection (topics, authors: hundreds of documents)
 * may list them all if it says why in `unnarrowed`; a query on articles may not.
 */

/** A query as the REST client's `find` takes it. */
export type SiteQuery = {
  collection: 'articles' | 'topics' | 'authors'
  where?: Where
  sort?: string
  limit?: number
  page?: number
  depth?: number
  pagination?: boolean
  /** Only these fields (sitemaps read thousands of rows and need two fields of each). */
  select?: Selection
  /** Only these fields of the documents a relationship brings in, by their collection. */
  populate?: Partial<Record<'authors' | 'topics', Selection>>
}

type Selection = { [field: string]: true | Selection }

/**
 * What a story card shows (`ArticleCard`): headline, dek, date, and the names and slugs of its
 * authors and topics. A list page asks for these only; the body, Key Questions, corrections and
 * the folded search copy stay in the database (they are most of a story's bytes).
 */
const CARD: Pick<SiteQuery, 'select' | 'populate'> = {
  select: {
    title: true,
    slug: true,
    dek: true,
    meta: { description: true },
    publishedAt: true,
    authors: true,
    topics: true,
  },
  populate: { authors: { name: true, slug: true }, topics: { name: true, slug: true } },
}

/** Stories per page on the front page. */
export const HOME_PAGE_SIZE = 10

/** Stories per page on topic and author pages. */
export const LIST_PAGE_SIZE = 20

/**
 * The publishedAt windows the front page tries in turn, in days back from the start of today
 * (UTC): the smallest one that holds the page asked for (and one story more, to know whether
 * there is a next page) answers. Ten years is the front page's reach; older stories are in the
 * date archive.
 */
export const HOME_WINDOWS_DAYS = [7, 31, 366, 3660] as const

const DAY_MS = 86_400_000

/**
 * The front-page window to read next, or `null` when the one just read (`days` long, holding
 * `found` stories) answers the page (`wanted`: the stories up to the page's end, and one more).
 * The stories per day in this window predict how long a window the page needs; the next window
 * of {@link HOME_WINDOWS_DAYS} at least that long (with a margin) is read next, the longest one
 * when the window was empty.
 *
 * @example
 * nextWindowDays({ days: 7, found: 0, wanted: 11 })   // 3660: a quiet newsroom
 * nextWindowDays({ days: 7, found: 70, wanted: 201 }) // 31: ten a day, 20 days needed
 * nextWindowDays({ days: 7, found: 70, wanted: 11 })  // null: the week holds the page
 */
export const nextWindowDays = ({
  days,
  found,
  wanted,
}: {
  days: number
  found: number
  wanted: number
}): number | null => {
  const longest = HOME_WINDOWS_DAYS[HOME_WINDOWS_DAYS.length - 1] ?? days
  if (found >= wanted || days >= longest) return null
  const needed = found > 0 ? (wanted / (found / days)) * 1.5 : Number.POSITIVE_INFINITY
  return HOME_WINDOWS_DAYS.find((length) => length > days && length >= needed) ?? longest
}

/**
 * The clauses of a query, joined. The site's client is anonymous, so the CMS's read access adds
 * "published only" to every query itself; the site does not repeat it. Repeating it costs more
 * than a line: the local engine's planner counts the repeated condition twice, expects next to
 * nothing to match, and reads the collection end to end instead of using the narrowing index
 * (about 0.35 s a query over 10,000 stories, against 4 ms without the repeat). `queries.test.ts`
 * keeps it out.
 */
const and = (...clauses: Where[]): Where => {
  const [only, ...more] = clauses
  return only && more.length === 0 ? only : { and: clauses }
}

/**
 * The start of a front-page window: midnight UTC `days` before today's. Rounded to the day so the
 * query, and so the cached response, stays the same all day.
 *
 * @example
 * windowStart({ now: new Date('2026-12-01T17:00:00Z'), days: 7 }) // '2026-11-24T00:00:00.000Z'
 */
export const windowStart = ({ now, days }: { now: Date; days: number }): string =>
  new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY_MS,
  ).toISOString()

/** Page `page` of the newest published stories since `since` (a front-page window). */
export const latestArticlesQuery = ({
  page,
  since,
}: {
  page: number
  since: string
}): SiteQuery => ({
  collection: 'articles',
  where: and({ publishedAt: { greater_than_equal: since } }),
  sort: '-publishedAt',
  limit: HOME_PAGE_SIZE,
  page,
  depth: 1,
  ...CARD,
})

/** One published story by its slug. */
export const articleBySlugQuery = ({ slug }: { slug: string }): SiteQuery => ({
  collection: 'articles',
  where: and({ slug: { equals: slug } }),
  limit: 1,
  // One story or none: no count of the matches is needed.
  pagination: false,
  depth: 2,
})

/** Other stories filed under any of these topics, newest first. */
export const relatedArticlesQuery = ({
  articleId,
  topicIds,
  limit,
  since,
}: {
  articleId: string
  topicIds: string[]
  limit: number
  /** The start of the publishedAt window read (see `getRelatedArticles`); none: all of them. */
  since?: string
}): SiteQuery => ({
  collection: 'articles',
  where: and(
    { topics: { in: topicIds } },
    { id: { not_equals: articleId } },
    ...windowClauses({ from: since }),
  ),
  sort: '-publishedAt',
  limit,
  // Whether the window holds enough is told by how many came back; no count is needed.
  pagination: false,
  depth: 1,
  ...CARD,
})

/**
 * A publishedAt window `[from, to)`; a missing bound is open (toward the future or the past).
 * Lists are read a window at a time, so the database sorts one window's stories, not the list's.
 */
export type Window = { from?: string; to?: string }

const windowClauses = ({ from, to }: Window): Where[] => [
  ...(from ? [{ publishedAt: { greater_than_equal: from } }] : []),
  ...(to ? [{ publishedAt: { less_than: to } }] : []),
]

/** How many years back a list is counted a year at a time; older stories share one window. */
export const LIST_YEARS = 30

/**
 * The windows a topic's or author's list is read in, newest first: this year (and anything dated
 * later), each of the {@link LIST_YEARS} years before it, and everything older.
 *
 * @example
 * yearWindows({ now: new Date('2026-12-01T00:00:00Z'), years: 2 })
 * // [{ from: '2026-01-01T00:00:00.000Z' },
 * //  { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
 * //  { to: '2025-01-01T00:00:00.000Z' }]
 */
export const yearWindows = ({ now, years = LIST_YEARS }: { now: Date; years?: number }) => {
  const start = (year: number) => new Date(Date.UTC(year, 0, 1)).toISOString()
  const year = now.getUTCFullYear()
  const windows: Window[] = [{ from: start(year) }]
  for (let back = 1; back < years; back += 1)
    windows.push({ from: start(year - back), to: start(year - back + 1) })
  windows.push({ to: start(year - years + 1) })
  return windows
}

/**
 * A month's windows, newest first: its days 22 to the end, 15–21, 8–14 and 1–7, so a page of a
 * month is read from about a week of stories.
 */
export const monthWindows = ({ from, to }: { from: string; to: string }): Window[] => {
  const day = (n: number) => {
    const date = new Date(from)
    date.setUTCDate(n)
    return date.toISOString()
  }
  return [
    { from: day(22), to },
    { from: day(15), to: day(22) },
    { from: day(8), to: day(15) },
    { from, to: day(8) },
  ]
}

/**
 * Windows a list's request for counts asks about after its first: the counts of one request run
 * in the database together, each a range of one index, so a busy year's twelve months cost one
 * request.
 */
export const COUNT_AHEAD = 12

/**
 * The windows (newest first) a list's first request for counts asks about along with the whole
 * list: for page 1 the newest, which nearly always holds it; for a later page as many as a request
 * asks about, so a deep page, too, is located with one request for counts.
 *
 * @example
 * firstCountedWindows({ windows: yearWindows({ now }), page: 1 }).length  // 1
 * firstCountedWindows({ windows: yearWindows({ now }), page: 40 }).length // 12
 */
export const firstCountedWindows = ({
  windows,
  page,
}: {
  windows: readonly Window[]
  page: number
}): readonly Window[] => windows.slice(0, page === 1 ? 1 : COUNT_AHEAD)

/**
 * Where a page of a list lies, from the story counts of its first windows (newest first): the
 * window to read (the windows the page spans, joined) and how many of its newest stories to skip.
 * `null` while the counted windows do not reach the page's end yet; once every window is counted
 * (`isComplete`), or the counts add up to the `total` the windows hold, the page is whatever they
 * hold: the last page of a list never fills, and the windows after its oldest story are empty.
 *
 * @example
 * // 12 stories this year, 30 last year; page 2 at 10 a page: skip 10 of this year's, read into last year
 * locatePage({ windows, counts: [12, 30], offset: 10, size: 10, isComplete: false })
 * // { window: { from: <last year> }, skip: 10 }
 */
export const locatePage = ({
  windows,
  counts,
  offset,
  size,
  isComplete,
  total = Number.POSITIVE_INFINITY,
}: {
  windows: readonly Window[]
  counts: readonly number[]
  offset: number
  size: number
  isComplete: boolean
  /** How many stories all of `windows` hold, when known. */
  total?: number
}): { window: Window; skip: number; held: number; spanned: Window[] } | null => {
  const plan = (first: number, last: number) => ({
    window: joined(windows, first, last),
    skip: offset - skipped(counts, first),
    held: counts.slice(first, last + 1).reduce((sum, count) => sum + count, 0),
    spanned: windows.slice(first, last + 1),
  })
  let before = 0
  let first = -1
  for (let i = 0; i < counts.length; i += 1) {
    const count = counts[i] ?? 0
    if (first < 0 && before + count > offset) first = i
    if (first >= 0 && before + count >= offset + size) return plan(first, i)
    before += count
  }
  if (!isComplete && before < total) return null
  if (first < 0) return { ...plan(counts.length - 1, counts.length - 1), skip: 0 }
  return plan(first, counts.length - 1)
}

/**
 * The months of a year's window, newest first, for a page that lies in a busy year: the page is
 * then read from a month or two rather than the year. The newest month stays open toward the future
 * when the year's window does; a window that is not one calendar year is not split (`null`).
 *
 * @example
 * yearMonths({ from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' })
 * // [{ from: '2025-12-01…', to: '2026-01-01…' }, …, { from: '2025-01-01…', to: '2025-02-01…' }]
 */
export const yearMonths = ({ from, to }: Window): Window[] | null => {
  if (!from) return null
  const start = new Date(from)
  const year = start.getUTCFullYear()
  const isYear =
    start.getTime() === Date.UTC(year, 0, 1) &&
    (to === undefined || new Date(to).getTime() === Date.UTC(year + 1, 0, 1))
  if (!isYear) return null
  const iso = (month: number) => new Date(Date.UTC(year, month, 1)).toISOString()
  return Array.from({ length: 12 }, (_, i) => {
    const month = 11 - i
    return { from: iso(month), to: month === 11 ? to : iso(month + 1) }
  })
}

/**
 * The months of the years a page spans (`locatePage`'s `spanned`), newest first, or `null` when
 * one of them is not a calendar year. A page that starts late in one year and ends early in the
 * year before is read from the months around the turn of the year, not from both years.
 *
 * @example
 * spannedMonths([{ from: '2018-01-01…', to: '2019-01-01…' }, { from: '2017-01-01…', to: '2018-01-01…' }])
 * // 24 months: December 2018 … January 2017
 */
export const spannedMonths = (spanned: readonly Window[]): Window[] | null => {
  const months = spanned.map(yearMonths)
  return months.every((year) => year !== null) ? months.flat() : null
}

const skipped = (counts: readonly number[], first: number) =>
  counts.slice(0, first).reduce((sum, count) => sum + count, 0)

/** The windows `newest`..`oldest` (indexes into `windows`, newest first) as one window. */
const joined = (windows: readonly Window[], newest: number, oldest: number): Window => ({
  from: windows[oldest]?.from,
  to: windows[newest]?.to,
})

/**
 * How to read the stories `skip` to `skip + size` (newest first) of a window holding `held`: from
 * its newest end, or, when the page lies nearer the oldest, from that end (oldest first, then
 * reversed). A card is filled in (authors, topics) for every story read, so the last page of a
 * window of 200 reads 20 stories, not 200.
 *
 * @example
 * windowRead({ skip: 0, size: 20, held: 200 })   // { isOldestFirst: false, limit: 20, drop: 0 }
 * windowRead({ skip: 180, size: 20, held: 200 }) // { isOldestFirst: true, limit: 20, drop: 0 }
 * windowRead({ skip: 190, size: 20, held: 200 }) // { isOldestFirst: true, limit: 10, drop: 0 }
 * windowRead({ skip: 150, size: 20, held: 200 }) // { isOldestFirst: true, limit: 50, drop: 30 }
 */
export const windowRead = ({
  skip,
  size,
  held,
}: {
  skip: number
  size: number
  held: number
}): { isOldestFirst: boolean; limit: number; drop: number } => {
  const fromOldest = held - skip
  if (fromOldest >= skip + size) return { isOldestFirst: false, limit: skip + size, drop: skip }
  return { isOldestFirst: true, limit: fromOldest, drop: Math.max(0, fromOldest - size) }
}

/** The filter of a topic's list. */
export const topicFilter = (topicId: string): Where => ({ topics: { in: [topicId] } })

/** The filter of an author's list. */
export const authorFilter = (authorId: string): Where => ({ authors: { in: [authorId] } })

/** How many published stories a list (`filter`) holds, in `window` or in all. */
export const listCountQuery = ({
  filter,
  window,
}: {
  filter?: Where
  window?: Window
}): SiteQuery => ({
  collection: 'articles',
  where: and(...(filter ? [filter] : []), ...windowClauses(window ?? {})),
})

/**
 * The newest `limit` stories of a list (`filter`) in `window`, as cards; with `isOldestFirst` the
 * oldest `limit`, oldest first, in exactly the reverse order (Payload breaks a tie on publishedAt
 * by `-createdAt` unless the sort names createdAt itself).
 */
export const listWindowQuery = ({
  filter,
  window,
  limit,
  isOldestFirst = false,
}: {
  filter?: Where
  window: Window
  limit: number
  isOldestFirst?: boolean
}): SiteQuery => ({
  collection: 'articles',
  where: and(...(filter ? [filter] : []), ...windowClauses(window)),
  sort: isOldestFirst ? 'publishedAt,createdAt' : '-publishedAt',
  limit,
  pagination: false,
  depth: 1,
  ...CARD,
})

/** One topic by its slug. */
export const topicBySlugQuery = ({ slug }: { slug: string }): SiteQuery => ({
  collection: 'topics',
  where: { slug: { equals: slug } },
  limit: 1,
  depth: 1,
})

/** Every topic, by name, for the topic list and the sitemap. */
export const allTopicsQuery = (): SiteQuery => ({
  collection: 'topics',
  sort: 'name',
  pagination: false,
  depth: 0,
})

/** One published author by their slug. */
export const authorBySlugQuery = ({ slug }: { slug: string }): SiteQuery => ({
  collection: 'authors',
  where: and({ slug: { equals: slug } }),
  limit: 1,
  depth: 1,
})

/** Stories per page of a month in the date archive. */
export const ARCHIVE_PAGE_SIZE = 20

/**
 * One part of a month's child sitemap: page `part` of the month's stories at `limit` a page
 * (50,000 in production), only the slug and dates.
 */
export const sitemapMonthQuery = ({
  from,
  to,
  part,
  limit,
}: {
  from: string
  to: string
  part: number
  limit: number
}): SiteQuery => ({
  collection: 'articles',
  where: and(...windowClauses({ from, to })),
  sort: '-publishedAt',
  limit,
  page: part,
  depth: 0,
  select: { slug: true, updatedAt: true },
})

/** The Google News sitemap: stories since `since` (two days back), at most 1,000. */
export const newsSitemapQuery = ({ since }: { since: string }): SiteQuery => ({
  collection: 'articles',
  where: and(...windowClauses({ from: since })),
  sort: '-publishedAt',
  limit: 1000,
  depth: 0,
  select: { title: true, slug: true, publishedAt: true, updatedAt: true, createdAt: true },
})

/** The feed: the newest 50 stories since `since` (a front-page window). */
export const feedQuery = ({ since }: { since: string }): SiteQuery => ({
  collection: 'articles',
  where: and(...windowClauses({ from: since })),
  sort: '-publishedAt',
  limit: 50,
  depth: 1,
})

/** An entry of {@link SITE_QUERIES}: a query as the site sends it, and why if it lists everything. */
export type SiteQueryExample = { name: string; query: SiteQuery; unnarrowed?: string }

const EXAMPLE_ID = '6650f0c2a1b2c3d4e5f60718'

/** One example of every query the site runs; `queries.test.ts` checks each. */
export const SITE_QUERIES: readonly SiteQueryExample[] = [
  ...HOME_WINDOWS_DAYS.map((days) => ({
    name: `front page, ${days}-day window`,
    query: latestArticlesQuery({ page: 3, since: windowStart({ now: new Date(), days }) }),
  })),
  { name: 'article by slug', query: articleBySlugQuery({ slug: 'a-story' }) },
  ...[windowStart({ now: new Date(), days: 31 }), undefined].map((since) => ({
    name: `related stories, since ${since ?? 'ever'}`,
    query: relatedArticlesQuery({ articleId: EXAMPLE_ID, topicIds: [EXAMPLE_ID], limit: 3, since }),
  })),
  ...(['topic', 'author'] as const).flatMap((list) => {
    const filter = list === 'topic' ? topicFilter(EXAMPLE_ID) : authorFilter(EXAMPLE_ID)
    const [thisYear, , older] = yearWindows({ now: new Date(), years: 2 })
    return [
      { name: `${list} page, stories in all`, query: listCountQuery({ filter }) },
      {
        name: `${list} page, stories this year`,
        query: listCountQuery({ filter, window: thisYear }),
      },
      { name: `${list} page, stories before`, query: listCountQuery({ filter, window: older }) },
      {
        name: `${list} page, a window's stories`,
        query: listWindowQuery({ filter, window: { from: thisYear?.from }, limit: 40 }),
      },
      {
        name: `${list} page, a window's oldest stories`,
        query: listWindowQuery({
          filter,
          window: { from: thisYear?.from },
          limit: 40,
          isOldestFirst: true,
        }),
      },
    ]
  }),
  { name: 'topic by slug', query: topicBySlugQuery({ slug: 'cuba' }) },
  {
    name: 'all topics',
    query: allTopicsQuery(),
    unnarrowed: 'Topics are a few hundred small documents, read once and cached under "topics".',
  },
  { name: 'author by slug', query: authorBySlugQuery({ slug: 'claire-jimenez' }) },
  ...monthWindows({ from: '2024-07-01T00:00:00.000Z', to: '2024-08-01T00:00:00.000Z' }).flatMap(
    (window) => [
      { name: `date archive, stories from ${window.from}`, query: listCountQuery({ window }) },
      {
        name: `date archive, a window from ${window.from}`,
        query: listWindowQuery({ window, limit: 40 }),
      },
    ],
  ),
  {
    name: 'sitemap child (a month)',
    query: sitemapMonthQuery({
      from: '2024-07-01T00:00:00.000Z',
      to: '2024-08-01T00:00:00.000Z',
      part: 1,
      limit: 50_000,
    }),
  },
  { name: 'news sitemap', query: newsSitemapQuery({ since: '2026-11-29T17:00:00.000Z' }) },
  ...HOME_WINDOWS_DAYS.map((days) => ({
    name: `feed, ${days}-day window`,
    query: feedQuery({ since: windowStart({ now: new Date(), days }) }),
  })),
  // Search is no `find`: GET /api/articles/search narrows by the CMS's text index ($text).
]
