import { readerUrl } from '@copydesk/types/site-urls'

import { env } from '@/env'
import { getTopics } from '@/lib/cms/articles'
import { getAllAuthors } from '@/lib/cms/authors'
import { getSitemapArticles } from '@/lib/cms/sitemaps'
import type { SitemapUrl } from '@/lib/sitemaps'
import { parseSitemapName, urlSetXml } from '@/lib/sitemaps'

// Rendered per request from tagged, cached CMS reads: the build never needs the CMS.
export const dynamic = 'force-dynamic'

const xmlResponse = (xml: string) =>
  new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })

/** The site's own pages: the front page, the lists, every topic and every author. */
const pageUrls = async (): Promise<SitemapUrl[]> => {
  const [topics, authors] = await Promise.all([getTopics(), getAllAuthors()])
  return [
    { loc: new URL('/', env.SITE_URL).toString() },
    { loc: new URL('/topics', env.SITE_URL).toString() },
    { loc: new URL('/archive', env.SITE_URL).toString() },
    ...topics.map((topic) => ({
      loc: readerUrl(env.SITE_URL, 'topics', topic.slug ?? ''),
      lastmod: topic.updatedAt,
    })),
    ...authors.docs.map((author) => ({
      loc: readerUrl(env.SITE_URL, 'authors', author.slug ?? ''),
      lastmod: author.updatedAt,
    })),
  ]
}

/** `/sitemaps/pages.xml` and `/sitemaps/articles-2024-07.xml` (`-2`, … past 50,000 a month). */
export const GET = async (_request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const child = parseSitemapName((await params).name)
  if (!child) return new Response('Not found', { status: 404 })
  if (child.kind === 'pages') return xmlResponse(urlSetXml({ urls: await pageUrls() }))
  const { docs } = await getSitemapArticles(child)
  if (docs.length === 0) return new Response('Not found', { status: 404 })
  return xmlResponse(
    urlSetXml({
      urls: docs.map((doc) => ({
        loc: readerUrl(env.SITE_URL, 'articles', doc.slug),
        lastmod: doc.updatedAt,
      })),
    }),
  )
}
