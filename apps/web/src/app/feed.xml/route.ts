import { env } from '@/env'
import { getFeedArticles } from '@/lib/cms/sitemaps'
import { syndicatedArticle } from '@/lib/syndicatedArticle'
import { rssFeed } from '@/lib/syndication'

// Rendered per request from tagged, cached CMS reads: the build never needs the CMS.
export const dynamic = 'force-dynamic'

/** RSS 2.0 of the newest 50 published stories. */
export const GET = async () => {
  const articles = await getFeedArticles()
  const xml = rssFeed({
    siteUrl: env.SITE_URL,
    siteName: env.SITE_NAME,
    articles: articles.map(syndicatedArticle),
    now: new Date(),
  })
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
}
