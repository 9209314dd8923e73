import { describe, expect, it } from 'vitest'

import { formatDate, formatShortDate, joinNames } from './format'

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
