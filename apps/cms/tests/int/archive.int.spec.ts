/**
 * The date archive's counts (`GET /api/articles/archive`): published stories per month, newest
 * month first, drafts and empty months left out, across a gap of a year without stories. And a
 * list's window counts (`GET /api/articles/counts`): several publishedAt windows of one `where`
 * in one request, published stories only, bad input refused naming the field.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { CmsServer } from '../helpers/http'
import { startCmsServer } from '../helpers/http'
import { testPayload, uid } from '../helpers/payload'

let payload: Payload
let server: CmsServer
let topic: { id: string }
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
  topic = await payload.create({
    collection: 'topics',
    data: { name: `Archive topic ${uid()}` },
    ...quietly,
  })
  const story = (publishedAt: string, isDraft = false, topics: string[] = []) =>
    payload.create({
      collection: 'articles',
      data: {
        title: `Archive story ${uid()}`,
        authors: [author.id],
        topics,
        publishedAt,
        _status: isDraft ? 'draft' : 'published',
      },
      draft: isDraft,
      ...quietly,
    })
  await story(`${thisYear}-01-01T00:00:00.000Z`)
  await story(`${thisYear - 1}-07-16T12:00:00.000Z`)
  await story(`${thisYear - 1}-07-31T23:59:59.000Z`)
  await story(`${thisYear - 1}-03-01T00:00:00.000Z`, false, [topic.id])
  await story(`${thisYear - 1}-05-01T00:00:00.000Z`, true, [topic.id])
  await story(`${thisYear - 1}-07-20T00:00:00.000Z`, false, [topic.id])
  // Two empty years, then one more story: the walk back does not stop at a short gap.
  await story(`${thisYear - 4}-12-31T12:00:00.000Z`)
})

afterAll(async () => {
  await server?.stop()
  for (const collection of ['articles', 'authors', 'topics'] as const)
    await payload.delete({ collection, where: { id: { exists: true } }, ...quietly })
})

it('counts published stories per month, newest first, without drafts or empty months', async () => {
  const response = await fetch(`${server.url}/api/articles/archive`)
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({
    months: [
      { year: thisYear, month: 1, count: 1 },
      { year: thisYear - 1, month: 7, count: 3 },
      { year: thisYear - 1, month: 3, count: 1 },
      { year: thisYear - 4, month: 12, count: 1 },
    ],
  })
})

const counts = (query: string) =>
  fetch(`${server.url}/api/articles/counts?${query}`).then(async (response) => ({
    status: response.status,
    json: (await response.json()) as { counts?: number[]; errors?: unknown[] },
  }))

it('counts a list’s stories in several windows in one request, published only', async () => {
  const last = thisYear - 1
  const windows: { from?: string; to?: string }[] = [
    {},
    { from: `${last}-01-01T00:00:00.000Z`, to: `${thisYear}-01-01T00:00:00.000Z` },
    { from: `${last}-07-01T00:00:00.000Z`, to: `${last}-08-01T00:00:00.000Z` },
    { to: `${last}-06-01T00:00:00.000Z` },
  ]
  // Both bounds of every window, an open one empty.
  const params = windows
    .flatMap((window, i) =>
      (['from', 'to'] as const).map((bound) => `windows[${i}][${bound}]=${window[bound] ?? ''}`),
    )
    .join('&')
  const all = await counts(params)
  expect(all.status).toBe(200)
  expect(all.json.counts).toEqual([6, 4, 3, 2])
  // The topic's: the draft among them is not counted.
  const topics = await counts(`where[topics][equals]=${topic.id}&${params}`)
  expect(topics.json.counts).toEqual([2, 2, 1, 1])
})

it('refuses counts without windows, with a bad date, or with too many, naming the field', async () => {
  const none = await counts('where[topics][equals]=x')
  expect(none.status).toBe(400)
  expect(JSON.stringify(none.json)).toContain('windows')
  const bad = await counts('windows[0][from]=last-tuesday')
  expect(bad.status).toBe(400)
  expect(JSON.stringify(bad.json)).toContain('windows.from')
  const many = await counts(
    Array.from({ length: 25 }, (_, i) => `windows[${i}][to]=2020-01-01T00:00:00.000Z`).join('&'),
  )
  expect(many.status).toBe(400)
  expect(JSON.stringify(many.json)).toContain('at most 24')
})
