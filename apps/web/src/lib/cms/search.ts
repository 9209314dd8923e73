import { cache } from 'react'

import { queryTerms } from '@copydesk/search/fold'
import type { SearchResults } from '@copydesk/search/results'
import { SEARCH_MAX_PAGE, SEARCH_QUERY_MAX_LENGTH } from '@copydesk/search/results'
import { cacheTags } from '@copydesk/types/cache-tags'
import type { SearchResultDoc } from '@copydesk/types/contract'

import { cms, tagged } from './client'

/**
 * A reader's query as the search page uses it: trimmed, inner whitespace collapsed, cut to the
 * CMS's limit. One spelling per query keeps cached responses shared.
 *
 * @example
 * normalizeQuery('  Núñez   blackout ') // 'Núñez blackout'
 */
export const normalizeQuery = (raw: string | undefined): string =>
  (raw ?? '').trim().replace(/\s+/g, ' ').slice(0, SEARCH_QUERY_MAX_LENGTH).trim()

/**
 * One page of published articles matching a query (the CMS's full-text search: accents and case
 * ignored, English stems, most relevant first, newest first among equals), each with its headline
 * and a snippet whose matched words are marked. `null` when the query has no word to search for
 * or the page is out of range.
 *
 * @example
 * const results = await searchArticles({ query: 'Nunez', page: 1 })
 */
export const searchArticles = cache(
  async ({
    query,
    page,
  }: {
    query: string
    page: number
  }): Promise<SearchResults<SearchResultDoc> | null> => {
    if (queryTerms({ query }).length === 0 || page < 1 || page > SEARCH_MAX_PAGE) return null
    const params = new URLSearchParams({ q: query, page: String(page) })
    const response = await cms.request({
      method: 'GET',
      path: `/articles/search?${params}`,
      init: tagged(cacheTags.collection('articles')),
    })
    return (await response.json()) as SearchResults<SearchResultDoc>
  },
)
