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

/** Whole months the first round reads before the current one (which is read, too). */
const FIRST_FULL_MONTHS = 2
/** The most months any round after the first reads. */
const MOST_MONTHS = 24

/**
 * How many months the next round reads: as many as the matches found so far say hold the rest
 * (with a margin), between one and {@link MOST_MONTHS}; the most when none were found yet. `span`
 * is the time the months read so far cover, in months: the current month counts only its days
 * gone by, so two days into a month do not halve the rate a word is found at.
 *
 * @example
 * nextMonths({ found: 150, span: 2, need: 201 }) // 1: 75 a month, 51 more wanted
 * nextMonths({ found: 40, span: 1.1, need: 201 }) // 6: 36 a month, 161 more wanted
 * nextMonths({ found: 0, span: 2, need: 201 })   // 24
 */
export const nextMonths = ({
  found,
  span,
  need,
}: {
  found: number
  span: number
  need: number
}): number => {
  if (found === 0) return MOST_MONTHS
  const perMonth = found / span
  return Math.min(MOST_MONTHS, Math.max(1, Math.ceil(((need - found) / perMonth) * 1.2)))
}

/**
 * How much of the month `now` falls in has gone by, from 0 to 1.
 *
 * @example
 * monthElapsed(new Date('2026-12-16T12:00:00Z')) // 0.5
 */
export const monthElapsed = (now: Date): number => {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)))
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

/** The earliest instant a date can hold: the lower bound of "before" ranges. */
const EARLIEST = new Date(-8_640_000_000_000_000)

/**
 * The ranges that tell whether any story is dated before `before`, asked in turn until one holds
 * a story (`isStoryBefore`). A range on the date index costs what the stories in
 * it do (the engine gathers every entry of a range before it reads one), and "before last month"
 * is nearly the whole archive (50 ms at 100,000), so the month before `before` is asked about
 * first: a busy archive answers there, from about a month of entries. Both ranges are closed: with
 * no lower bound the engine's planner expects half the collection to match and reads it end to
 * end, which for a date before the oldest story is every story (3 s at 100,000).
 *
 * @example
 * storyBeforeRanges(new Date('2024-07-01T00:00:00Z'))
 * // [{ publishedAt: { $gte: 2024-06-01, $lt: 2024-07-01 } }, { publishedAt: { $gte: EARLIEST, $lt: 2024-06-01 } }]
 */
export const storyBeforeRanges = (before: Date) => {
  const monthEarlier = new Date(before)
  monthEarlier.setUTCMonth(monthEarlier.getUTCMonth() - 1)
  return [
    { publishedAt: { $gte: monthEarlier, $lt: before } },
    { publishedAt: { $gte: EARLIEST, $lt: monthEarlier } },
  ]
}

const isStoryBefore = async (model: ReturnType<typeof articlesModel>, before: Date) => {
  for (const range of storyBeforeRanges(before))
    if ((await model.exists(range)) !== null) return true
  return false
}

/**
 * The newest `need` published matches of a text search (or all of them), with the folded fields
 * relevance is ranked on; `isComplete` says whether these are all the matches there are.
 *
 * The text index leads with the month a published story belongs to (fields.ts), and months are
 * read newest first, several at once: the current month and the two before it, then as many as
 * the matches so far say are needed ({@link nextMonths}), until `need` matches are in hand or no
 * story is older. DocumentDB checks
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
  for (let count = 1 + FIRST_FULL_MONTHS; rows.length <= need;) {
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
      isStoryBefore(model, monthStart(months.at(-1) ?? newest)),
    ])
    // Newest month first; within a month, newest first.
    rows.push(...found.flat().slice(0, limit))
    if (rows.length > need) break
    if (!older) {
      isComplete = true
      break
    }
    count = nextMonths({
      found: rows.length,
      span: read - 1 + monthElapsed(now),
      need: need + 1,
    })
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
