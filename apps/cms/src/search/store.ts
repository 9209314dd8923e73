import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Payload, PayloadRequest, Where } from 'payload'

import type { SearchText } from '@copydesk/search/searchText'
import { SEARCH_TEXT_VERSION, SEARCH_WEIGHTS } from '@copydesk/search/searchText'

import { SEARCH_FIELD_NAMES, SEARCH_MONTH_FIELD, SEARCH_VERSION_FIELD } from './fields'
import { searchTextsFor } from './searchTextFor'

export const TEXT_INDEX_NAME = 'articles_search_text'

/**
 * The Mongoose model of the articles collection. Payload's REST `where` has no `$text`, so the
 * search query and the index go through the adapter's model directly.
 */
export const articlesModel = (payload: Payload) => {
  const model = (payload.db as unknown as MongooseAdapter).collections.articles
  if (!model) throw new Error('Search needs the MongoDB adapter’s articles model.')
  return model
}

const parts = Object.keys(SEARCH_WEIGHTS) as (keyof SearchText)[]
// The month first: a query names one month (an equality, as MongoDB requires of a text index's
// leading keys) and reads only that month's entries.
const indexKeys: Record<string, 1 | 'text'> = {
  [SEARCH_MONTH_FIELD]: 1,
  ...Object.fromEntries(parts.map((part) => [SEARCH_FIELD_NAMES[part], 'text' as const])),
}
const indexOptions = {
  name: TEXT_INDEX_NAME,
  // Building it over a large archive takes minutes on the local engine (about 1.5 ms a story),
  // longer than its default command timeout (two minutes).
  maxTimeMS: 60 * 60 * 1000,
  default_language: 'english',
  weights: Object.fromEntries(
    parts.map((part) => [SEARCH_FIELD_NAMES[part], SEARCH_WEIGHTS[part]]),
  ),
}

/**
 * Creates the weighted text index over the folded search text, replacing an older definition
 * (other weights) if there is one. A collection holds one text index at most.
 */
export const ensureTextIndex = async ({ payload }: { payload: Payload }): Promise<void> => {
  const { collection } = articlesModel(payload)
  try {
    await collection.createIndex(indexKeys, indexOptions)
  } catch (error) {
    // IndexOptionsConflict / IndexKeySpecsConflict: an index of that name with other options.
    const code = (error as { code?: number }).code
    if (code !== 85 && code !== 86) throw error
    await collection.dropIndex(TEXT_INDEX_NAME)
    await collection.createIndex(indexKeys, indexOptions)
  }
}

/** Recomputes and stores the search text of the articles matching `where` (all versions kept). */
export const refreshSearchText = async ({
  payload,
  where,
  req,
}: {
  payload: Payload
  where: Where
  req?: PayloadRequest
}): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'articles',
    where,
    select: {
      title: true,
      dek: true,
      body: true,
      authors: true,
      faqs: true,
      publishedAt: true,
      _status: true,
    },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const fields = await searchTextsFor({ articles: docs, payload, req })
  // Straight to the database: a derived field is no edit, so no version, hook or revalidation.
  if (docs.length > 0)
    await articlesModel(payload).bulkWrite(
      docs.map((article, i) => ({
        updateOne: { filter: { _id: article.id }, update: { $set: fields[i] ?? {} } },
      })),
    )
  return docs.length
}

const BATCH = 200

/**
 * Fills in the search text of articles saved before it existed, or computed by an older
 * SEARCH_TEXT_VERSION. Idempotent: run at every start, it finds nothing to do once done.
 */
export const backfillSearchText = async ({ payload }: { payload: Payload }): Promise<number> => {
  const model = articlesModel(payload)
  let done = 0
  let after: unknown
  for (;;) {
    const stale = await model
      .find(
        {
          [SEARCH_VERSION_FIELD]: { $ne: SEARCH_TEXT_VERSION },
          ...(after === undefined ? {} : { _id: { $gt: after } }),
        },
        { _id: 1 },
      )
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean()
    const last = stale.at(-1)
    if (!last) return done
    after = last._id
    done += await refreshSearchText({
      payload,
      where: { id: { in: stale.map((doc) => String(doc._id)) } },
    })
  }
}
