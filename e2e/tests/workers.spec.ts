import type { APIRequestContext } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { createClient } from 'redis'

import { readerUrl } from '@copydesk/types/site-urls'

import { cmsUrl, redisUrl, webWorkerUrls } from '../env'
import { apiSignIn, publishThroughReview, workflowAction } from '../workflow'

// The site runs as two `next start` workers sharing one Redis cache (packages/origin), as
// `npm run start` runs it. The CMS tells only the first about a publish; the second must follow.

type Doc = { id: string; slug: string; authors?: unknown[]; topics?: unknown[] }

const SEED_SLUG = 'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea'

/** Polls until `check` holds on every worker; returns the milliseconds from `since`. */
const everyWorker = async (
  request: APIRequestContext,
  since: number,
  check: (url: string) => Promise<boolean>,
) => {
  const deadline = since + 15_000
  const pending = new Set(webWorkerUrls)
  while (pending.size > 0) {
    if (Date.now() > deadline) throw new Error(`not on ${[...pending].join(', ')} within 15 s`)
    for (const url of [...pending]) if (await check(url)) pending.delete(url)
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return Date.now() - since
}

const status = (request: APIRequestContext, url: string) =>
  request.get(url, { maxRedirects: 0 }).then((res) => res.status())

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN

test('both workers serve the site, and their pages are kept in the shared Redis cache', async ({
  request,
}) => {
  expect(webWorkerUrls).toHaveLength(2)
  for (const url of webWorkerUrls) {
    const res = await request.get(readerUrl(url, 'articles', SEED_SLUG))
    expect(res.status()).toBe(200)
    expect(await res.text()).toContain('Defects to South Korea')
  }
  const redis = createClient({ url: redisUrl })
  await redis.connect()
  try {
    const keys: string[] = []
    for await (const key of redis.scanIterator({ MATCH: 'copydesk:*', COUNT: 500 })) keys.push(key)
    expect(keys.some((key) => key.includes(SEED_SLUG))).toBe(true)
  } finally {
    await redis.quit()
  }
})

test('a publish and an unpublish reach every worker within a second', async ({
  request,
}, testInfo) => {
  test.setTimeout(180_000)
  const editor = await apiSignIn(request, 'editor@example.com')
  const seed = (await (
    await request.get(`${cmsUrl}/api/articles?where[slug][equals]=${SEED_SLUG}&depth=0`)
  ).json()) as { docs: Doc[] }
  const model = seed.docs[0]
  expect(model).toBeDefined()

  const shown: number[] = []
  const gone: number[] = []
  for (let run = 1; run <= 3; run++) {
    const title = `Port authority reopens the harbour, take ${run} ${Date.now().toString(36)}`
    const created = await request.post(`${cmsUrl}/api/articles?draft=true`, {
      headers: { authorization: editor.authorization },
      data: {
        title,
        authors: model?.authors,
        topics: model?.topics,
        dek: 'A story published while two site workers are running.',
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const { doc } = (await created.json()) as { doc: Doc }
    const articleUrl = (site: string) => readerUrl(site, 'articles', doc.slug)

    // Each worker has the front page and the story's 404 cached before the publish.
    for (const site of webWorkerUrls) {
      expect(await (await request.get(`${site}/`)).text()).not.toContain(title)
      expect(await status(request, articleUrl(site))).toBe(404)
    }

    const before = Date.now()
    const published = await publishThroughReview(request, { id: doc.id, editor })
    expect(published?.ok(), await published?.text()).toBe(true)
    // From the Publish answer: the moment the editor sees it done.
    const publishedAt = Date.now()
    shown.push(
      await everyWorker(request, publishedAt, async (site) => {
        if ((await status(request, articleUrl(site))) !== 200) return false
        return (await (await request.get(`${site}/`)).text()).includes(title)
      }),
    )
    expect(publishedAt - before).toBeLessThan(30_000)

    const unpublished = await workflowAction(request, {
      id: doc.id,
      headers: editor,
      action: 'unpublish',
      note: 'Published by the two-worker check; taken down again.',
    })
    expect(unpublished.ok(), await unpublished.text()).toBe(true)
    const unpublishedAt = Date.now()
    gone.push(
      await everyWorker(
        request,
        unpublishedAt,
        async (site) => (await status(request, articleUrl(site))) === 404,
      ),
    )
  }

  testInfo.annotations.push({
    type: 'publish-to-visible on every worker (ms)',
    description: `publish ${shown.join(', ')}; unpublish ${gone.join(', ')}`,
  })
  console.log(
    `two workers: publish visible after ${shown.join(', ')} ms; gone after ${gone.join(', ')} ms`,
  )
  expect(median(shown)).toBeLessThanOrEqual(1000)
  expect(median(gone)).toBeLessThanOrEqual(1000)
})
