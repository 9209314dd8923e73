import { Feed } from 'feed'

import { escapeXml, xmlText } from './xml'

/** One story as the feed and the news sitemap list it: plain values, already chosen. */
export type SyndicatedArticle = {
  title: string
  /** Absolute URL of the article's page. */
  url: string
  description: string
  publishedAt: Date
  updatedAt: Date
  authors: readonly { name: string; url: string }[]
  topics: readonly string[]
}

export type Publication = {
  /** The site's public origin. */
  siteUrl: string
  siteName: string
}

/**
 * RSS 2.0 of these articles, newest first as given. Every piece of text comes from content
 * (headline, description, author names, topics) or settings, so each goes through `xmlText`
 * before the `feed` library, which escapes markup but passes on characters XML forbids.
 *
 * @example
 * rssFeed({ siteUrl: 'https://news.example.com', siteName: 'Copydesk', articles, now: new Date() })
 */
export const rssFeed = ({
  siteUrl,
  siteName,
  articles,
  now,
}: Publication & { articles: readonly SyndicatedArticle[]; now: Date }): string => {
  const name = xmlText(siteName)
  const feed = new Feed({
    title: name,
    description: 'The latest published stories.',
    id: siteUrl,
    link: siteUrl,
    language: 'en',
    copyright: `© ${now.getUTCFullYear()} ${name}`,
    updated: articles[0]?.updatedAt,
    feedLinks: { rss: new URL('/feed.xml', siteUrl).toString() },
  })
  for (const article of articles) {
    feed.addItem({
      title: xmlText(article.title),
      id: article.url,
      link: article.url,
      description: xmlText(article.description),
      date: article.publishedAt,
      author: article.authors.map((author) => ({ name: xmlText(author.name), link: author.url })),
      category: article.topics.map((topic) => ({ name: xmlText(topic) })),
    })
  }
  return feed.rss2()
}

/**
 * A Google News sitemap of these articles (the caller picks the last 48 hours' worth).
 *
 * @example
 * newsSitemap({ siteName: 'Copydesk', articles })
 */
export const newsSitemap = ({
  siteName,
  articles,
}: Pick<Publication, 'siteName'> & { articles: readonly SyndicatedArticle[] }): string => {
  const urls = articles
    .map(
      (article) => `  <url>
    <loc>${escapeXml(article.url)}</loc>
    <news:news>
      <news:publication><news:name>${escapeXml(siteName)}</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>${article.publishedAt.toISOString()}</news:publication_date>
      <news:title>${escapeXml(article.title)}</news:title>
    </news:news>
  </url>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls}
</urlset>
`
}
