import type { APIRequestContext } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { readerUrl } from '@copydesk/types/site-urls'

import { cmsUrl, E2E, webUrl } from '../env'
import { apiSignIn, workflowAction } from '../workflow'

type Doc = { id: string; slug: string }

const signIn = (request: APIRequestContext) => apiSignIn(request, 'editor@example.com')

const authorId = async (request: APIRequestContext) => {
  const res = await request.get(`${cmsUrl}/api/authors?where[slug][equals]=claire-jimenez`)
  return ((await res.json()) as { docs: Doc[] }).docs[0]?.id
}

/** Polls a site URL until it answers `status`, returning the milliseconds it took. */
const waitForStatus = async (
  request: APIRequestContext,
  url: string,
  status: number,
  since: number,
) => {
  const deadline = since + 15_000
  while (Date.now() < deadline) {
    const res = await request.get(url, { maxRedirects: 0 })
    if (res.status() === status) return Date.now() - since
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${url} did not answer ${status} within 15 s`)
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

test('a published article is on the site within a second, and gone once unpublished', async ({
  request,
}, testInfo) => {
  test.setTimeout(120_000)
  const headers = await signIn(request)
  const author = await authorId(request)
  const delays: number[] = []

  for (let run = 1; run <= 5; run++) {
    const title = `Ministers meet for talks, take ${run} ${Date.now().toString(36)}`
    const created = await request.post(`${cmsUrl}/api/articles?draft=true`, {
      headers: { authorization: headers.authorization },
      data: {
        title,
        authors: [author],
        dek: 'A story published by the end-to-end check.',
        topics: ['Politics'],
      },
    })
    expect(created.status()).toBe(201)
    const { doc } = (await created.json()) as { doc: Doc }
    const url = readerUrl(webUrl, 'articles', doc.slug)
    await workflowAction(request, {
      id: doc.id,
      headers,
      action: 'submit',
      reviewer: headers.userId,
    })
    await workflowAction(request, { id: doc.id, headers, action: 'approve' })
    // Measured from the Publish action: the moment an editor presses the button.
    const publishedAt = Date.now()
    expect((await workflowAction(request, { id: doc.id, headers, action: 'publish' })).ok()).toBe(
      true,
    )
    delays.push(await waitForStatus(request, url, 200, publishedAt))

    if (run === 1) {
      const home = await (await request.get(`${webUrl}/`)).text()
      expect(home).toContain(title)
      const unpublished = await workflowAction(request, {
        id: doc.id,
        headers,
        action: 'unpublish',
        note: 'Checked by the end-to-end run.',
      })
      expect(unpublished.ok()).toBe(true)
      await waitForStatus(request, url, 404, Date.now())
      expect(await (await request.get(`${webUrl}/`)).text()).not.toContain(title)
      expect(await (await request.get(`${webUrl}/sitemap.xml`)).text()).not.toContain(doc.slug)
      expect(await (await request.get(`${webUrl}/feed.xml`)).text()).not.toContain(doc.slug)
    }
    await request.delete(`${cmsUrl}/api/articles/${doc.id}`, {
      headers: { authorization: headers.authorization },
    })
  }

  const result = { delaysMs: delays, medianMs: median(delays) }
  console.log(`publish to visible: ${JSON.stringify(result)}`)
  testInfo.annotations.push({ type: 'publish-to-visible-ms', description: JSON.stringify(result) })
  expect(result.medianMs).toBeLessThanOrEqual(1000)
})

test('a draft created through the API never reaches the site', async ({ request }) => {
  const headers = await signIn(request)
  const created = await request.post(`${cmsUrl}/api/articles?draft=true`, {
    headers: { authorization: headers.authorization },
    data: {
      title: `An unreleased draft ${Date.now().toString(36)}`,
      authors: [await authorId(request)],
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = (await created.json()) as { doc: Doc }
  expect((await request.get(readerUrl(webUrl, 'articles', doc.slug))).status()).toBe(404)
  expect(await (await request.get(`${webUrl}/`)).text()).not.toContain(doc.slug)
  expect(await (await request.get(`${webUrl}/search?q=unreleased`)).text()).not.toContain(
    'An unreleased draft',
  )
  await request.delete(`${cmsUrl}/api/articles/${doc.id}`, {
    headers: { authorization: headers.authorization },
  })
})

test('the revalidation endpoint refuses a missing secret and a malformed body', async ({
  request,
}) => {
  expect(
    (await request.post(`${webUrl}/api/revalidate`, { data: { tags: ['articles'] } })).status(),
  ).toBe(401)
  const authorised = { authorization: `Bearer ${E2E.revalidateSecret}` }
  const bad = await request.post(`${webUrl}/api/revalidate`, {
    headers: authorised,
    data: { tags: 'articles' },
  })
  expect(bad.status()).toBe(400)
  expect(((await bad.json()) as { error: string }).error).toMatch(/^tags:/)
  const ok = await request.post(`${webUrl}/api/revalidate`, {
    headers: authorised,
    data: { tags: ['articles'] },
  })
  expect(ok.status()).toBe(200)
})
