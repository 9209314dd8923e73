import { describe, expect, it } from 'vitest'

import type { ChecklistCandidate } from './publishReadiness.ts'
import {
  checklistFor,
  checklistProblems,
  hasText,
  needsChecklist,
  publishProblems,
  SEO_DESCRIPTION_MAX,
  SEO_TITLE_MAX,
} from './publishReadiness.ts'

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

const complete: ChecklistCandidate = {
  title: 'Council approves the riverside cycle path',
  dek: 'A two-year plan for the east bank.',
  authors: ['a1'],
  topics: ['Transport'],
  hero: { hasImage: true, alt: 'The east bank at dawn' },
  meta: { title: '', description: '' },
  faqs: [{ question: 'When does it open?', hasAnswer: true }],
}
const red = (doc: ChecklistCandidate) => checklistProblems({ doc }).map((item) => item.id)

describe('checklistFor', () => {
  it('is all green for a complete article', () => {
    const items = checklistFor({ doc: complete })
    expect(items.map((item) => item.id)).toEqual([
      'byline',
      'dek',
      'heroAlt',
      'seoTitle',
      'seoDescription',
      'topics',
      'faqAnswers',
    ])
    expect(items.every((item) => item.isOk)).toBe(true)
  })

  it('asks for a byline, a dek and a topic, naming the field to fix', () => {
    const problems = checklistProblems({
      doc: { ...complete, authors: [], dek: '  ', topics: ['', null] },
    })
    expect(problems.map((p) => [p.id, p.field])).toEqual([
      ['byline', 'authors'],
      ['dek', 'dek'],
      ['topics', 'topics'],
    ])
    expect(problems.map((p) => p.message)).toEqual([
      'An article needs at least one author before it is published.',
      'Write a dek: one or two sentences under the headline.',
      'Add at least one topic.',
    ])
  })

  it('asks for hero alt text only when there is a hero image', () => {
    expect(red({ ...complete, hero: { hasImage: true, alt: ' ' } })).toEqual(['heroAlt'])
    expect(red({ ...complete, hero: { hasImage: false } })).toEqual([])
    expect(red({ ...complete, hero: null })).toEqual([])
    expect(checklistFor({ doc: { ...complete, hero: null } }).map((i) => i.id)).not.toContain(
      'heroAlt',
    )
  })

  it('checks the SEO title and description, falling back to the headline and dek', () => {
    expect(red({ ...complete, meta: { title: 'x'.repeat(SEO_TITLE_MAX) } })).toEqual([])
    expect(red({ ...complete, meta: { title: 'x'.repeat(SEO_TITLE_MAX + 1) } })).toEqual([
      'seoTitle',
    ])
    expect(red({ ...complete, title: 'x'.repeat(SEO_TITLE_MAX + 1), meta: null })).toEqual([
      'seoTitle',
    ])
    // A short SEO title covers a long headline.
    expect(red({ ...complete, title: 'x'.repeat(90), meta: { title: 'Short' } })).toEqual([])
    expect(
      red({ ...complete, meta: { description: 'd'.repeat(SEO_DESCRIPTION_MAX + 1) } }),
    ).toEqual(['seoDescription'])
    expect(red({ ...complete, dek: 'd'.repeat(SEO_DESCRIPTION_MAX + 1), meta: null })).toEqual([
      'seoDescription',
    ])
  })

  it('names every Key Question without an answer', () => {
    const problems = checklistProblems({
      doc: {
        ...complete,
        faqs: [
          { question: 'Who pays?', hasAnswer: false },
          { question: 'When?', hasAnswer: true },
          { question: '', hasAnswer: false },
        ],
      },
    })
    expect(problems).toEqual([
      expect.objectContaining({
        id: 'faqAnswers',
        field: 'faqs',
        message: 'Answer “Who pays?”, “Untitled question” before publishing (Key Questions tab).',
      }),
    ])
    expect(red({ ...complete, faqs: [] })).toEqual([])
  })
})

describe('needsChecklist', () => {
  it('gates approving, scheduling and publishing an article, nothing else', () => {
    for (const action of ['approve', 'schedule', 'publish'])
      expect(needsChecklist({ collection: 'articles', action })).toBe(true)
    for (const action of ['submit', 'withdraw', 'request_changes', 'unpublish', 'release'])
      expect(needsChecklist({ collection: 'articles', action })).toBe(false)
    expect(needsChecklist({ collection: 'faqs', action: 'publish' })).toBe(false)
  })
})

describe('hasText', () => {
  const doc = (children: unknown[]) => ({ root: { type: 'root', children } })
  it('finds text anywhere in a Lexical tree', () => {
    expect(hasText(doc([{ type: 'paragraph', children: [{ type: 'text', text: 'Yes.' }] }]))).toBe(
      true,
    )
    expect(hasText(doc([{ type: 'list', children: [{ children: [{ text: ' x ' }] }] }]))).toBe(true)
  })
  it('treats missing, empty and blank answers as no answer', () => {
    for (const value of [null, undefined, '', doc([]), doc([{ children: [{ text: '  ' }] }])])
      expect(hasText(value)).toBe(false)
  })
})
