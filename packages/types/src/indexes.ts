/**
 * The database indexes the reader site relies on, one list both apps read: the CMS declares them
 * on its collections (field `index: true` for one field, the collection's `indexes` for several),
 * and the site's query test (apps/web/src/lib/cms/queries.test.ts) checks that every query it runs
 * filters on the first field of one of them.
 *
 * Why it matters: the local engine (DocumentDB) does not sort through an index. "The newest 20
 * published" over 100,000 stories reads and sorts all of them (about 1 s), while the same query
 * narrowed first by an indexed field (a topic, an author, a date window) reads only what matches
 * (about 17 ms). On MongoDB the compound indexes also serve the sort.
 *
 * The compound indexes hold `_status` after the field a list narrows by: readers' access adds
 * "published only" to every query the site sends, and with `_status` in the same index the engine
 * answers the whole filter (and a count) from the index. Without it, DocumentDB checks each
 * match's status in the stored document, or intersects with an index of every story's status:
 * 2–4 times the cost of a count, and most of a deep topic page's time at 100,000 stories. A story
 * by its slug is no exception: `{slug, _status}` answers it alone.
 *
 * The local engine builds these as ordered composite keys (packages/devdb), so an equality on the
 * leading fields and a range on the last read just the matching range of one index.
 *
 * @example
 * isNarrowingField({ collection: 'articles', field: 'topics' }) // true
 * isNarrowingField({ collection: 'articles', field: '_status' }) // false
 */
export const SITE_INDEXES = {
  articles: [
    ['slug'],
    ['slug', '_status'],
    ['publishedAt'],
    ['publishedAt', '_status'],
    ['topics', '_status', 'publishedAt'],
    ['authors', '_status', 'publishedAt'],
  ],
  topics: [['slug'], ['name']],
  authors: [['slug']],
  faqs: [['slug']],
} as const satisfies Record<string, readonly (readonly string[])[]>

export type IndexedCollection = keyof typeof SITE_INDEXES

/** The collection's indexes on more than one field, in Payload's `indexes` shape. */
export const compoundIndexes = (collection: IndexedCollection): { fields: string[] }[] =>
  SITE_INDEXES[collection]
    .filter((fields) => fields.length > 1)
    .map((fields) => ({ fields: [...fields] }))

/** Whether a filter on `field` narrows a query through an index (it leads one). */
export const isNarrowingField = ({
  collection,
  field,
}: {
  collection: string
  field: string
}): boolean =>
  collection in SITE_INDEXES &&
  SITE_INDEXES[collection as IndexedCollection].some((fields) => fields[0] === field)
