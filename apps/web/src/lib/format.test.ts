import { describe, expect, it } from 'vitest'

import { editorialUpdate, formatDate, formatShortDate, joinNames } from './format'

describe('format', () => {
  it('writes the dateline day the story ran', () => {
    expect(formatDate('2024-07-16T12:00:00.000Z')).toBe('Tuesday, July 16, 2024')
    expect(formatShortDate('2024-07-16T12:00:00.000Z')).toBe('July 16, 2024')
  })

  it('joins bylines', () => {
    expect(joinNames([])).toBe('')
    expect(joinNames(['Claire Jimenez'])).toBe('Claire Jimenez')
    expect(joinNames(['A', 'B'])).toBe('A and B')
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C')
  })
})

describe('editorialUpdate', () => {
  const publishedAt = '2024-07-16T12:00:00.000Z'
  it('ignores an import that created the story already published', () => {
    expect(
      editorialUpdate({
        publishedAt,
        createdAt: '2026-11-28T14:30:05.000Z',
        updatedAt: '2026-11-28T14:30:05.100Z',
      }),
    ).toBeNull()
  })
  it('ignores the publish itself', () => {
    expect(
      editorialUpdate({
        publishedAt: '2026-01-02T10:00:00.000Z',
        createdAt: '2026-01-01T09:00:00.000Z',
        updatedAt: '2026-01-02T10:00:00.500Z',
      }),
    ).toBeNull()
  })
  it('reports an edit made after the story went live', () => {
    expect(
      editorialUpdate({
        publishedAt: '2026-01-02T10:00:00.000Z',
        createdAt: '2026-01-01T09:00:00.000Z',
        updatedAt: '2026-01-02T15:00:00.000Z',
      }),
    ).toBe('2026-01-02T15:00:00.000Z')
  })
})
