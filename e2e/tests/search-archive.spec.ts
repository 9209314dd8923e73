import { mkdirSync } from 'node:fs'

import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { readerPath } from '@copydesk/types/site-urls'

import { cmsUrl, webUrl } from '../env'
import { apiSignIn, publishThroughReview } from '../workflow'

const SEED_TITLE = 'North Korean Diplomat Assigned to Cuba Defects to South Korea'
const SEED_SLUG = 'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea'
const SHOTS = process.env.SHOTS_DIR

test.use({ baseURL: webUrl, viewport: { width: 1440, height: 900 } })

const shoot = async (page: Page, name: string) => {
  if (!SHOTS) return
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

const lexical = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      textFormat: 0,
      textStyle: '',
      children: [
        { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 },
      ],
    })),
  },
})

test('a reader searching “Nunez” finds the story about Núñez, the name marked in its snippet', async ({
  page,
  request,
}) => {
  const editor = await apiSignIn(request, 'editor@example.com')
  const authors = await request.get(`${cmsUrl}/api/authors?where[slug][equals]=claire-jimenez`)
  const author = ((await authors.json()) as { docs: { id: string }[] }).docs[0]?.id
  const title = `Cuba’s grid fails again ${Date.now().toString(36)}`
  const created = await request.post(`${cmsUrl}/api/articles?draft=true`, {
    headers: { authorization: editor.authorization },
    data: {
      title,
      authors: [author],
      dek: 'The island went dark for the third time this year.',
      topics: ['Cuba'],
      body: lexical(
        'The Antonio Guiteras thermoelectric plant went offline before noon.',
        'Within minutes a nationwide blackout followed, the engineer Lázaro Núñez told reporters.',
      ),
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: string; slug: string } }
  expect((await publishThroughReview(request, { id: doc.id, editor }))?.ok()).toBe(true)

  // Published just now: in the news sitemap (two days) and the feed; the 2024 story only in the feed.
  const url = `${webUrl}${readerPath('articles', doc.slug)}`
  await expect
    .poll(async () => (await request.get(`${webUrl}/news-sitemap.xml`)).text())
    .toContain(url)
  const news = await (await request.get(`${webUrl}/news-sitemap.xml`)).text()
  expect(news).not.toContain(SEED_SLUG)
  const feed = await (await request.get(`${webUrl}/feed.xml`)).text()
  expect(feed).toContain(url)
  expect(feed).toContain(`${webUrl}${readerPath('articles', SEED_SLUG)}`)
  expect(feed.indexOf(url)).toBeLessThan(feed.indexOf(SEED_SLUG))

  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search articles' }).first().fill('Nunez')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=Nunez$/)
  const results = page.getByRole('region', { name: /result.* for “Nunez”/ })
  const hit = results.getByRole('listitem').filter({ hasText: title })
  await expect(hit.getByRole('link', { name: title })).toHaveAttribute(
    'href',
    readerPath('articles', doc.slug),
  )
  await expect(hit.locator('mark')).toHaveText(['Núñez'])
  await shoot(page, 'search-nunez')

  // The seed story, by another form of a word of its headline and body.
  await page.goto('/search?q=defecting')
  const seed = page.getByRole('listitem').filter({ hasText: SEED_TITLE })
  await expect(seed.getByRole('link', { name: SEED_TITLE })).toBeVisible()
  await expect(seed.locator('mark').first()).toHaveText(/^defect/i)
  await shoot(page, 'search-defecting')

  await page.goto('/search?q=zzyzx%20quokka')
  await expect(page.getByRole('heading', { name: 'No results for “zzyzx quokka”' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'archive by month' })).toHaveAttribute(
    'href',
    '/archive',
  )
  await shoot(page, 'search-none')
})

test('the archive of the seed story’s month lists it, two clicks from the front page', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Archive' }).click()
  await expect(page).toHaveURL(/\/archive$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Archive' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^2024/ })).toBeVisible()
  await shoot(page, 'archive')
  await page.getByRole('link', { name: 'July 2024' }).click()
  await expect(page).toHaveURL(/\/archive\/2024\/07$/)
  await expect(page.getByRole('heading', { level: 1, name: 'July 2024' })).toBeVisible()
  await expect(page.getByRole('link', { name: SEED_TITLE })).toHaveAttribute(
    'href',
    readerPath('articles', SEED_SLUG),
  )
  await shoot(page, 'archive-2024-07')

  for (const path of ['/archive/2024/7', '/archive/2024/13', '/archive/1901/01'])
    expect((await page.goto(path))?.status(), path).toBe(404)
})
