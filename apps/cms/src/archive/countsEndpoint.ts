import type { Endpoint, Where } from 'payload'
import { ValidationError } from 'payload'
import { z } from 'zod'

import { COUNTS_MAX_WINDOWS } from '@copydesk/types/contract'

// An empty bound (`windows[0][from]=`) is an open one: how an all-open window is sent.
const instant = (name: string) =>
  z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.iso
      .datetime({ message: `“${name}” must be an ISO date-time, like 2024-07-01T00:00:00.000Z.` })
      .optional(),
  )

const countsParams = z.object({
  windows: z
    .array(z.object({ from: instant('windows.from'), to: instant('windows.to') }), {
      error: '“windows” is required: the publishedAt windows to count, as windows[i][from|to].',
    })
    .min(1, '“windows” must hold at least one window.')
    .max(COUNTS_MAX_WINDOWS, `“windows” holds at most ${COUNTS_MAX_WINDOWS} windows.`),
  where: z.record(z.string(), z.unknown()).optional(),
})

/**
 * `GET /api/articles/counts?where=…&windows[0][from]=…&windows[0][to]=…`: how many stories match
 * `where` (Payload's REST `where`, as `/api/articles/count` takes it) within each publishedAt
 * window `[from, to)` (a missing bound is open), in the windows' order. The reader site locates a
 * page of a long list by such counts (apps/web's lib/cms/lists.ts); asked one REST request each,
 * twelve months' counts cost twelve times Payload's per-request work, here they cost it once and
 * run in the database together. Each count is Payload's own (`payload.count`), under the caller's
 * access: readers count published stories only, and a `where` on a field they may not read is
 * refused as it is by `/count`.
 */
export const countsEndpoint: Endpoint = {
  path: '/counts',
  method: 'get',
  handler: async (req) => {
    const parsed = countsParams.safeParse({
      windows: (req.query as Record<string, unknown>).windows,
      where: (req.query as Record<string, unknown>).where,
    })
    if (!parsed.success)
      throw new ValidationError({
        collection: 'articles',
        errors: parsed.error.issues.map((issue) => ({
          path: issue.path.filter((part) => typeof part === 'string').join('.') || 'windows',
          message: issue.message,
        })),
      })
    const { windows, where } = parsed.data
    const counts = await Promise.all(
      windows.map(async ({ from, to }) => {
        const clauses: Where[] = [
          ...(where ? [where as Where] : []),
          ...(from ? [{ publishedAt: { greater_than_equal: from } }] : []),
          ...(to ? [{ publishedAt: { less_than: to } }] : []),
        ]
        const { totalDocs } = await req.payload.count({
          collection: 'articles',
          where: clauses.length === 1 ? clauses[0] : { and: clauses },
          overrideAccess: false,
          req,
        })
        return totalDocs
      }),
    )
    return Response.json({ counts })
  },
}
