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
 * The folded copy of an article's text that the text index covers (see @copydesk/search's
 * searchText), one top-level field per weight. Hidden: never in the admin, the REST or GraphQL
 * output (top-level fields, because Payload still answers an empty object for a hidden group);
 * kept up to date by hooks (hooks.ts) and filled in for older documents at start (store.ts).
 */
export const searchFields = (): Field[] => [
  ...Object.values(SEARCH_FIELD_NAMES).map((name): Field => ({ name, type: 'text', hidden: true })),
  { name: SEARCH_VERSION_FIELD, type: 'number', hidden: true },
]

/** The stored fields of a search text. */
export const searchFieldValues = ({
  text,
  version,
}: {
  text: SearchText
  version: number
}): Record<string, string | number> => ({
  ...Object.fromEntries(
    (Object.keys(SEARCH_FIELD_NAMES) as (keyof SearchText)[]).map((part) => [
      SEARCH_FIELD_NAMES[part],
      text[part],
    ]),
  ),
  [SEARCH_VERSION_FIELD]: version,
})
