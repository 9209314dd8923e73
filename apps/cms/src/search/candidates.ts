import type { Payload } from 'payload'

import type { Candidate } from '@copydesk/search/relevance'

import { SEARCH_FIELD_NAMES } from './fields'
import { articlesModel } from './store'

/** How many matches are ranked at least: the newest this many (or all, if fewer). */
export const SEARCH_CANDIDATES = 200

/**
 * The publishedAt windows tried in turn, in days back from now; `null` is the whole archive.
 * DocumentDB re-reads every document a text search returns (and computes `textScore` per
 * document), so a common word over the whole archive reads most of it (~3 ms a document here);
 * a window on the publishedAt index bounds that to the matches of a month or a year.
 */
const WINDOWS_DAYS = [31, 366, 3660, null] as const

const DAY_MS = 86_400_000

type Row = {
  _id: unknown
  publishedAt?: Date
  searchTitle?: string
  searchDek?: string
  searchExtra?: string
}

/**
 * The newest `need` published matches of a text search (or all of them), with the folded fields
 * relevance is ranked on, from the smallest window that holds `need`; `isComplete` says whether
 * these are all the matches there are.
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
  let rows: Row[] = []
  let isComplete = false
  for (const days of WINDOWS_DAYS) {
    const since = days === null ? undefined : new Date(now.getTime() - days * DAY_MS)
    rows = await model
      .find(
        {
          $text: { $search: search },
          _status: 'published',
          ...(since ? { publishedAt: { $gte: since } } : {}),
        },
        {
          _id: 1,
          publishedAt: 1,
          [SEARCH_FIELD_NAMES.title]: 1,
          [SEARCH_FIELD_NAMES.dek]: 1,
          [SEARCH_FIELD_NAMES.extra]: 1,
        },
      )
      .sort({ publishedAt: -1, _id: -1 })
      .limit(need + 1)
      .lean<Row[]>()
    if (rows.length > need) break
    if (days === null) isComplete = true
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
