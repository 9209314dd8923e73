import type { Metadata } from 'next'
import Link from 'next/link'

import { ArticleCard } from '@/components/ArticleCard'
import { getLatestArticles } from '@/lib/cms/articles'

/**
 * The front page. Readers reach it as `/` and `/?page=N`: next.config.ts rewrites both here, so
 * each page number is a path of its own that renders on first request and stays cached until the
 * CMS revalidates the `articles` tag, instead of a page that reads the query string and therefore
 * renders on every request.
 */
type Props = { params: Promise<{ page: string }> }

export const generateStaticParams = async () => []
export const revalidate = 3600

/** Page numbers below 1 or that are not numbers show the first page, as `/` does. */
const pageNumber = (text: string) => {
  const page = Number(text)
  return Number.isSafeInteger(page) && page > 0 ? page : 1
}

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const page = pageNumber((await params).page)
  return {
    alternates: { canonical: page > 1 ? `/?page=${page}` : '/' },
    ...(page > 1 ? { title: `Latest news, page ${page}` } : {}),
  }
}

const FrontPage = async ({ params }: Props) => {
  const page = pageNumber((await params).page)
  const { docs, hasNextPage, hasPrevPage } = await getLatestArticles(page)
  const [lead, ...rest] = page === 1 ? docs : [undefined, ...docs]

  return (
    <>
      <h1 className="visually-hidden">Latest news</h1>
      {docs.length === 0 ? <p>No stories have been published yet.</p> : null}
      {lead ? (
        <section className="lead" aria-label="Lead story">
          <ArticleCard article={lead} headingLevel={2} />
        </section>
      ) : null}
      {rest.length ? (
        <section aria-label="More stories">
          <ul className="card-list">
            {rest.map((article) =>
              article ? (
                <li key={article.id}>
                  <ArticleCard article={article} />
                </li>
              ) : null,
            )}
          </ul>
        </section>
      ) : null}
      {hasPrevPage || hasNextPage ? (
        <nav className="pagination" aria-label="Pages">
          {hasPrevPage ? (
            <Link href={page === 2 ? '/' : `/?page=${page - 1}`}>← Newer stories</Link>
          ) : (
            <span />
          )}
          {hasNextPage ? <Link href={`/?page=${page + 1}`}>Older stories →</Link> : null}
        </nav>
      ) : null}
    </>
  )
}

export default FrontPage
