import type { Where } from 'payload'
import { describe, expect, it } from 'vitest'

import { isNarrowingField } from '@copydesk/types/indexes'

import type { SiteQuery } from './queries'
import {
  SITE_QUERIES,
  articleBySlugQuery,
  authorFilter,
  COUNT_AHEAD,
  firstCountedWindows,
  latestArticlesQuery,
  listCountQuery,
  listWindowQuery,
  locatePage,
  monthWindows,
  nextWindowDays,
  relatedArticlesQuery,
  topicFilter,
  spannedMonths,
  windowRead,
  yearMonths,
  yearWindows,
} from './queries'

/** Operators that select a bounded part of an index: equality, a set, a range. */
const NARROWING_OPERATORS = new Set([
  'equals',
  'in',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

/**
 * The fields a `where` is certain to filter on: every clause of an `and`, and a field only when
 * each branch of an `or` filters on it.
 */
const requiredFilters = (where: Where | undefined): Set<string> => {
  const fields = new Set<string>()
  if (!where) return fields
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' && Array.isArray(value)) {
      for (const clause of value as Where[]) for (const f of requiredFilters(clause)) fields.add(f)
    } else if (key === 'or' && Array.isArray(value)) {
      const branches = (value as Where[]).map(requiredFilters)
      for (const f of branches[0] ?? []) if (branches.every((b) => b.has(f))) fields.add(f)
    } else if (value && typeof value === 'object') {
      if (Object.keys(value).some((op) => NARROWING_OPERATORS.has(op))) fields.add(key)
    }
  }
  return fields
}

const narrowingFields = (query: SiteQuery): string[] =>
  [...requiredFilters(query.where)].filter((field) =>
    isNarrowingField({ collection: query.collection, field }),
  )

describe('every query the reader site runs', () => {
  it.each(SITE_QUERIES.map((example) => [example.name, example] as const))(
    '%s filters on the leading field of a declared index',
    (_name, { query, unnarrowed }) => {
      if (unnarrowed) {
        // Only small collections may be listed whole, and only with a reason.
        expect(query.collection).not.toBe('articles')
        expect(unnarrowed.length).toBeGreaterThan(20)
        return
      }
      expect(narrowingFields(query)).not.toEqual([])
    },
  )

  it.each(SITE_QUERIES.map((example) => [example.name, example] as const))(
    '%s leaves "published only" to the CMS\'s read access',
    (_name, { query }) => {
      // The anonymous client's access already adds it; a repeat makes the engine scan.
      expect([...requiredFilters(query.where)]).not.toContain('_status')
    },
  )

  it('recognises an unnarrowed query, and a narrowing hidden in one branch of an or', () => {
    const everything: SiteQuery = {
      collection: 'articles',
      where: { and: [{ _status: { equals: 'published' } }] },
      sort: '-publishedAt',
    }
    expect(narrowingFields(everything)).toEqual([])
    const oneBranch: SiteQuery = {
      collection: 'articles',
      where: { or: [{ slug: { equals: 'a' } }, { title: { like: 'b' } }] },
    }
    expect(narrowingFields(oneBranch)).toEqual([])
    expect(narrowingFields({ collection: 'articles', where: { title: { like: 'x' } } })).toEqual([])
  })

  it('narrows the front page by its window and a topic page by its topic', () => {
    expect(
      narrowingFields(latestArticlesQuery({ page: 1, since: '2026-01-01T00:00:00.000Z' })),
    ).toEqual(['publishedAt'])
    expect(narrowingFields(listCountQuery({ filter: topicFilter('x') }))).toEqual(['topics'])
    expect(
      narrowingFields(
        listWindowQuery({ filter: topicFilter('x'), window: { to: 'y' }, limit: 20 }),
      ),
    ).toEqual(['topics', 'publishedAt'])
  })
})

describe('list pages', () => {
  const lists = {
    'front page': latestArticlesQuery({ page: 1, since: '2026-01-01T00:00:00.000Z' }),
    related: relatedArticlesQuery({ articleId: 'a', topicIds: ['t'], limit: 3 }),
    topic: listWindowQuery({ filter: topicFilter('t'), window: { from: '2026' }, limit: 40 }),
    author: listWindowQuery({ filter: authorFilter('a'), window: { from: '2026' }, limit: 40 }),
    month: listWindowQuery({ window: { from: '2024-07-01', to: '2024-07-08' }, limit: 20 }),
  }

  it.each(Object.entries(lists))('%s asks for the fields of a card, not the story', (_n, query) => {
    expect(Object.keys(query.select ?? {})).toEqual(
      expect.arrayContaining(['title', 'slug', 'dek', 'publishedAt', 'authors', 'topics']),
    )
    expect(query.select).not.toHaveProperty('body')
    expect(query.select).not.toHaveProperty('faqs')
    expect(query.populate).toEqual({
      authors: { name: true, slug: true },
      topics: { name: true, slug: true },
    })
  })

  it('leaves the story page its whole story', () => {
    expect(articleBySlugQuery({ slug: 'a' }).select).toBeUndefined()
  })
})

describe('windows of a list', () => {
  it('counts a list by year, this year open to the future and the oldest open to the past', () => {
    const windows = yearWindows({ now: new Date('2026-12-01T10:00:00Z'), years: 3 })
    expect(windows).toEqual([
      { from: '2026-01-01T00:00:00.000Z' },
      { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
      { from: '2024-01-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' },
      { to: '2024-01-01T00:00:00.000Z' },
    ])
  })

  it('cuts a month into four windows that meet, newest first', () => {
    const windows = monthWindows({
      from: '2024-02-01T00:00:00.000Z',
      to: '2024-03-01T00:00:00.000Z',
    })
    expect(windows.map((w) => [w.from?.slice(0, 10), w.to?.slice(0, 10)])).toEqual([
      ['2024-02-22', '2024-03-01'],
      ['2024-02-15', '2024-02-22'],
      ['2024-02-08', '2024-02-15'],
      ['2024-02-01', '2024-02-08'],
    ])
  })
})

describe('firstCountedWindows', () => {
  const windows = yearWindows({ now: new Date('2026-12-01T10:00:00Z') })

  it('counts only the newest window for page 1', () => {
    expect(firstCountedWindows({ windows, page: 1 })).toEqual([windows[0]])
  })

  it('counts ten years in the first request for a later page, within what one request asks', () => {
    const first = firstCountedWindows({ windows, page: 40 })
    expect(first).toEqual(windows.slice(0, COUNT_AHEAD))
    // This year and the ten before it: a ten-year archive's last page is located at once.
    expect(first.at(-1)).toEqual({
      from: '2015-01-01T00:00:00.000Z',
      to: '2016-01-01T00:00:00.000Z',
    })
    // With the list itself, within the counts endpoint's 24 windows.
    expect(first.length + 1).toBeLessThanOrEqual(24)
  })
})

describe('locatePage', () => {
  const windows = [{ from: 'c' }, { from: 'b', to: 'c' }, { from: 'a', to: 'b' }, { to: 'a' }]

  it('reads page 1 from this year alone when it holds the page', () => {
    expect(
      locatePage({ windows, counts: [25], offset: 0, size: 20, isComplete: false }),
    ).toMatchObject({
      window: { from: 'c', to: undefined },
      skip: 0,
    })
  })

  it('asks for more counts until the page ends inside the counted windows', () => {
    expect(locatePage({ windows, counts: [12], offset: 0, size: 20, isComplete: false })).toBeNull()
    expect(
      locatePage({ windows, counts: [12, 30], offset: 10, size: 10, isComplete: false }),
    ).toMatchObject({
      window: { from: 'b', to: undefined },
      skip: 10,
    })
  })

  it('skips the windows before the page: a deep page reads one year, not the ones before it', () => {
    // 30 a year: page 4 at 20 a page is stories 60–79, all in the third year.
    expect(
      locatePage({ windows, counts: [30, 30, 30, 30], offset: 60, size: 20, isComplete: true }),
    ).toMatchObject({ window: { from: 'a', to: 'b' }, skip: 0 })
    // Page 3 is stories 40–59: the second year's last 20.
    expect(
      locatePage({ windows, counts: [30, 30, 30], offset: 40, size: 20, isComplete: false }),
    ).toMatchObject({ window: { from: 'b', to: 'c' }, skip: 10 })
  })

  it('passes over empty years', () => {
    expect(
      locatePage({ windows, counts: [0, 0, 5, 40], offset: 20, size: 20, isComplete: true }),
    ).toMatchObject({ window: { from: undefined, to: 'a' }, skip: 15 })
  })

  it('says how many stories the window it picked holds, and which windows it joins', () => {
    expect(
      locatePage({ windows, counts: [300, 30], offset: 40, size: 20, isComplete: false }),
    ).toEqual({
      window: { from: 'c', to: undefined },
      skip: 40,
      held: 300,
      spanned: [{ from: 'c' }],
    })
    expect(
      locatePage({ windows, counts: [12, 30], offset: 10, size: 10, isComplete: false }),
    ).toMatchObject({ held: 42, spanned: [{ from: 'c' }, { from: 'b', to: 'c' }] })
  })

  it('locates the short last page once the counts add up to the list, not after every window', () => {
    // 58 stories: the last page (40–57) ends in the second window; the older windows are empty.
    expect(
      locatePage({ windows, counts: [30, 28], offset: 40, size: 20, isComplete: false }),
    ).toBeNull()
    expect(
      locatePage({ windows, counts: [30, 28], offset: 40, size: 20, isComplete: false, total: 58 }),
    ).toMatchObject({ window: { from: 'b', to: 'c' }, skip: 10, held: 28 })
  })

  it('reads what the windows hold once all are counted, even short of a page', () => {
    expect(
      locatePage({ windows, counts: [3, 0, 0, 4], offset: 0, size: 20, isComplete: true }),
    ).toMatchObject({ window: { from: undefined, to: undefined }, skip: 0 })
  })
})

describe('yearMonths', () => {
  it('splits a calendar year into its months, newest first, the last open when the year is', () => {
    const closed = yearMonths({ from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' })
    expect(closed).toHaveLength(12)
    expect(closed?.[0]).toEqual({
      from: '2025-12-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    })
    expect(closed?.[11]).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
    })
    expect(yearMonths({ from: '2026-01-01T00:00:00.000Z' })?.[0]).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: undefined,
    })
  })

  it('leaves alone a window that is not one calendar year', () => {
    expect(yearMonths({ to: '2020-01-01T00:00:00.000Z' })).toBeNull()
    expect(
      yearMonths({ from: '2024-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' }),
    ).toBeNull()
    expect(
      yearMonths({ from: '2024-07-01T00:00:00.000Z', to: '2024-08-01T00:00:00.000Z' }),
    ).toBeNull()
  })
})

describe('windowRead', () => {
  it('reads a page near the newest end of a window from that end', () => {
    expect(windowRead({ skip: 0, size: 20, held: 200 })).toEqual({
      isOldestFirst: false,
      limit: 20,
      drop: 0,
    })
    expect(windowRead({ skip: 80, size: 20, held: 200 })).toMatchObject({ isOldestFirst: false })
  })

  it('reads a page nearer the oldest end from there, so the last page reads a page', () => {
    // Stories 180–199 of 200 are the 20 oldest.
    expect(windowRead({ skip: 180, size: 20, held: 200 })).toEqual({
      isOldestFirst: true,
      limit: 20,
      drop: 0,
    })
    // A short last page: the 10 oldest.
    expect(windowRead({ skip: 190, size: 20, held: 200 })).toEqual({
      isOldestFirst: true,
      limit: 10,
      drop: 0,
    })
    // Stories 150–169: the 50 oldest, less the 30 oldest of them.
    expect(windowRead({ skip: 150, size: 20, held: 200 })).toEqual({
      isOldestFirst: true,
      limit: 50,
      drop: 30,
    })
  })

  it('picks the same stories from either end', () => {
    const newestFirst = Array.from({ length: 57 }, (_, i) => i)
    for (let skip = 0; skip < 57; skip += 1) {
      const { isOldestFirst, limit, drop } = windowRead({ skip, size: 20, held: 57 })
      const read = isOldestFirst
        ? [...newestFirst].reverse().slice(0, limit)
        : newestFirst.slice(0, limit)
      const page = read.slice(drop, drop + 20)
      expect(isOldestFirst ? page.reverse() : page).toEqual(newestFirst.slice(skip, skip + 20))
    }
  })
})

describe('spannedMonths', () => {
  it('splits every year a page spans into its months, newest first', () => {
    const months = spannedMonths([
      { from: '2018-01-01T00:00:00.000Z', to: '2019-01-01T00:00:00.000Z' },
      { from: '2017-01-01T00:00:00.000Z', to: '2018-01-01T00:00:00.000Z' },
    ])
    expect(months).toHaveLength(24)
    expect(months?.[0]?.from).toBe('2018-12-01T00:00:00.000Z')
    expect(months?.[11]?.from).toBe('2018-01-01T00:00:00.000Z')
    expect(months?.[12]?.to).toBe('2018-01-01T00:00:00.000Z')
    expect(months?.[23]?.from).toBe('2017-01-01T00:00:00.000Z')
  })

  it('gives up when a spanned window is not a calendar year', () => {
    expect(
      spannedMonths([
        { from: '1997-01-01T00:00:00.000Z', to: '1998-01-01T00:00:00.000Z' },
        { to: '1997-01-01T00:00:00.000Z' },
      ]),
    ).toBeNull()
  })
})

describe('nextWindowDays', () => {
  it('stops at the window that holds the page and one story more', () => {
    expect(nextWindowDays({ days: 7, found: 11, wanted: 11 })).toBeNull()
    expect(nextWindowDays({ days: 3660, found: 3, wanted: 11 })).toBeNull()
  })

  it('jumps by the rate the window shows, to the longest one when it was empty', () => {
    expect(nextWindowDays({ days: 7, found: 0, wanted: 11 })).toBe(3660)
    expect(nextWindowDays({ days: 7, found: 70, wanted: 201 })).toBe(31)
    expect(nextWindowDays({ days: 7, found: 7, wanted: 101 })).toBe(366)
    expect(nextWindowDays({ days: 31, found: 30, wanted: 2001 })).toBe(3660)
  })
})
