import type { Metadata } from 'next'

import { ArticleCard } from '@/components/ArticleCard'
import { searchArticles } from '@/lib/cms/articles'

type Props = { searchParams: Promise<{ q?: string | string[] }> }

export const metadata: Metadata = { title: 'Search', robots: { index: false } }

const SearchPage = async ({ searchParams }: Props) => {
  const raw = (await searchParams).q
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 120) ?? ''
  const results = query ? await searchArticles(query) : null
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search" className="search-form">
        <label htmlFor="search-page-q" className="visually-hidden">
          Search articles
        </label>
        <input id="search-page-q" type="search" name="q" defaultValue={query} />
        <button type="submit">Search</button>
      </form>
      {results ? (
        <section aria-live="polite" aria-labelledby="results">
          <h2 id="results">
            {results.totalDocs === 0
              ? `No articles match “${query}”.`
              : `${results.totalDocs} article${results.totalDocs === 1 ? '' : 's'} for “${query}”`}
          </h2>
          <ul className="card-list">
            {results.docs.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

export default SearchPage
