import { Feed } from 'feed'

import { authorsOf } from '@/components/ArticleCard'
import { env } from '@/env'
import { getAllArticles } from '@/lib/cms/articles'
import { describe } from '@/lib/seo'

// Rendered per request from tagged, cached CMS reads: the build never needs the CMS.
export const dynamic = 'force-dynamic'

/** RSS 2.0 of the newest published articles. */
export const GET = async () => {
  const { docs } = await getAllArticles()
  const feed = new Feed({
    title: env.SITE_NAME,
    description: 'The latest published stories.',
    id: env.SITE_URL,
    link: env.SITE_URL,
    language: 'en',
    copyright: `© ${new Date().getUTCFullYear()} ${env.SITE_NAME}`,
    updated: docs[0] ? new Date(docs[0].updatedAt) : undefined,
    feedLinks: { rss: new URL('/feed.xml', env.SITE_URL).toString() },
  })
  for (const article of docs.slice(0, 50)) {
    const link = new URL(`/articles/${article.slug}`, env.SITE_URL).toString()
    feed.addItem({
      title: article.title,
      id: link,
      link,
      description: describe(article),
      date: new Date(article.publishedAt ?? article.createdAt),
      author: authorsOf(article).map((a) => ({
        name: a.name,
        link: new URL(`/authors/${a.slug}`, env.SITE_URL).toString(),
      })),
      category: (article.topics ?? []).map((name) => ({ name })),
    })
  }
  return new Response(feed.rss2(), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  })
}
