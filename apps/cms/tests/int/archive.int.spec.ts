/**
 * The date archive's counts (`GET /api/articles/archive`): published stories per month, newest
 * month first, drafts and empty months left out, across a gap of a year without stories.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { CmsServer } from '../helpers/http'
import { startCmsServer } from '../helpers/http'
import { testPayload, uid } from '../helpers/payload'

let payload: Payload
let server: CmsServer
const quietly = { context: { disableRevalidate: true } }
const thisYear = new Date().getUTCFullYear()

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const author = await payload.create({
    collection: 'authors',
    data: { name: `Archive byline ${uid()}`, _status: 'published' },
    ...quietly,
  })
  const story = (publishedAt: string, isDraft = false) =>
    payload.create({
      collection: 'articles',
      data: {
        title: `Archive story ${uid()}`,
        authors: [author.id],
        publishedAt,
        _status: isDraft ? 'draft' : 'published',
      },
      draft: isDraft,
      ...quietly,
    })
  await story(`${thisYear}-01-01T00:00:00.000Z`)
  await story(`${thisYear - 1}-07-16T12:00:00.000Z`)
  await story(`${thisYear - 1}-07-31T23:59:59.000Z`)
  await story(`${thisYear - 1}-03-01T00:00:00.000Z`)
  await story(`${thisYear - 1}-05-01T00:00:00.000Z`, true)
  // Two empty years, then one more story: the walk back does not stop at a short gap.
  await story(`${thisYear - 4}-12-31T12:00:00.000Z`)
})

afterAll(async () => {
  await server?.stop()
  for (const collection of ['articles', 'authors'] as const)
    await payload.delete({ collection, where: { id: { exists: true } }, ...quietly })
})

it('counts published stories per month, newest first, without drafts or empty months', async () => {
  const response = await fetch(`${server.url}/api/articles/archive`)
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({
    months: [
      { year: thisYear, month: 1, count: 1 },
      { year: thisYear - 1, month: 7, count: 2 },
      { year: thisYear - 1, month: 3, count: 1 },
      { year: thisYear - 4, month: 12, count: 1 },
    ],
  })
})
