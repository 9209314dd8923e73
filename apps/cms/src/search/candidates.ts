import type { Payload } from 'payload'

import type { Candidate } from '@copydesk/search/relevance'

import { SEARCH_FIELD_NAMES, SEARCH_MONTH_FIELD } from './fields'
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

/** Months read in the first round, and at most in any round after it. */
const FIRST_MONTHS = 2
const MOST_MONTHS = 24

/**
 * How many months the next round reads: as many as the matches found so far say hold the rest
 * (with a margin), between one and {@link MOST_MONTHS}; the most when none were found yet.
 *
 * @example
 * nextMonths({ found: 150, months: 2, need: 201 }) // 1: 75 a month, 51 more wanted
 * nextMonths({ found: 0, months: 2, need: 201 })   // 24
 */
export const nextMonths = ({
  found,
  months,
  need,
}: {
  found: number
  months: number
  need: number
}): number => {
  if (found === 0) return MOST_MONTHS
  const perMonth = found / months
  return Math.min(MOST_MONTHS, Math.max(1, Math.ceil(((need - found) / perMonth) * 1.2)))
}

/** The `yyyymm` keys of the `count` months ending with `from` (itself `yyyymm`), newest first. */
export const monthsBefore = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => {
    const index = Math.floor(from / 100) * 12 + (from % 100) - 1 - i
    return Math.floor(index / 12) * 100 + (index % 12) + 1
  })

/** The first instant of a `yyyymm` month. */
const monthStart = (month: number): Date =>
  new Date(Date.UTC(Math.floor(month / 100), (month % 100) - 1, 1))

/**
 * The newest `need` published matches of a text search (or all of them), with the folded fields
 * relevance is ranked on; `isComplete` says whether these are all the matches there are.
 *
 * The text index leads with the month a published story belongs to (fields.ts), and months are
 * read newest first, several at once (as many as the matches so far say are needed,
 * {@link nextMonths}), until `need` matches are in hand or no story is older. DocumentDB checks
 * every match of a text search against the rest of the query one stored document at a time
 * (about 0.07 ms each here), so the cost of a search is the matches it reads: a word in every
 * story costs a month of stories, not the archive; a rare word costs a small query per month,
 * up to two years' months at a time.
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
  const newest = now.getUTCFullYear() * 100 + now.getUTCMonth() + 1
  let read = 0
  for (let count = FIRST_MONTHS; rows.length <= need;) {
    const months = monthsBefore(newest, read + count).slice(read)
    read += count
    const limit = need + 1 - rows.length
    const [found, older] = await Promise.all([
      Promise.all(
        months.map((month) =>
          model
            .find(
              // The month key is set on published stories only: no `_status` to check.
              { [SEARCH_MONTH_FIELD]: month, $text: { $search: search } },
              {
                _id: 1,
                publishedAt: 1,
                [SEARCH_FIELD_NAMES.title]: 1,
                [SEARCH_FIELD_NAMES.dek]: 1,
                [SEARCH_FIELD_NAMES.extra]: 1,
              },
            )
            .sort({ publishedAt: -1, _id: -1 })
            .limit(limit)
            .lean<Row[]>(),
        ),
      ),
      // Whether any story is older than these months (the first one found on the date index).
      model
        .find({ publishedAt: { $lt: monthStart(months.at(-1) ?? newest) } }, { _id: 1 })
        .limit(1)
        .lean(),
    ])
    // Newest month first; within a month, newest first.
    rows.push(...found.flat().slice(0, limit))
    if (rows.length > need) break
    if (older.length === 0) {
      isComplete = true
      break
    }
    count = nextMonths({ found: rows.length, months: read, need: need + 1 })
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
