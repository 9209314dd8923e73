import { describe, expect, it } from 'vitest'

import { rankCandidates } from './relevance'

const at = (
  id: string,
  publishedAt: string,
  parts: Partial<Record<'title' | 'dek' | 'extra', string>> = {},
) => ({
  id,
  publishedAt,
  title: '',
  dek: '',
  extra: '',
  ...parts,
})

describe('rankCandidates', () => {
  it('puts a headline match above a dek match above a byline match above a body match', () => {
    const ranked = rankCandidates({
      terms: ['hurricane'],
      candidates: [
        at('body', '2024-12-01'),
        at('extra', '2024-11-01', { extra: 'why did the hurricane turn' }),
        at('dek', '2024-10-01', { dek: 'after the hurricane' }),
        at('title', '2024-01-01', { title: 'hurricane oscar makes landfall' }),
      ],
    })
    expect(ranked.map((c) => c.id)).toEqual(['title', 'dek', 'extra', 'body'])
  })

  it('counts each query word, compares stems, and breaks ties by recency then id', () => {
    const ranked = rankCandidates({
      terms: ['defects', 'cuba'],
      candidates: [
        at('one', '2024-07-16', { title: 'diplomat defection' }),
        at('both', '2020-01-01', { title: 'cuba diplomat defects' }),
        at('older', '2023-01-01', { title: 'a defection' }),
        at('same-b', '2022-01-01'),
        at('same-a', '2022-01-01'),
      ],
    })
    expect(ranked.map((c) => c.id)).toEqual(['both', 'one', 'older', 'same-b', 'same-a'])
  })
})
