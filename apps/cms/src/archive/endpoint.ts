import type { Endpoint } from 'payload'

import { articlesModel } from '../search/store'

/** Years with no published story that end the walk back through the archive. */
const EMPTY_YEARS_TO_STOP = 3
const FIRST_YEAR = 1900

export type ArchiveMonth = { year: number; month: number; count: number }

/**
 * `GET /api/articles/archive`: how many stories were published in each month, newest month
 * first, months without stories left out. Counted one year at a time, each a publishedAt window
 * on its index, walking back from this year until three years in a row are empty, so it never
 * reads the whole collection at once.
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
      const counts = await model.aggregate<{ _id: number; count: number }>([
        {
          $match: {
            _status: 'published',
            publishedAt: {
              $gte: new Date(Date.UTC(year, 0, 1)),
              $lt: new Date(Date.UTC(year + 1, 0, 1)),
            },
          },
        },
        { $group: { _id: { $month: '$publishedAt' }, count: { $sum: 1 } } },
      ])
      empty = counts.length === 0 ? empty + 1 : 0
      for (const { _id: month, count } of counts.sort((a, b) => b._id - a._id))
        months.push({ year, month, count })
    }
    return Response.json({ months })
  },
}
