import { describe, expect, it } from 'vitest'

import { cacheTags } from './cache-tags.ts'

describe('cacheTags', () => {
  it('names a document by collection and key', () => {
    expect(cacheTags.article('a-b')).toBe('articles:a-b')
    expect(cacheTags.author('claire-jimenez')).toBe('authors:claire-jimenez')
    expect(cacheTags.faq('why')).toBe('faqs:why')
    expect(cacheTags.media('665f')).toBe('media:665f')
    expect(cacheTags.topic('cuba')).toBe('topics:cuba')
  })

  it('keeps list tags distinct from document tags', () => {
    expect(cacheTags.collection('articles')).toBe('articles')
    expect(cacheTags.collection('articles')).not.toBe(cacheTags.article('articles'))
  })
})
