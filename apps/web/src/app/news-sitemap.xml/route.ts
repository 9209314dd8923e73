import { env } from '@/env'
import { getAllArticles } from '@/lib/cms/articles'

// Rendered per request from tagged, cached CMS reads: the build never needs the CMS.
export const dynamic = 'force-dynamic'

const escape = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  )

/** Google News sitemap: articles published in the last 48 hours. */
export const GET = async () => {
  const { docs } = await getAllArticles()
  const since = Date.now() - 48 * 60 * 60 * 1000
  const recent = docs.filter((a) => a.publishedAt && new Date(a.publishedAt).getTime() >= since)
  const urls = recent
    .map(
      (a) => `  <url>
    <loc>${escape(new URL(`/articles/${a.slug}`, env.SITE_URL).toString())}</loc>
    <news:news>
      <news:publication><news:name>${escape(env.SITE_NAME)}</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>${a.publishedAt}</news:publication_date>
      <news:title>${escape(a.title)}</news:title>
    </news:news>
  </url>`,
    )
    .join('\n')
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls}
</urlset>
`
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
