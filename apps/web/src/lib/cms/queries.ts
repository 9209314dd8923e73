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
  depth: 2,
})

/** Other stories filed under any of these topics, newest first. */
export const relatedArticlesQuery = ({
  articleId,
  topicIds,
  limit,
}: {
  articleId: string
  topicIds: string[]
  limit: number
}): SiteQuery => ({
  collection: 'articles',
  where: and({ topics: { in: topicIds } }, { id: { not_equals: articleId } }),
  sort: '-publishedAt',
  limit,
  depth: 1,
  ...CARD,
})

/** Page `page` of a topic's stories, newest first. */
export const articlesByTopicQuery = ({
  topicId,
  page,
}: {
  topicId: string
  page: number
}): SiteQuery => ({
  collection: 'articles',
  where: and({ topics: { in: [topicId] } }),
  sort: '-publishedAt',
  limit: LIST_PAGE_SIZE,
  page,
  depth: 1,
  ...CARD,
})

/** Page `page` of an author's stories, newest first. */
export const articlesByAuthorQuery = ({
  authorId,
  page,
}: {
  authorId: string
  page: number
}): SiteQuery => ({
  collection: 'articles',
  where: and({ authors: { in: [authorId] } }),
  sort: '-publishedAt',
  limit: LIST_PAGE_SIZE,
  page,
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

/** The publishedAt window `[from, to)` as a filter on the publishedAt index. */
const publishedWindow = ({ from, to }: { from: string; to?: string }): Where[] => [
  { publishedAt: { greater_than_equal: from } },
  ...(to ? [{ publishedAt: { less_than: to } }] : []),
]

/** Page `page` of the stories published in a month (`from`–`to`), for the date archive. */
export const monthArticlesQuery = ({
  from,
  to,
  page,
}: {
  from: string
  to: string
  page: number
}): SiteQuery => ({
  collection: 'articles',
  where: and(...publishedWindow({ from, to })),
  sort: '-publishedAt',
  limit: ARCHIVE_PAGE_SIZE,
  page,
  depth: 1,
  ...CARD,
})

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
  where: and(...publishedWindow({ from, to })),
  sort: '-publishedAt',
  limit,
  page: part,
  depth: 0,
  select: { slug: true, updatedAt: true },
})

/** The Google News sitemap: stories since `since` (two days back), at most 1,000. */
export const newsSitemapQuery = ({ since }: { since: string }): SiteQuery => ({
  collection: 'articles',
  where: and(...publishedWindow({ from: since })),
  sort: '-publishedAt',
  limit: 1000,
  depth: 0,
  select: { title: true, slug: true, publishedAt: true, updatedAt: true, createdAt: true },
})

/** The feed: the newest 50 stories since `since` (a front-page window). */
export const feedQuery = ({ since }: { since: string }): SiteQuery => ({
  collection: 'articles',
  where: and(...publishedWindow({ from: since })),
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
  {
    name: 'related stories',
    query: relatedArticlesQuery({ articleId: EXAMPLE_ID, topicIds: [EXAMPLE_ID], limit: 3 }),
  },
  { name: 'topic page', query: articlesByTopicQuery({ topicId: EXAMPLE_ID, page: 500 }) },
  { name: 'author page', query: articlesByAuthorQuery({ authorId: EXAMPLE_ID, page: 2 }) },
  { name: 'topic by slug', query: topicBySlugQuery({ slug: 'cuba' }) },
  {
    name: 'all topics',
    query: allTopicsQuery(),
    unnarrowed: 'Topics are a few hundred small documents, read once and cached under "topics".',
  },
  { name: 'author by slug', query: authorBySlugQuery({ slug: 'claire-jimenez' }) },
  {
    name: 'date archive month',
    query: monthArticlesQuery({
      from: '2024-07-01T00:00:00.000Z',
      to: '2024-08-01T00:00:00.000Z',
      page: 2,
    }),
  },
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
