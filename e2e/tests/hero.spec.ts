import { crc32, deflateSync } from 'node:zlib'

import type { APIRequestContext } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { readerUrl } from '@copydesk/types/site-urls'

import { ACCOUNTS, cmsUrl, E2E, webUrl } from '../env'
import { apiSignIn, publishThroughReview } from '../workflow'

type Doc = { id: string; slug: string }

const WIDTH = 960
const HEIGHT = 540
const ALT = 'Ministers shaking hands at the start of the talks'
const CAPTION = 'The delegations met at noon in the foreign ministry.'
const CREDIT = 'Photo: Copydesk staff'

const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A WIDTH×HEIGHT RGB PNG with a diagonal gradient, so no image library is needed. */
const gradientPng = (): Buffer => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(WIDTH, 0)
  header.writeUInt32BE(HEIGHT, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, default compression, filter and no interlace
  const rows = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT)
  for (let y = 0; y < HEIGHT; y++) {
    const row = y * (WIDTH * 3 + 1) // each row starts with filter type 0
    for (let x = 0; x < WIDTH; x++) {
      rows.set([(x * 255) / WIDTH, (y * 255) / HEIGHT, 160], row + 1 + x * 3)
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const signInAsAdmin = async (request: APIRequestContext) => {
  const res = await request.post(`${cmsUrl}/api/users/login`, {
    data: { email: ACCOUNTS[0].email, password: E2E.password },
  })
  expect(res.ok()).toBe(true)
  return { authorization: `JWT ${((await res.json()) as { token: string }).token}` }
}

test('an article with a hero image shows it through next/image, captioned and credited', async ({
  page,
  request,
}) => {
  const headers = await signInAsAdmin(request)
  const cleanups: string[] = []
  try {
    const uploaded = await request.post(`${cmsUrl}/api/media`, {
      headers,
      multipart: {
        file: { name: `hero-${Date.now()}.png`, mimeType: 'image/png', buffer: gradientPng() },
        _payload: JSON.stringify({ alt: ALT }),
      },
    })
    expect(uploaded.status(), await uploaded.text()).toBe(201)
    const media = ((await uploaded.json()) as { doc: Doc & { url: string } }).doc
    cleanups.push(`/api/media/${media.id}`)

    const author = (
      (await (
        await request.get(`${cmsUrl}/api/authors?where[slug][equals]=claire-jimenez`)
      ).json()) as { docs: Doc[] }
    ).docs[0]?.id
    const title = `Ministers open talks with a handshake ${Date.now().toString(36)}`
    // Created as a draft, then through review to the site: the only way anything is published.
    const editor = await apiSignIn(request, 'editor@example.com')
    const created = await request.post(`${cmsUrl}/api/articles?draft=true`, {
      headers,
      data: {
        title,
        authors: [author],
        dek: 'A story with a hero image, published by the end-to-end check.',
        topics: ['Photography'],
        hero: { image: media.id, caption: CAPTION, credit: CREDIT },
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const article = ((await created.json()) as { doc: Doc }).doc
    cleanups.unshift(`/api/articles/${article.id}`)
    const published = await publishThroughReview(request, { id: article.id, editor })
    expect(published?.ok(), await published?.text()).toBe(true)

    const response = await page.goto(readerUrl(webUrl, 'articles', article.slug))
    expect(response?.status()).toBe(200)

    const figure = page.locator('article figure.hero')
    const img = figure.locator('img')
    await expect(img).toHaveAttribute('alt', ALT)
    await expect(img).toHaveAttribute('src', /^\/_next\/image\?url=/)
    await expect(img).toHaveAttribute('srcset', /\/_next\/image\?url=.*\d+w/)
    // Loaded, not just present: the optimiser fetched the CMS's file and sent an image back.
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0)))
      .toBeGreaterThan(0)
    const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc)
    const optimised = await request.get(src)
    expect(optimised.status()).toBe(200)
    expect(optimised.headers()['content-type']).toMatch(/^image\//)
    expect(decodeURIComponent(new URL(src).searchParams.get('url') ?? '')).toContain(
      '/api/media/file/',
    )

    await expect(figure.locator('figcaption')).toContainText(CAPTION)
    await expect(figure.locator('figcaption')).toContainText(CREDIT)

    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
    const graph = blocks.flatMap((text) => JSON.parse(text) as Array<Record<string, unknown>>)
    const newsArticle = graph.find((node) => node['@type'] === 'NewsArticle')
    const images = [newsArticle?.image].flat() as string[]
    expect(images).toHaveLength(1)
    expect(images[0]).toMatch(new RegExp(`^${cmsUrl}/api/media/file/.+\\.png$`))
    expect((await request.get(images[0] ?? '')).status()).toBe(200)
  } finally {
    for (const path of cleanups) await request.delete(`${cmsUrl}${path}`, { headers })
  }
})
