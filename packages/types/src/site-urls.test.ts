import { describe, expect, it } from 'vitest'

import { hasReaderPage, livePreviewPath, readerPath, readerUrl } from './site-urls.ts'

describe('reader paths', () => {
  it('puts each kind under its own folder', () => {
    expect(readerPath('articles', 'talks-resume')).toBe('/articles/talks-resume')
    expect(readerPath('authors', 'claire-jimenez')).toBe('/authors/claire-jimenez')
    expect(readerPath('topics', 'north-korea')).toBe('/topics/north-korea')
  })

  it.each([
    ['evil/../../x', '/articles/evil%2F..%2F..%2Fx'],
    ['a?b#c', '/articles/a%3Fb%23c'],
    ['/\\evil.example', '/articles/%2F%5Cevil.example'],
  ])('keeps a hostile slug (%j) inside one segment', (slug, path) => {
    expect(readerPath('articles', slug)).toBe(path)
    const url = new URL(readerUrl('https://news.example.com', 'articles', slug))
    expect(url.origin).toBe('https://news.example.com')
    expect(url.pathname).toBe(path)
  })

  it('never leaves the site, even for a dot-segment slug', () => {
    expect(new URL(readerUrl('https://news.example.com', 'articles', '..')).origin).toBe(
      'https://news.example.com',
    )
  })

  it('builds absolute URLs on the site origin, whatever path the origin setting carries', () => {
    expect(readerUrl('https://news.example.com', 'authors', 'claire-jimenez')).toBe(
      'https://news.example.com/authors/claire-jimenez',
    )
    expect(readerUrl('http://127.0.0.1:3100/', 'topics', 'cuba')).toBe(
      'http://127.0.0.1:3100/topics/cuba',
    )
  })

  it('knows which collections have pages', () => {
    expect(hasReaderPage('articles')).toBe(true)
    expect(hasReaderPage('authors')).toBe(true)
    expect(hasReaderPage('faqs')).toBe(false)
  })

  it('builds the live-preview frame path', () => {
    expect(livePreviewPath('articles', '665f1a')).toBe('/preview/articles/665f1a')
  })
})

describe('a document without a slug yet', () => {
  it('gets its bare folder rather than a made-up page', () => {
    expect(readerPath('articles', null)).toBe('/articles/')
    expect(readerPath('authors', undefined)).toBe('/authors/')
  })
})
