import { env } from '@/env'
import { getArchiveMonths } from '@/lib/cms/archive'
import { sitemapChildren, sitemapIndexXml, sitemapName } from '@/lib/sitemaps'

// Rendered per request from tagged, cached CMS reads: the build never needs the CMS.
export const dynamic = 'force-dynamic'

/**
 * The sitemap index: the site's pages, then one child per month of stories (several for a month
 * above 50,000), newest first (see lib/sitemaps.ts).
 */
export const GET = async () => {
  const children = sitemapChildren({ months: await getArchiveMonths() })
  const xml = sitemapIndexXml({
    sitemaps: children.map((child) => ({
      loc: new URL(`/sitemaps/${sitemapName(child)}`, env.SITE_URL).toString(),
    })),
  })
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
