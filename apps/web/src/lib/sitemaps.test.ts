import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import {
  MAX_SITEMAP_URLS,
  parseSitemapName,
  sitemapChildren,
  sitemapIndexXml,
  sitemapName,
  urlSetXml,
} from './sitemaps'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const scratch = mkdtempSync(path.join(tmpdir(), 'sitemaps-'))

/** xmllint's verdict on a document against one of the sitemaps.org schemas (Debian's libxml2-utils). */
const validate = (xml: string, schema: 'sitemap.xsd' | 'siteindex.xsd') => {
  const file = path.join(scratch, `${schema}-${Math.random().toString(36).slice(2)}.xml`)
  writeFileSync(file, xml)
  const result = spawnSync('xmllint', ['--noout', '--schema', path.join(fixtures, schema), file], {
    encoding: 'utf8',
  })
  if (result.error) throw new Error('xmllint is missing: apt-get install libxml2-utils')
  return { ok: result.status === 0, output: result.stderr }
}

/** 120,000 synthetic stories, one every 40 minutes or so over about ten years, newest first. */
const ROWS = Array.from({ length: 120_000 }, (_, i) => ({
  slug: `story-${i}`,
  publishedAt: new Date(Date.UTC(2026, 11, 1) - i * 2_630_000).toISOString(),
}))

const countByMonth = (rows: readonly { publishedAt: string }[]) => {
  const counts = new Map<string, { year: number; month: number; count: number }>()
  for (const { publishedAt } of rows) {
    const date = new Date(publishedAt)
    const key = publishedAt.slice(0, 7)
    const month = counts.get(key) ?? {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      count: 0,
    }
    month.count += 1
    counts.set(key, month)
  }
  return [...counts.values()]
}

describe('sitemapChildren', () => {
  it('covers 120,000 stories by month, each child within 50,000 URLs', () => {
    const months = countByMonth(ROWS)
    const children = sitemapChildren({ months })
    expect(children[0]).toEqual({ kind: 'pages' })
    const articleChildren = children.filter((child) => child.kind === 'articles')
    expect(articleChildren).toHaveLength(months.length)
    // Every story falls in exactly one child: its month's (one part each here).
    const perChild = new Map<string, number>()
    for (const { publishedAt } of ROWS) {
      const name = `articles-${publishedAt.slice(0, 7)}.xml`
      perChild.set(name, (perChild.get(name) ?? 0) + 1)
    }
    expect([...perChild.keys()].sort()).toEqual(articleChildren.map(sitemapName).sort())
    expect(Math.max(...perChild.values())).toBeLessThanOrEqual(MAX_SITEMAP_URLS)
    expect([...perChild.values()].reduce((a, b) => a + b, 0)).toBe(120_000)
    // Newest month first.
    expect(sitemapName(articleChildren[0] ?? { kind: 'pages' })).toBe('articles-2026-12.xml')
  })

  it('splits a month of 120,000 stories into parts of at most 50,000', () => {
    const children = sitemapChildren({ months: [{ year: 2024, month: 7, count: 120_000 }] })
    expect(children.map(sitemapName)).toEqual([
      'pages.xml',
      'articles-2024-07.xml',
      'articles-2024-07-2.xml',
      'articles-2024-07-3.xml',
    ])
    // Part N is page N of the month at 50,000 a page: 50,000 + 50,000 + 20,000.
    const sizes = [1, 2, 3].map((part) =>
      Math.min(MAX_SITEMAP_URLS, 120_000 - (part - 1) * MAX_SITEMAP_URLS),
    )
    expect(sizes).toEqual([50_000, 50_000, 20_000])
  })

  it('leaves out empty months', () => {
    expect(sitemapChildren({ months: [{ year: 2024, month: 7, count: 0 }] })).toEqual([
      { kind: 'pages' },
    ])
  })
})

describe('sitemap names', () => {
  it('round-trips every child and refuses other spellings', () => {
    for (const child of [
      { kind: 'pages' as const },
      { kind: 'articles' as const, year: 2024, month: 7, part: 1 },
      { kind: 'articles' as const, year: 2024, month: 12, part: 3 },
    ])
      expect(parseSitemapName(sitemapName(child))).toEqual(child)
    for (const name of [
      'articles-2024-7.xml',
      'articles-2024-07-1.xml',
      'articles-2024-13.xml',
      'articles-2024-07',
      '../pages.xml',
    ])
      expect(parseSitemapName(name), name).toBeNull()
  })
})

describe('sitemap XML', () => {
  it('writes a child of 50,000 URLs that validates against sitemap.xsd', () => {
    const urls = ROWS.slice(0, MAX_SITEMAP_URLS).map((row) => ({
      loc: `https://news.example.com/articles/${row.slug}?a=1&b=2`,
      lastmod: row.publishedAt,
    }))
    const result = validate(urlSetXml({ urls }), 'sitemap.xsd')
    expect(result.output).toContain('validates')
    expect(result.ok).toBe(true)
    expect(() => urlSetXml({ urls: [...urls, { loc: 'https://x.example/' }] })).toThrow(/50000/)
  })

  it('writes an index that validates against siteindex.xsd', () => {
    const children = sitemapChildren({ months: countByMonth(ROWS) })
    const xml = sitemapIndexXml({
      sitemaps: children.map((child) => ({
        loc: `https://news.example.com/sitemaps/${sitemapName(child)}`,
      })),
    })
    expect(validate(xml, 'siteindex.xsd').ok).toBe(true)
    // And the schema check is real: a urlset is not an index.
    expect(validate(urlSetXml({ urls: [] }), 'siteindex.xsd').ok).toBe(false)
  })
})
