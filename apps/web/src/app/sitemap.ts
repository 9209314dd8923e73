import type { MetadataRoute } from 'next'

import { readerUrl } from '@copydesk/types/site-urls'

import { env } from '@/env'
import { getAllArticles, getTopics } from '@/lib/cms/articles'
import { getAllAuthors } from '@/lib/cms/authors'

// Rendered per request from tagged, cached CMS reads: the build never needs the CMS.
export const dynamic = 'force-dynamic'

const sitemap = async (): Promise<MetadataRoute.Sitemap> => {
  const [articles, authors, topics] = await Promise.all([
    getAllArticles(),
    getAllAuthors(),
    getTopics(),
  ])
  const newest = articles.docs[0]?.updatedAt
  return [
    {
      url: new URL('/', env.SITE_URL).toString(),
      lastModified: newest,
      changeFrequency: 'hourly',
      priority: 1,
    },
    ...articles.docs.map((a) => ({
      url: readerUrl(env.SITE_URL, 'articles', a.slug),
      lastModified: a.updatedAt,
      priority: 0.8,
    })),
    ...authors.docs.map((a) => ({
      url: readerUrl(env.SITE_URL, 'authors', a.slug),
      lastModified: a.updatedAt,
      priority: 0.5,
    })),
    ...topics.map((topic) => ({
      url: readerUrl(env.SITE_URL, 'topics', topic.slug),
      lastModified: topic.updatedAt,
      priority: 0.5,
    })),
  ]
}

export default sitemap
