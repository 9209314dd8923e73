import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'

import type { SyndicatedArticle } from './syndication'
import { newsSitemap, rssFeed } from './syndication'
import { escapeXml, xmlText } from './xml'

/** Everything a headline, dek, author name or topic may hold that breaks XML. */
const HOSTILE = [
  ']]>',
  '<![CDATA[',
  '<script>alert(1)</script>',
  'Q&A &amp; &nbsp; &#0;',
  '"quoted" \'single\'',
  // Every C0 control, DEL and a few C1 controls.
  ...Array.from({ length: 0x20 }, (_, code) => `c${code}:${String.fromCharCode(code)}`),
  '\u007f\u0085\u009f',
  // Lone surrogate halves, a reversed pair, and the two non-characters XML forbids.
  'high \ud800 alone',
  'low \udfff alone',
  'reversed \udc00\ud800 pair',
  'non-characters \ufffe \uffff',
  // Fine as they are: a real astral character and the last allowed BMP character.
  'emoji 🗞️ and \ufffd',
].join(' | ')

const article = (n: number): SyndicatedArticle => ({
  title: `Headline ${n} ${HOSTILE}`,
  url: `https://news.example.com/articles/story-${n}`,
  description: `Dek ${n} ${HOSTILE}`,
  publishedAt: new Date('2026-05-01T10:00:00.000Z'),
  updatedAt: new Date('2026-05-01T11:00:00.000Z'),
  authors: [{ name: `Author ${HOSTILE}`, url: 'https://news.example.com/authors/a' }],
  topics: [`Topic ${HOSTILE}`],
})

/**
 * Parses XML strictly (saxes: well-formedness and XML 1.0's character rules) and returns the text
 * of each element by name, or throws on the first error. saxes reads UTF-16 code units and lets a
 * lone surrogate through, so the text must also survive UTF-8, as it must on the wire.
 */
const parseStrictly = (xml: string): Map<string, string[]> => {
  if (Buffer.from(xml, 'utf8').toString('utf8') !== xml)
    throw new Error('not well-formed Unicode: a lone surrogate')
  const parser = new SaxesParser({ xmlns: false })
  const texts = new Map<string, string[]>()
  const open: { name: string; text: string }[] = []
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => open.push({ name: tag.name, text: '' }))
  parser.on('text', (text) => {
    const top = open.at(-1)
    if (top) top.text += text
  })
  parser.on('cdata', (text) => {
    const top = open.at(-1)
    if (top) top.text += text
  })
  parser.on('closetag', () => {
    const done = open.pop()
    if (done) texts.set(done.name, [...(texts.get(done.name) ?? []), done.text])
  })
  parser.write(xml).close()
  return texts
}

const publication = { siteUrl: 'https://news.example.com', siteName: `News ${HOSTILE}` }
const now = new Date('2026-05-02T00:00:00.000Z')

describe('xmlText', () => {
  it('drops what XML 1.0 forbids and keeps everything else', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\u000ce\u001ff\rg')).toBe('abcdefg')
    expect(xmlText('tab\tnewline\n')).toBe('tab\tnewline\n')
    expect(xmlText('x\ud800y\udfffz\ufffe\uffff')).toBe('xyz')
    expect(xmlText('🗞️ ]]> <b> & é')).toBe('🗞️ ]]> <b> & é')
  })

  it('escapes markup for hand-written XML', () => {
    expect(escapeXml('<a href="x">Q&A\u0000</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;Q&amp;A&lt;/a&gt;',
    )
  })
})

describe('the RSS feed', () => {
  it('stays well-formed XML whatever the content holds, and keeps the readable text', () => {
    const xml = rssFeed({ ...publication, articles: [article(1), article(2)], now })
    const texts = parseStrictly(xml)
    const titles = texts.get('title') ?? []
    expect(titles).toHaveLength(3) // the channel's and one per item
    expect(titles[1]).toContain('Headline 1 ]]> | <![CDATA[ | <script>alert(1)</script>')
    expect(titles[1]).toContain('emoji 🗞️')
    // eslint-disable-next-line no-control-regex -- the characters XML forbids
    expect(titles[1]).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/)
    expect(texts.get('description')?.[1]).toContain('Dek 1 ]]>')
    expect(texts.get('category')?.[0]).toContain('Topic ]]>')
    expect(texts.get('link')).toContain('https://news.example.com/articles/story-2')
  })

  it('is well-formed with no articles at all', () => {
    expect(() => parseStrictly(rssFeed({ ...publication, articles: [], now }))).not.toThrow()
  })

  it('is caught by the strict parser when the text is not cleaned (the check can fail)', () => {
    expect(() => parseStrictly('<t>a\u0001b</t>')).toThrow()
    expect(() => parseStrictly('<t>a\ud800b</t>')).toThrow()
  })
})

describe('the news sitemap', () => {
  it('stays well-formed XML whatever the headline holds', () => {
    const xml = newsSitemap({ siteName: publication.siteName, articles: [article(1), article(2)] })
    const texts = parseStrictly(xml)
    expect(texts.get('news:title')?.[0]).toContain('Headline 1 ]]> | <![CDATA[ | <script>')
    expect(texts.get('news:name')?.[0]).toContain('News ]]>')
    expect(texts.get('loc')).toEqual([
      'https://news.example.com/articles/story-1',
      'https://news.example.com/articles/story-2',
    ])
    expect(texts.get('news:publication_date')?.[0]).toBe('2026-05-01T10:00:00.000Z')
  })
})
