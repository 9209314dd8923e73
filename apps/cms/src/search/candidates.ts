import type { Payload } from 'payload'

import type { Candidate } from '@copydesk/search/relevance'

import { SEARCH_FIELD_NAMES, SEARCH_YEAR_FIELD } from './fields'
import { articlesModel } from './store'

/** How many matches are ranked at least: the newest this many (or all, if fewer). */
export const SEARCH_CANDIDATES = 200

type Row = {
  _id: unknown
  publishedAt?: Date
  searchTitle?: string
  searchDek?: string
  searchExtra?: string
}

/**
 * The newest `need` published matches of a text search (or all of them), with the folded fields
 * relevance is ranked on; `isComplete` says whether these are all the matches there are.
 *
 * The text index leads with the publication year (store.ts), and the years are read one at a
 * time, newest first, until `need` matches are in hand or no story is older. DocumentDB checks
 * every match of a text search against the rest of the filter one document at a time (about
 * 0.1 ms each here, and more for each one returned), so a word in half the archive cost what
 * half the archive does; now it costs what one year of it does. A rare word costs one small
 * query per year of the archive.
 */
export const findCandidates = async ({
  payload,
  search,
  need,
  now = new Date(),
}: {
  payload: Payload
  search: string
  need: number
  now?: Date
}): Promise<{ candidates: Candidate[]; isComplete: boolean }> => {
  const model = articlesModel(payload)
  const rows: Row[] = []
  let isComplete = false
  for (let year = now.getUTCFullYear(); rows.length <= need; year -= 1) {
    const found = await model
      .find(
        { [SEARCH_YEAR_FIELD]: year, $text: { $search: search }, _status: 'published' },
        {
          _id: 1,
          publishedAt: 1,
          [SEARCH_FIELD_NAMES.title]: 1,
          [SEARCH_FIELD_NAMES.dek]: 1,
          [SEARCH_FIELD_NAMES.extra]: 1,
        },
      )
      .sort({ publishedAt: -1, _id: -1 })
      .limit(need + 1 - rows.length)
      .lean<Row[]>()
    rows.push(...found)
    if (rows.length > need) break
    // Stop at the oldest year: no story dated before this one (a count on the date index).
    const older = await model.countDocuments({
      publishedAt: { $lt: new Date(Date.UTC(year, 0, 1)) },
    })
    if (older === 0) {
      isComplete = true
      break
    }
  }
  return {
    candidates: rows.slice(0, need).map((row) => ({
      id: String(row._id),
      publishedAt: row.publishedAt ? row.publishedAt.toISOString() : '',
      title: row.searchTitle ?? '',
      dek: row.searchDek ?? '',
      extra: row.searchExtra ?? '',
    })),
    isComplete,
  }
}
