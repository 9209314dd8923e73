import { describe, expect, it } from 'vitest'

import { editorialUpdate, excerpt, formatDate, formatShortDate, joinNames } from './format'

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

describe('excerpt', () => {
  it('keeps a text that fits whole', () => {
    expect(excerpt('Short and sweet.', 160)).toBe('Short and sweet.')
    expect(excerpt('  Spaced\n out  ', 160)).toBe('Spaced out')
  })

  it('ends on a full sentence when one keeps at least half the room', () => {
    expect(excerpt('The council voted. It costs €4.2m in total, the most in years.', 34)).toBe(
      'The council voted.',
    )
  })

  it('otherwise ends on a whole word with an ellipsis, never a stub like “son.…”', () => {
    const text =
      'Residents asked why the council chose this season. The answer was about the money, and the timing of the grant.'
    for (let max = 20; max < text.length; max += 1) {
      const cut = excerpt(text, max)
      expect(cut.length).toBeLessThanOrEqual(max)
      expect(cut).not.toMatch(/[.,;:!?]…$/)
      const body = cut.replace(/…$/, '')
      // Every word of the excerpt is a whole word of the text.
      expect(text.startsWith(body)).toBe(true)
      expect([' ', '.', ','].includes(text[body.length] ?? ' ')).toBe(true)
    }
    expect(excerpt(text, 52)).toBe('Residents asked why the council chose this season.')
    expect(excerpt(text, 30)).toBe('Residents asked why the…')
  })

  it('cuts a single overlong word with a mark', () => {
    expect(excerpt('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`)
  })
})
