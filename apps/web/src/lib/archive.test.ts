import { describe, expect, it } from 'vitest'

import { archivePath, monthName, monthWindow, parseArchiveMonth } from './archive'

describe('parseArchiveMonth', () => {
  it('reads a four-digit year and a two-digit month', () => {
    expect(parseArchiveMonth({ year: '2024', month: '07' })).toEqual({ year: 2024, month: 7 })
    expect(parseArchiveMonth({ year: '1999', month: '12' })).toEqual({ year: 1999, month: 12 })
  })

  it('refuses anything else, so each month has one URL', () => {
    for (const [year, month] of [
      ['2024', '7'],
      ['2024', '00'],
      ['2024', '13'],
      ['24', '07'],
      ['2024x', '07'],
    ] as const)
      expect(parseArchiveMonth({ year, month }), `${year}/${month}`).toBeNull()
  })
})

describe('monthWindow', () => {
  it('spans the month in UTC, the next month’s first instant excluded', () => {
    expect(monthWindow({ year: 2024, month: 7 })).toEqual({
      from: '2024-07-01T00:00:00.000Z',
      to: '2024-08-01T00:00:00.000Z',
    })
    expect(monthWindow({ year: 2024, month: 12 }).to).toBe('2025-01-01T00:00:00.000Z')
  })
})

describe('archivePath', () => {
  it('pads the month and adds a page segment after the first page', () => {
    expect(archivePath({ year: 2024, month: 7 })).toBe('/archive/2024/07')
    expect(archivePath({ year: 2024, month: 7, page: 3 })).toBe('/archive/2024/07/page/3')
    expect(monthName(7)).toBe('July')
  })
})
