import { describe, expect, it } from 'vitest'

import { canCreateTopicByName, orderedTopicIds, topicReferences } from './topics'

const ID_A = '6650f0c2a1b2c3d4e5f60718'
const ID_B = '6650f0c2a1b2c3d4e5f60719'

describe('topicReferences', () => {
  it('keeps ids and populated topics as ids, and turns names into slugs once each', () => {
    expect(
      topicReferences({
        values: [ID_A, { id: ID_B }, 'North Korea', 'north  korea', 'Défense & Security'],
      }),
    ).toEqual({
      ids: [ID_A, ID_B],
      names: [
        { name: 'North Korea', slug: 'north-korea' },
        { name: 'Défense & Security', slug: 'defense-security' },
      ],
    })
  })

  it('drops blanks, nulls and names without a slug', () => {
    expect(topicReferences({ values: ['  ', null, undefined, '!!!'] })).toEqual({
      ids: [],
      names: [],
    })
    expect(topicReferences({ values: null })).toEqual({ ids: [], names: [] })
  })

  it('treats a 24-character word that is not hexadecimal as a name', () => {
    expect(topicReferences({ values: ['Northern-Ireland-Assembly'] }).names).toHaveLength(1)
  })
})

describe('orderedTopicIds', () => {
  it('keeps the order the client gave, each topic once', () => {
    const idsBySlug = new Map([['cuba', ID_B]])
    expect(orderedTopicIds({ values: ['Cuba', ID_A, 'cuba', ID_B], idsBySlug })).toEqual([
      ID_B,
      ID_A,
    ])
  })

  it('leaves out names that found no topic', () => {
    expect(orderedTopicIds({ values: ['Nowhere', ID_A], idsBySlug: new Map() })).toEqual([ID_A])
  })
})

describe('canCreateTopicByName', () => {
  it('lets editors, admins and the system add a topic by name, not writers', () => {
    expect(canCreateTopicByName({ user: { roles: ['editor'] } })).toBe(true)
    expect(canCreateTopicByName({ user: { roles: ['admin'] } })).toBe(true)
    expect(canCreateTopicByName({ user: null })).toBe(true)
    expect(canCreateTopicByName({ user: { roles: ['writer'] } })).toBe(false)
  })
})
