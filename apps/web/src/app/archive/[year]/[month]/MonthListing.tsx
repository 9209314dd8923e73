import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { ArticleCard } from '@/components/ArticleCard'
import type { ArchiveMonth } from '@/lib/archive'
import { archivePath, monthName, parseArchiveMonth } from '@/lib/archive'
import { getArticlesOfMonth } from '@/lib/cms/archive'

export type MonthParams = { year: string; month: string }

/** The month a URL names, or a 404. */
export const monthOf = (params: MonthParams): ArchiveMonth => {
  const month = parseArchiveMonth(params)
  if (!month) notFound()
  return month
}

export const monthMetadata = ({
  year,
  month,
  page,
}: ArchiveMonth & { page: number }): Metadata => ({
  title: `${monthName(month)} ${year}${page > 1 ? `, page ${page}` : ''} · Archive`,
  description: `Stories published in ${monthName(month)} ${year}.`,
  alternates: { canonical: archivePath({ year, month, page }) },
})

/** One page of the stories published in a month, newest first, with Previous and Next. */
export const MonthListing = async ({ year, month, page }: ArchiveMonth & { page: number }) => {
  const result = await getArticlesOfMonth({ year, month, page })
  // An empty month, or a page past its end, is not a page.
  if (result.docs.length === 0) notFound()
  const label = `${monthName(month)} ${year}`
  return (
    <>
      <nav aria-label="Breadcrumb" className="meta">
        <Link href="/archive">Archive</Link> › {year}
      </nav>
      <h1>{label}</h1>
      <p className="meta">
        {result.totalDocs.toLocaleString('en')} {result.totalDocs === 1 ? 'story' : 'stories'}
        {result.totalPages > 1 ? ` · page ${page} of ${result.totalPages}` : ''}
      </p>
      <ul className="card-list">
        {result.docs.map((article) => (
          <li key={article.id}>
            <ArticleCard article={article} />
          </li>
        ))}
      </ul>
      {result.totalPages > 1 ? (
        <nav className="pagination" aria-label={`Pages of ${label}`}>
          {page > 1 ? (
            <link rel="prev" href={archivePath({ year, month, page: page - 1 })} />
          ) : null}
          {result.hasNextPage ? (
            <link rel="next" href={archivePath({ year, month, page: page + 1 })} />
          ) : null}
          {page > 1 ? (
            <Link
              href={archivePath({ year, month, page: page - 1 })}
              rel="prev"
              className="pagination-step"
            >
              ← Newer
            </Link>
          ) : (
            <span className="pagination-step" aria-hidden="true" />
          )}
          <ol className="pagination-pages">
            <li>
              <span aria-current="page">
                Page {page} of {result.totalPages}
              </span>
            </li>
          </ol>
          {result.hasNextPage ? (
            <Link
              href={archivePath({ year, month, page: page + 1 })}
              rel="next"
              className="pagination-step"
            >
              Older →
            </Link>
          ) : (
            <span className="pagination-step" aria-hidden="true" />
          )}
        </nav>
      ) : null}
    </>
  )
}
