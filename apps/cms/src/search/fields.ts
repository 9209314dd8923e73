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
 * The month (UTC, as `yyyymm`) a published article belongs to in search, the leading key of the
 * text index; none for a draft. A search reads one month's matches at a time, newest first
 * (candidates.ts), so a word in every story costs what a month of stories does. That the key is
 * set only while the document is published lets the query leave out `_status`, which the engine
 * would otherwise check in each match's stored document (half the cost of a common word).
 */
export const SEARCH_MONTH_FIELD = 'searchMonth'

/**
 * @example
 * searchMonthOf({ publishedAt: '2024-07-04T12:00:00.000Z', status: 'published' }) // 202407
 * searchMonthOf({ publishedAt: '2024-07-04T12:00:00.000Z', status: 'draft' })     // null
 * searchMonthOf({ publishedAt: null, status: 'published' })                        // null
 */
export const searchMonthOf = ({
  publishedAt,
  status,
}: {
  publishedAt: Date | string | null | undefined
  status: string | null | undefined
}): number | null => {
  if (status !== 'published' || !publishedAt) return null
  const date = new Date(publishedAt)
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1
}

/**
 * The folded copy of an article's text that the text index covers (see @copydesk/search's
 * searchText), one top-level field per weight. Hidden: never in the admin, the REST or GraphQL
 * output (top-level fields, because Payload still answers an empty object for a hidden group);
 * kept up to date by hooks (hooks.ts) and filled in for older documents at start (store.ts).
 */
export const searchFields = (): Field[] => [
  ...Object.values(SEARCH_FIELD_NAMES).map((name): Field => ({ name, type: 'text', hidden: true })),
  { name: SEARCH_VERSION_FIELD, type: 'number', hidden: true },
  { name: SEARCH_MONTH_FIELD, type: 'number', hidden: true },
]

/** The stored fields of a search text. */
export const searchFieldValues = ({
  text,
  version,
  publishedAt,
  status,
}: {
  text: SearchText
  version: number
  publishedAt: Date | string | null | undefined
  status: string | null | undefined
}): Record<string, string | number | null> => ({
  ...Object.fromEntries(
    (Object.keys(SEARCH_FIELD_NAMES) as (keyof SearchText)[]).map((part) => [
      SEARCH_FIELD_NAMES[part],
      text[part],
    ]),
  ),
  [SEARCH_VERSION_FIELD]: version,
  [SEARCH_MONTH_FIELD]: searchMonthOf({ publishedAt, status }),
})
