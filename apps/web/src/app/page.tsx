import type { Metadata } from 'next'
import Link from 'next/link'

import { ArticleCard } from '@/components/ArticleCard'
import { getLatestArticles } from '@/lib/cms/articles'

type Props = { searchParams: Promise<{ page?: string }> }

export const generateMetadata = async ({ searchParams }: Props): Promise<Metadata> => {
  const page = Number((await searchParams).page ?? 1)
  return {
    alternates: { canonical: page > 1 ? `/?page=${page}` : '/' },
    ...(page > 1 ? { title: `Latest news, page ${page}` } : {}),
  }
}

const HomePage = async ({ searchParams }: Props) => {
  const requested = Number((await searchParams).page ?? 1)
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1
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

export default HomePage
