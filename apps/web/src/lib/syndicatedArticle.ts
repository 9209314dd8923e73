import type { Article } from '@copydesk/types/payload-types'
import { readerUrl } from '@copydesk/types/site-urls'

import { authorsOf, topicsOf } from '@/components/ArticleCard'
import { env } from '@/env'
import { describe } from '@/lib/seo'

import type { SyndicatedArticle } from './syndication'

/** A published article as the feed and the news sitemap list it. */
export const syndicatedArticle = (article: Article): SyndicatedArticle => ({
  title: article.title,
  url: readerUrl(env.SITE_URL, 'articles', article.slug),
  description: describe(article),
  publishedAt: new Date(article.publishedAt ?? article.createdAt),
  updatedAt: new Date(article.updatedAt),
  authors: authorsOf(article).map((author) => ({
    name: author.name,
    url: readerUrl(env.SITE_URL, 'authors', author.slug),
  })),
  topics: topicsOf(article).map((topic) => topic.name),
})
