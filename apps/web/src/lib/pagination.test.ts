import { describe, expect, it } from 'vitest'

import { pageHref, pageLinks, parsePage } from './pagination'

const labels = (page: number, totalPages: number) =>
  pageLinks({ page, totalPages }).map((link) => (link.kind === 'page' ? link.page : '…'))

describe('parsePage', () => {
  it('reads one spelling of each page number and refuses everything else', () => {
    expect(parsePage('1')).toBe(1)
    expect(parsePage('500')).toBe(500)
    for (const text of ['0', '-1', '01', '1.5', 'abc', '', undefined, '100001'])
      expect(parsePage(text)).toBeNull()
  })
})

describe('pageLinks', () => {
  it('shows the ends and two either side of the current page, with gaps', () => {
    expect(labels(6, 40)).toEqual([1, '…', 4, 5, 6, 7, 8, '…', 40])
    expect(labels(1, 40)).toEqual([1, 2, 3, '…', 40])
    expect(labels(40, 40)).toEqual([1, '…', 38, 39, 40])
    expect(labels(2, 3)).toEqual([1, 2, 3])
    expect(labels(1, 1)).toEqual([1])
  })

  it('leaves no gap of one page', () => {
    expect(labels(4, 10)).toEqual([1, 2, 3, 4, 5, 6, '…', 10])
  })
})

describe('pageHref', () => {
  it('gives the first page the list’s own address', () => {
    expect(pageHref({ base: '/topics/cuba', page: 1 })).toBe('/topics/cuba')
    expect(pageHref({ base: '/topics/cuba', page: 2 })).toBe('/topics/cuba?page=2')
  })
})
