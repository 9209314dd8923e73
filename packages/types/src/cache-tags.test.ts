import { describe, expect, it } from 'vitest'

import {
  cacheTags,
  tagsForArticleChange,
  tagsForAuthorChange,
  tagsForFaqChange,
  tagsForMediaChange,
  tagsForTopicChange,
} from './cache-tags.ts'

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

describe('tagsForArticleChange', () => {
  const story = {
    slug: 'talks-resume',
    authorSlugs: ['claire-jimenez'],
    topicSlugs: ['north-korea', 'diplomacy'],
  }

  it('announces a first publish to the lists, the article, its authors and topics', () => {
    expect(tagsForArticleChange({ doc: story, previousDoc: null })).toEqual([
      'articles',
      'articles:talks-resume',
      'authors:claire-jimenez',
      'topics:north-korea',
      'topics:diplomacy',
    ])
  })

  it('announces an unpublish with the tags of what readers saw', () => {
    expect(tagsForArticleChange({ doc: null, previousDoc: story })).toEqual(
      tagsForArticleChange({ doc: story, previousDoc: null }),
    )
  })

  it('names the old slug, and authors and topics that were dropped, once each', () => {
    const renamed = {
      slug: 'talks-resume-in-havana',
      authorSlugs: ['claire-jimenez', 'ana-ruiz'],
      topicSlugs: ['north-korea'],
    }
    expect(tagsForArticleChange({ doc: renamed, previousDoc: story })).toEqual([
      'articles',
      'articles:talks-resume',
      'articles:talks-resume-in-havana',
      'authors:claire-jimenez',
      'authors:ana-ruiz',
      'topics:north-korea',
      'topics:diplomacy',
    ])
  })

  it('skips missing slugs and announces nothing when nothing was or is published', () => {
    expect(
      tagsForArticleChange({
        doc: { slug: 'a', authorSlugs: [null, ''], topicSlugs: [undefined] },
        previousDoc: null,
      }),
    ).toEqual(['articles', 'articles:a'])
    expect(tagsForArticleChange({ doc: null, previousDoc: null })).toEqual([])
  })
})

describe('tagsForAuthorChange', () => {
  it('announces the author and the articles that credit them', () => {
    expect(
      tagsForAuthorChange({
        doc: { slug: 'claire-jimenez' },
        previousDoc: { slug: 'claire-jimenez' },
        articleSlugs: ['talks-resume', 'summit'],
      }),
    ).toEqual([
      'authors',
      'authors:claire-jimenez',
      'articles',
      'articles:talks-resume',
      'articles:summit',
    ])
  })

  it('names a renamed author under both slugs and leaves articles alone when none credit them', () => {
    expect(
      tagsForAuthorChange({
        doc: { slug: 'claire-jimenez-ruiz' },
        previousDoc: { slug: 'claire-jimenez' },
        articleSlugs: [],
      }),
    ).toEqual(['authors', 'authors:claire-jimenez', 'authors:claire-jimenez-ruiz'])
  })

  it('announces nothing for an author readers never saw', () => {
    expect(tagsForAuthorChange({ doc: null, previousDoc: null, articleSlugs: ['a'] })).toEqual([])
  })
})

describe('tagsForFaqChange', () => {
  it('announces the FAQ and the articles that list it', () => {
    expect(
      tagsForFaqChange({ doc: null, previousDoc: { slug: 'who-is-ri' }, articleSlugs: ['a'] }),
    ).toEqual(['faqs', 'faqs:who-is-ri', 'articles', 'articles:a'])
    expect(tagsForFaqChange({ doc: null, previousDoc: null, articleSlugs: ['a'] })).toEqual([])
  })
})

describe('tagsForTopicChange', () => {
  it('announces the topic under its old and new slug and the articles filed under it', () => {
    expect(
      tagsForTopicChange({
        doc: { slug: 'cuba-news' },
        previousDoc: { slug: 'cuba' },
        articleSlugs: ['a'],
      }),
    ).toEqual(['topics', 'topics:cuba', 'topics:cuba-news', 'articles', 'articles:a'])
    expect(tagsForTopicChange({ doc: null, previousDoc: null, articleSlugs: [] })).toEqual([])
  })
})

describe('tagsForMediaChange', () => {
  it('announces the image and the articles and authors that show it', () => {
    expect(
      tagsForMediaChange({ id: '665f', articleSlugs: ['a', 'a'], authorSlugs: ['claire'] }),
    ).toEqual(['media', 'media:665f', 'articles', 'articles:a', 'authors', 'authors:claire'])
    expect(tagsForMediaChange({ id: '665f' })).toEqual(['media', 'media:665f'])
  })
})
