import { describe, expect, it } from 'vitest'

import {
  articleFactory,
  AUTHOR_COUNT,
  MISSING_WORD,
  REGEX_WORD,
  seededRandom,
  YEARS,
} from './articles.ts'

const COUNT = 2_000
const end = new Date('2026-12-01T00:00:00Z')

function build(seed = 7) {
  let next = 0
  const ids = {
    authors: Array.from({ length: AUTHOR_COUNT }, (_, i) => `author-${i}`),
    users: ['user-0', 'user-1'],
    next: () => `article-${next++}`,
  }
  const make = articleFactory({ seed, count: COUNT, end, ids })
  return Array.from({ length: COUNT }, (_, i) => make(i))
}

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const a = seededRandom(42)
    const b = seededRandom(42)
    const values = Array.from({ length: 1000 }, () => a())
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true)
  })
})

describe('articleFactory', () => {
  const docs = build()

  it('is deterministic for a seed', () => {
    expect(build().map((doc) => doc.slug)).toEqual(docs.map((doc) => doc.slug))
    expect(build(8)[0]?.title).not.toBe(docs[0]?.title)
  })

  it('gives every article a unique slug and id', () => {
    expect(new Set(docs.map((doc) => doc.slug)).size).toBe(COUNT)
    expect(new Set(docs.map((doc) => doc._id)).size).toBe(COUNT)
  })

  it('publishes about 9 in 10, and only published articles have a publishedAt', () => {
    const published = docs.filter((doc) => doc._status === 'published')
    expect(published.length / COUNT).toBeGreaterThan(0.86)
    expect(published.length / COUNT).toBeLessThan(0.94)
    expect(published.every((doc) => doc.publishedAt instanceof Date)).toBe(true)
    expect(docs.filter((doc) => doc._status === 'draft').every((doc) => !doc.publishedAt)).toBe(
      true,
    )
    expect(published.every((doc) => doc.workflowState === 'published')).toBe(true)
  })

  it('spreads publication over the years up to the end date, oldest first', () => {
    const times = docs.flatMap((doc) => (doc.publishedAt ? [doc.publishedAt.getTime()] : []))
    const first = times[0] ?? 0
    const last = times.at(-1) ?? 0
    expect(last).toBeLessThanOrEqual(end.getTime())
    expect((last - first) / (365 * 86_400_000)).toBeGreaterThan(YEARS - 0.1)
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] ?? 0))).toBe(true)
  })

  it('gives 1-3 topics and 1-2 authors, and a Lexical body of paragraphs', () => {
    for (const doc of docs) {
      expect(doc.topics.length).toBeGreaterThanOrEqual(1)
      expect(doc.topics.length).toBeLessThanOrEqual(3)
      expect(doc.authors.length).toBeGreaterThanOrEqual(1)
      expect(doc.authors.length).toBeLessThanOrEqual(2)
      expect(doc.body.root.children.length).toBeGreaterThanOrEqual(3)
      expect(doc.body.root.children.every((p) => p.type === 'paragraph')).toBe(true)
    }
  })

  it('puts the searched word in some titles and the missing word in none', () => {
    const withWord = docs.filter((doc) => doc.title.includes(REGEX_WORD)).length
    expect(withWord).toBeGreaterThan(20)
    expect(docs.some((doc) => doc.title.toLowerCase().includes(MISSING_WORD.toLowerCase()))).toBe(
      false,
    )
  })
})
