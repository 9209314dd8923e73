import type { SnippetPart } from './snippet'

/** Results per page of a search, and the limits of a query. */
export const SEARCH_PAGE_SIZE = 10
export const SEARCH_MAX_PAGE = 100
export const SEARCH_QUERY_MAX_LENGTH = 200

/** One result: the document, its headline with the matched words marked, and a snippet. */
export type SearchHit<TDoc> = { doc: TDoc; title: SnippetPart[]; snippet: SnippetPart[] }

/** A page of results, as `GET /api/articles/search` answers (Payload's pagination fields). */
export type SearchResults<TDoc> = {
  docs: SearchHit<TDoc>[]
  /** The folded words that were searched for. */
  terms: string[]
  /** The matches found: all of them when `isTotalExact`, else the newest this many (more exist). */
  totalDocs: number
  isTotalExact: boolean
  limit: number
  page: number
  totalPages: number
  hasPrevPage: boolean
  hasNextPage: boolean
}
