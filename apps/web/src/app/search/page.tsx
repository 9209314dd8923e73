import type { Metadata } from 'next'
import Link from 'next/link'

import { SEARCH_MAX_PAGE } from '@copydesk/search/results'
import { readerPath } from '@copydesk/types/site-urls'

import { authorsOf } from '@/components/ArticleCard'
import { searchArticles, normalizeQuery } from '@/lib/cms/search'
import { formatShortDate, joinNames } from '@/lib/format'

import { Highlighted } from './Highlighted'
import styles from './search.module.css'

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }

export const metadata: Metadata = { title: 'Search', robots: { index: false } }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** `/search?q=…&page=N`, the first page without `page`: one URL per result page. */
const searchHref = (query: string, page: number) => {
  const params = new URLSearchParams({ q: query })
  if (page > 1) params.set('page', String(page))
  return `/search?${params}`
}

/** A page number from the URL; anything else is the first page. */
const pageNumber = (text: string | undefined) =>
  text && /^[1-9]\d{0,5}$/.test(text) ? Math.min(Number(text), SEARCH_MAX_PAGE) : 1

const SearchPage = async ({ searchParams }: Props) => {
  const params = await searchParams
  const query = normalizeQuery(first(params.q))
  const page = pageNumber(first(params.page))
  const results = query ? await searchArticles({ query, page }) : null
  const total = results?.totalDocs ?? 0
  const from = results ? (results.page - 1) * results.limit + 1 : 0
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search" className={`search-form ${styles.form}`}>
        <label htmlFor="search-page-q" className="visually-hidden">
          Search articles
        </label>
        <input id="search-page-q" type="search" name="q" defaultValue={query} />
        <button type="submit">Search</button>
      </form>
      {query ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" aria-live="polite">
            {total === 0
              ? `No results for “${query}”`
              : `${total.toLocaleString('en')}${results?.isTotalExact === false ? '+' : ''} result${total === 1 ? '' : 's'} for “${query}”` +
                (results && results.totalPages > 1
                  ? ` · ${from}–${from + results.docs.length - 1}`
                  : '')}
          </h2>
          {total === 0 ? (
            <div className={styles.suggestions}>
              <p>Suggestions:</p>
              <ul>
                <li>Check the spelling, or try fewer or more general words.</li>
                <li>Accents and capitals don’t matter: “Nunez” finds “Núñez”.</li>
                <li>
                  Browse the <Link href="/topics">topics</Link> or the{' '}
                  <Link href="/archive">archive by month</Link>, or read the{' '}
                  <Link href="/">latest news</Link>.
                </li>
              </ul>
            </div>
          ) : (
            <ol className={`card-list ${styles.list}`} start={from}>
              {results?.docs.map(({ doc, title, snippet }) => {
                const names = authorsOf(doc).map((author) => author.name)
                return (
                  <li key={doc.id}>
                    <article className={`card ${styles.hit}`}>
                      <h3>
                        <Link href={readerPath('articles', doc.slug)}>
                          <Highlighted parts={title} />
                        </Link>
                      </h3>
                      {snippet.length ? (
                        <p className={styles.snippet}>
                          <Highlighted parts={snippet} />
                        </p>
                      ) : null}
                      <p className="card-meta">
                        {names.length ? `By ${joinNames(names)}` : null}
                        {names.length && doc.publishedAt ? ' · ' : null}
                        {doc.publishedAt ? (
                          <time dateTime={doc.publishedAt}>{formatShortDate(doc.publishedAt)}</time>
                        ) : null}
                      </p>
                    </article>
                  </li>
                )
              })}
            </ol>
          )}
          {results && (results.hasPrevPage || results.hasNextPage) ? (
            <nav className="pagination" aria-label="Result pages">
              {results.hasPrevPage ? (
                <Link href={searchHref(query, page - 1)} rel="prev" className="pagination-step">
                  ← Previous
                </Link>
              ) : (
                <span className="pagination-step" aria-hidden="true" />
              )}
              <ol className="pagination-pages">
                <li>
                  <span aria-current="page">
                    Page {results.page}
                    {results.isTotalExact ? ` of ${results.totalPages.toLocaleString('en')}` : ''}
                  </span>
                </li>
              </ol>
              {results.hasNextPage ? (
                <Link href={searchHref(query, page + 1)} rel="next" className="pagination-step">
                  Next →
                </Link>
              ) : (
                <span className="pagination-step" aria-hidden="true" />
              )}
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  )
}

export default SearchPage
