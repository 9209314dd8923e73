import Link from 'next/link'

import type { Article, Author, Topic } from '@copydesk/types/payload-types'
import { readerPath } from '@copydesk/types/site-urls'

import { formatShortDate, joinNames } from '@/lib/format'
import { describe } from '@/lib/seo'

export const authorsOf = (article: Pick<Article, 'authors'>): Author[] =>
  (article.authors ?? []).filter((a): a is Author => typeof a === 'object' && a !== null)

/** The article's topics that readers can open (populated; a deleted topic drops out). */
export const topicsOf = (article: Article): Topic[] =>
  (article.topics ?? []).filter(
    (t): t is Topic => typeof t === 'object' && t !== null && Boolean(t.slug),
  )

/** A headline, dek and dateline that link to the article. */
export const ArticleCard = ({
  article,
  headingLevel = 3,
}: {
  article: Article
  headingLevel?: 2 | 3
}) => {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const names = authorsOf(article).map((a) => a.name)
  const kicker = topicsOf(article)[0]
  // Lists ask for a card's fields only (lib/cms/queries.ts): the summary is the SEO description
  // or the dek, which publishing requires; a story imported without either shows none.
  const summary = describe(article, headingLevel === 2 ? 320 : 160)
  return (
    <article className="card">
      {kicker ? <p className="kicker">{kicker.name}</p> : null}
      <Heading>
        <Link href={readerPath('articles', article.slug)}>{article.title}</Link>
      </Heading>
      {summary ? <p>{summary}</p> : null}
      <p className="card-meta">
        {names.length ? `By ${joinNames(names)}` : null}
        {names.length && article.publishedAt ? ' · ' : null}
        {article.publishedAt ? (
          <time dateTime={article.publishedAt}>{formatShortDate(article.publishedAt)}</time>
        ) : null}
      </p>
    </article>
  )
}
