import type { Endpoint } from 'payload'

import { articlesModel } from '../search/store'

/** Years with no published story that end the walk back through the archive. */
const EMPTY_YEARS_TO_STOP = 3
const FIRST_YEAR = 1900

export type ArchiveMonth = { year: number; month: number; count: number }

const publishedBetween = (from: Date, to: Date) => ({
  _status: 'published',
  publishedAt: { $gte: from, $lt: to },
})

/**
 * `GET /api/articles/archive`: how many stories were published in each month, newest month
 * first, months without stories left out. Walks back a year at a time from this year until three
 * years in a row are empty: one count for the year, then its twelve months counted together.
 * Every count is a range on the `{publishedAt, _status}` index, answered from the index alone;
 * grouping the stories by month instead read every story of the archive (4.4 s at 100,000).
 */
export const archiveEndpoint: Endpoint = {
  path: '/archive',
  method: 'get',
  handler: async (req) => {
    const model = articlesModel(req.payload)
    const months: ArchiveMonth[] = []
    let empty = 0
    for (
      let year = new Date().getUTCFullYear();
      year >= FIRST_YEAR && empty < EMPTY_YEARS_TO_STOP;
      year -= 1
    ) {
      const inYear = await model.countDocuments(
        publishedBetween(new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1))),
      )
      empty = inYear === 0 ? empty + 1 : 0
      if (inYear === 0) continue
      const counts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          model.countDocuments(
            publishedBetween(new Date(Date.UTC(year, i, 1)), new Date(Date.UTC(year, i + 1, 1))),
          ),
        ),
      )
      for (let month = 12; month >= 1; month -= 1) {
        const count = counts[month - 1] ?? 0
        if (count > 0) months.push({ year, month, count })
      }
    }
    return Response.json({ months })
  },
}
