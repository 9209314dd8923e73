import type { Field } from 'payload'

import type { SearchText } from '@copydesk/search/searchText'

/** The stored name of each part of the search text (`title` → `searchTitle`). */
export const SEARCH_FIELD_NAMES = {
  title: 'searchTitle',
  dek: 'searchDek',
  extra: 'searchExtra',
  body: 'searchBody',
} as const satisfies Record<keyof SearchText, string>

export const SEARCH_VERSION_FIELD = 'searchVersion'

/**
 * The year (UTC) the article was published, the leading key of the text index: a search reads
 * one year's matches at a time, newest year first (candidates.ts), so a common word costs what
 * one year of it does, not what the whole archive does.
 */
export const SEARCH_YEAR_FIELD = 'searchYear'

/**
 * @example
 * searchYearOf('2024-07-04T12:00:00.000Z') // 2024
 * searchYearOf(null)                       // null: not published yet
 */
export const searchYearOf = (publishedAt: Date | string | null | undefined): number | null =>
  publishedAt ? new Date(publishedAt).getUTCFullYear() : null

/**
 * The folded copy of an article's text that the text index covers (see @copydesk/search's
 * searchText), one top-level field per weight. Hidden: never in the admin, the REST or GraphQL
 * output (top-level fields, because Payload still answers an empty object for a hidden group);
 * kept up to date by hooks (hooks.ts) and filled in for older documents at start (store.ts).
 */
export const searchFields = (): Field[] => [
  ...Object.values(SEARCH_FIELD_NAMES).map((name): Field => ({ name, type: 'text', hidden: true })),
  { name: SEARCH_VERSION_FIELD, type: 'number', hidden: true },
  { name: SEARCH_YEAR_FIELD, type: 'number', hidden: true },
]

/** The stored fields of a search text. */
export const searchFieldValues = ({
  text,
  version,
  publishedAt,
}: {
  text: SearchText
  version: number
  publishedAt: Date | string | null | undefined
}): Record<string, string | number | null> => ({
  ...Object.fromEntries(
    (Object.keys(SEARCH_FIELD_NAMES) as (keyof SearchText)[]).map((part) => [
      SEARCH_FIELD_NAMES[part],
      text[part],
    ]),
  ),
  [SEARCH_VERSION_FIELD]: version,
  [SEARCH_YEAR_FIELD]: searchYearOf(publishedAt),
})
