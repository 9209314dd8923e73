import { describe, expect, it } from 'vitest'

import { comparable, withoutNodeIds } from './comparable'

describe('withoutNodeIds', () => {
  it('drops the ids of rich-text nodes at any depth, and nothing else', () => {
    const tree = {
      root: {
        type: 'root',
        version: 1,
        children: [
          {
            type: 'paragraph',
            version: 1,
            children: [
              {
                type: 'link',
                version: 3,
                id: '65f0c0ffee',
                fields: { url: 'https://a.example', id: 'kept' },
              },
            ],
          },
        ],
      },
    }
    expect(withoutNodeIds(tree)).toEqual({
      root: {
        type: 'root',
        version: 1,
        children: [
          {
            type: 'paragraph',
            version: 1,
            children: [
              { type: 'link', version: 3, fields: { url: 'https://a.example', id: 'kept' } },
            ],
          },
        ],
      },
    })
  })

  it('makes two conversions that differ only in generated ids equal', () => {
    const link = (id: string) => ({ type: 'link', version: 3, id, children: [] })
    expect(withoutNodeIds({ root: { children: [link('a1')] } })).toEqual(
      withoutNodeIds({ root: { children: [link('b2')] } }),
    )
  })

  it('leaves plain values alone', () => {
    expect(withoutNodeIds(null)).toBeNull()
    expect(withoutNodeIds('text')).toBe('text')
    expect(withoutNodeIds([{ id: 'row' }])).toEqual([{ id: 'row' }])
  })
})

describe('comparable', () => {
  it('treats a field the admin never filled and one the import sent empty alike', () => {
    expect(comparable({ title: 'T', dek: undefined, source: {} })).toEqual(
      comparable({ title: 'T', dek: null, source: { name: null, url: null }, topics: [] }),
    )
  })

  it('still tells different values apart', () => {
    expect(comparable({ topics: ['Cuba'] })).not.toEqual(comparable({ topics: [] }))
    expect(comparable({ dek: 'a' })).not.toEqual(comparable({ dek: 'b' }))
  })
})
