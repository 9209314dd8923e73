import { describe, expect, it } from 'vitest'

import { queryProblems } from './queryParams'

const paths = (query: string, isSortable?: (path: string) => boolean) =>
  queryProblems({ params: new URLSearchParams(query), isSortable }).map((p) => p.path)

describe('queryProblems', () => {
  it('accepts the parameters the admin and the site send', () => {
    expect(
      paths(
        'depth=0&limit=10&page=2&sort=-publishedAt,title&draft=true&where[slug][equals]=a&where[or][0][title][like]=b',
      ),
    ).toEqual([])
  })

  it('names each malformed paging parameter', () => {
    expect(paths('limit=abc&page=0&depth=-1')).toEqual(['limit', 'page', 'depth'])
    expect(paths('limit=1.5')).toEqual(['limit'])
    expect(paths('page=99999999999')).toEqual(['page'])
    expect(paths('draft=maybe&pagination=no')).toEqual(['draft', 'pagination'])
  })

  it('refuses repeated or bracketed scalar parameters', () => {
    expect(paths('limit=1&limit=2')).toEqual(['limit'])
    expect(paths('depth[a]=1')).toEqual(['depth'])
  })

  it('refuses $ operators anywhere in the query, naming the parameter', () => {
    expect(paths('where[title][$gt]=&sort[$natural]=1&$where=1')).toEqual([
      'where[title][$gt]',
      'sort[$natural]',
      '$where',
    ])
    expect(paths('where=title')).toEqual(['where'])
  })

  it('checks sort against the fields there are', () => {
    const isSortable = (path: string) =>
      ['title', 'publishedAt', 'authors'].includes(path.split('.')[0] ?? '')
    expect(paths('sort=-publishedAt,authors.name', isSortable)).toEqual([])
    expect(paths('sort=nofield', isSortable)).toEqual(['sort'])
    expect(paths('sort=title;drop', isSortable)).toEqual(['sort'])
  })
})
