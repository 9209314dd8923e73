import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleCard } from '@/components/ArticleCard'
import { Pager } from '@/components/Pager'
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
  const { docs, hasNextPage } = await getLatestArticles(page)
  // Past the last page: no such page (the first page says there are no stories instead).
  if (page > 1 && docs.length === 0) notFound()
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
      <Pager
        base="/"
        page={page}
        hasNextPage={hasNextPage}
        label="Pages"
        previousLabel="← Newer stories"
        nextLabel="Older stories →"
      />
    </>
  )
}

export default FrontPage
