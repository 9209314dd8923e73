import { env } from '@/env'
import { getNewsArticles } from '@/lib/cms/sitemaps'
import { syndicatedArticle } from '@/lib/syndicatedArticle'
import { newsSitemap } from '@/lib/syndication'

// Rendered per request from tagged, cached CMS reads: the build never needs the CMS.
export const dynamic = 'force-dynamic'

/** Google News sitemap: stories published in the last 48 hours, at most 1,000. */
export const GET = async () => {
  const recent = await getNewsArticles()
  const xml = newsSitemap({ siteName: env.SITE_NAME, articles: recent.map(syndicatedArticle) })
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
