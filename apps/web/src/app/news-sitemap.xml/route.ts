import { env } from '@/env'
import { getAllArticles } from '@/lib/cms/articles'
import { syndicatedArticle } from '@/lib/syndicatedArticle'
import { newsSitemap } from '@/lib/syndication'

// Rendered per request from tagged, cached CMS reads: the build never needs the CMS.
export const dynamic = 'force-dynamic'

/** Google News sitemap: articles published in the last 48 hours. */
export const GET = async () => {
  const { docs } = await getAllArticles()
  const since = Date.now() - 48 * 60 * 60 * 1000
  const recent = docs.filter((a) => a.publishedAt && new Date(a.publishedAt).getTime() >= since)
  const xml = newsSitemap({ siteName: env.SITE_NAME, articles: recent.map(syndicatedArticle) })
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
