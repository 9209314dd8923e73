import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { whereProblems } from './whereShape'

const fields = [
  { name: 'title', type: 'text' },
  { name: 'authors', type: 'relationship', relationTo: 'authors', hasMany: true },
  {
    name: 'hero',
    type: 'group',
    fields: [],
    flattenedFields: [{ name: 'image', type: 'upload', relationTo: 'media' }],
  },
  { name: 'where', type: 'point' },
] as unknown as FlattenedField[]

const isValidId = ({ value }: { relationTo: string; value: string }) => /^[0-9a-f]{24}$/.test(value)
const ID = '5f0000000000000000000000'

const paths = (where: unknown, allowEmpty = true) =>
  whereProblems({ where, fields, collection: 'articles', isValidId, allowEmpty }).map((p) => p.path)

describe('whereProblems', () => {
  it('accepts the conditions the admin and the site send', () => {
    expect(
      paths({
        title: { like: 'x' },
        authors: { in: [ID, ID] },
        'hero.image': { equals: ID },
        id: { not_in: `${ID},${ID}` },
        or: [{ 'authors.name': { equals: 'Ann' } }, { title: { exists: 'true' } }],
        unknownField: { equals: 'left to Payload' },
      }),
    ).toEqual([])
  })

  it('refuses ids that are not ids, which the adapter would drop (matching everything)', () => {
    expect(
      paths({
        authors: { equals: 'zzz' },
        id: { in: ['zzz', ID] },
        and: [{ 'hero.image': { not_equals: 'nope' } }],
      }),
    ).toEqual([
      'where[authors][equals]',
      'where[id][in][0]',
      'where[and][0][hero.image][not_equals]',
    ])
  })

  it('refuses an empty id condition on bulk writes only', () => {
    expect(paths({ authors: { equals: '' }, id: { equals: undefined } })).toEqual([])
    expect(paths({ authors: { equals: '' } }, false)).toEqual(['where[authors][equals]'])
  })

  it('refuses geo operators off point fields, objects as values and bad exists', () => {
    expect(
      paths({
        title: { near: '1,2', equals: { a: 1 } },
        authors: { exists: 'maybe' },
        where: { near: '1,2' },
      }),
    ).toEqual(['where[title][near]', 'where[title][equals]', 'where[authors][exists]'])
    expect(paths({ or: 'x' })).toEqual(['where[or]'])
  })
})
