import type { Where } from 'payload'
import { describe, expect, it } from 'vitest'

import { isNarrowingField } from '@copydesk/types/indexes'

import type { SiteQuery } from './queries'
import {
  SITE_QUERIES,
  articleBySlugQuery,
  articlesByAuthorQuery,
  articlesByTopicQuery,
  latestArticlesQuery,
  monthArticlesQuery,
  nextWindowDays,
  relatedArticlesQuery,
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
    expect(narrowingFields(articlesByTopicQuery({ topicId: 'x', page: 500 }))).toEqual(['topics'])
  })
})

describe('list pages', () => {
  const lists = {
    'front page': latestArticlesQuery({ page: 1, since: '2026-01-01T00:00:00.000Z' }),
    related: relatedArticlesQuery({ articleId: 'a', topicIds: ['t'], limit: 3 }),
    topic: articlesByTopicQuery({ topicId: 't', page: 2 }),
    author: articlesByAuthorQuery({ authorId: 'a', page: 2 }),
    month: monthArticlesQuery({ from: '2024-07-01', to: '2024-08-01', page: 1 }),
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
