import { env } from '@/env'
import { getAllArticles } from '@/lib/cms/articles'
import { syndicatedArticle } from '@/lib/syndicatedArticle'
import { rssFeed } from '@/lib/syndication'

// Rendered per request from tagged, cached CMS reads: the build never needs the CMS.
export const dynamic = 'force-dynamic'

/** RSS 2.0 of the newest published articles. */
export const GET = async () => {
  const { docs } = await getAllArticles()
  const xml = rssFeed({
    siteUrl: env.SITE_URL,
    siteName: env.SITE_NAME,
    articles: docs.slice(0, 50).map(syndicatedArticle),
    now: new Date(),
  })
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
}
