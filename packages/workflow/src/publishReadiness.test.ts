import { describe, expect, it } from 'vitest'

import { publishProblems } from './publishReadiness.ts'

describe('publishProblems', () => {
  it('lets a complete article go live', () => {
    expect(
      publishProblems({
        doc: { collection: 'articles', title: 'Headline', slug: 'headline', authors: ['a1'] },
      }),
    ).toEqual([])
  })

  it('requires at least one author on an article', () => {
    for (const authors of [[], null, undefined]) {
      expect(
        publishProblems({ doc: { collection: 'articles', title: 'H', slug: 'h', authors } }),
      ).toEqual([
        {
          field: 'authors',
          message: 'An article needs at least one author before it is published.',
        },
      ])
    }
  })

  it('requires a headline and a slug', () => {
    const fields = publishProblems({
      doc: { collection: 'articles', title: '  ', slug: '', authors: ['a'] },
    }).map((p) => p.field)
    expect(fields).toEqual(['title', 'slug'])
  })

  it('does not ask FAQs or authors for authors', () => {
    expect(publishProblems({ doc: { collection: 'faqs', slug: 'q' } })).toEqual([])
    expect(publishProblems({ doc: { collection: 'authors', slug: 'claire-jimenez' } })).toEqual([])
  })
})
