import { escapeXml } from './xml'

/** The most URLs a sitemap may hold (sitemaps.org), and so the most an index may list. */
export const MAX_SITEMAP_URLS = 50_000

/** A child of the sitemap index: the site's own pages, or one part of a month's stories. */
export type SitemapChild =
  { kind: 'pages' } | { kind: 'articles'; year: number; month: number; part: number }

const pad = (month: number) => String(month).padStart(2, '0')

/**
 * The file name of a child sitemap (under `/sitemaps/`): `pages.xml`, `articles-2024-07.xml`,
 * and for a month with more than {@link MAX_SITEMAP_URLS} stories `articles-2024-07-2.xml`, ….
 */
export const sitemapName = (child: SitemapChild): string =>
  child.kind === 'pages'
    ? 'pages.xml'
    : `articles-${child.year}-${pad(child.month)}${child.part > 1 ? `-${child.part}` : ''}.xml`

/**
 * The child a file name names, or `null`: one spelling per child (no `-1`, no unpadded month)
 * so each is cached once.
 *
 * @example
 * parseSitemapName('articles-2024-07-2.xml') // { kind: 'articles', year: 2024, month: 7, part: 2 }
 */
export const parseSitemapName = (name: string): SitemapChild | null => {
  if (name === 'pages.xml') return { kind: 'pages' }
  const match = /^articles-(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/.exec(name)
  if (!match) return null
  return {
    kind: 'articles',
    year: Number(match[1]),
    month: Number(match[2]),
    part: match[3] ? Number(match[3]) : 1,
  }
}

/**
 * The children of the sitemap index for an archive with these monthly counts: the pages first,
 * then each month newest first, a month split into parts of at most `maxUrls` stories. By month,
 * so a child's content changes only when a story of that month does, and stays cached otherwise.
 *
 * @example
 * sitemapChildren({ months: [{ year: 2024, month: 7, count: 120_000 }] }).map(sitemapName)
 * // ['pages.xml', 'articles-2024-07.xml', 'articles-2024-07-2.xml', 'articles-2024-07-3.xml']
 */
export const sitemapChildren = ({
  months,
  maxUrls = MAX_SITEMAP_URLS,
}: {
  months: readonly { year: number; month: number; count: number }[]
  maxUrls?: number
}): SitemapChild[] => [
  { kind: 'pages' },
  ...[...months]
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.year - a.year || b.month - a.month)
    .flatMap(({ year, month, count }) =>
      Array.from({ length: Math.ceil(count / maxUrls) }, (_, i) => ({
        kind: 'articles' as const,
        year,
        month,
        part: i + 1,
      })),
    ),
]

export type SitemapUrl = { loc: string; lastmod?: string }

const entry = (tag: 'url' | 'sitemap', { loc, lastmod }: SitemapUrl) =>
  `  <${tag}><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</${tag}>`

/** A sitemaps.org `<urlset>` of at most {@link MAX_SITEMAP_URLS} URLs. */
export const urlSetXml = ({ urls }: { urls: readonly SitemapUrl[] }): string => {
  if (urls.length > MAX_SITEMAP_URLS)
    throw new Error(`A sitemap holds at most ${MAX_SITEMAP_URLS} URLs, not ${urls.length}.`)
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => entry('url', url)).join('\n')}
</urlset>
`
}

/** A sitemaps.org `<sitemapindex>` listing these child sitemaps. */
export const sitemapIndexXml = ({ sitemaps }: { sitemaps: readonly SitemapUrl[] }): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitemaps.map((sitemap) => entry('sitemap', sitemap)).join('\n')}
</sitemapindex>
`
