import { describe, expect, it } from 'vitest'

import { monthElapsed, monthsBefore, nextMonths, storyBeforeRanges } from './candidates'
import { searchMonthOf } from './fields'

describe('monthsBefore', () => {
  it('counts back from a month, newest first, across the turn of a year', () => {
    expect(monthsBefore(202602, 4)).toEqual([202602, 202601, 202512, 202511])
    expect(monthsBefore(202612, 1)).toEqual([202612])
    expect(monthsBefore(202401, 13).at(-1)).toBe(202301)
  })
})

describe('nextMonths', () => {
  it('reads as many months as the matches so far say hold the rest, with a margin', () => {
    // 75 a month, 51 more wanted: one month.
    expect(nextMonths({ found: 150, span: 2, need: 201 })).toBe(1)
    // 20 a month, 161 more wanted: 9.7 months.
    expect(nextMonths({ found: 40, span: 2, need: 201 })).toBe(10)
    // One a month, 199 more wanted: more than a round reads.
    expect(nextMonths({ found: 2, span: 2, need: 201 })).toBe(24)
    // 50 a month, 101 more wanted: 2.4 months.
    expect(nextMonths({ found: 100, span: 2, need: 201 })).toBe(3)
  })

  it('takes the rate from the time read, so a young current month does not halve it', () => {
    // Two days into December plus November: 40 found over 1.07 months, 37 a month.
    expect(nextMonths({ found: 40, span: 1 + 2 / 31, need: 201 })).toBe(6)
  })

  it('reads the most months a round reads when nothing was found yet', () => {
    expect(nextMonths({ found: 0, span: 2, need: 201 })).toBe(24)
  })
})

describe('storyBeforeRanges', () => {
  it('asks about the month before first, then everything earlier, each range closed', () => {
    const [month, earlier] = storyBeforeRanges(new Date('2024-07-01T00:00:00.000Z'))
    expect(month?.publishedAt.$gte.toISOString()).toBe('2024-06-01T00:00:00.000Z')
    expect(month?.publishedAt.$lt.toISOString()).toBe('2024-07-01T00:00:00.000Z')
    expect(earlier?.publishedAt.$lt.toISOString()).toBe('2024-06-01T00:00:00.000Z')
    // With no lower bound the engine's planner reads the collection end to end (3 s at 100,000)
    // when nothing is older.
    expect(earlier?.publishedAt.$gte.getTime()).toBe(-8_640_000_000_000_000)
  })
})

describe('monthElapsed', () => {
  it('says how much of the current month has gone by', () => {
    expect(monthElapsed(new Date('2026-12-01T00:00:00.000Z'))).toBe(0)
    expect(monthElapsed(new Date('2026-12-16T12:00:00.000Z'))).toBe(0.5)
    expect(monthElapsed(new Date('2026-02-15T00:00:00.000Z'))).toBe(0.5)
  })
})

describe('searchMonthOf', () => {
  it('keys a published story by its month and leaves a draft without one', () => {
    expect(searchMonthOf({ publishedAt: '2024-07-31T23:59:59.000Z', status: 'published' })).toBe(
      202407,
    )
    expect(searchMonthOf({ publishedAt: '2024-07-04T12:00:00.000Z', status: 'draft' })).toBeNull()
    expect(searchMonthOf({ publishedAt: null, status: 'published' })).toBeNull()
  })
})
