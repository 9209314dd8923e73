import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { readerPath } from '@copydesk/types/site-urls'

import { webUrl } from '../env'

const SLUG = 'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea'
const ARTICLE = readerPath('articles', SLUG)
const TITLE = 'North Korean Diplomat Assigned to Cuba Defects to South Korea'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Every paragraph of the seed article, straight from its content file. */
const seedParagraphs = (): string[] => {
  const file = readFileSync(path.resolve(here, `../../content/articles/${SLUG}.md`), 'utf8')
  const body = file.split(/^---$/m).slice(2).join('---')
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('## '))
}

const QUESTIONS = [
  'Why did Ri Il-gyu decide to defect from North Korea?',
  'How did Ri Il-gyu manage to escape from Cuba to South Korea?',
  "What was Ri Il-gyu's role at the North Korean Embassy in Havana?",
  'How has this defection impacted North Korea-South Korea relations?',
]

const keepScreenshot = async (page: Page, testInfo: TestInfo, name: string) => {
  const file = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
}

test.use({ baseURL: webUrl })

test('the front page leads to the seeded article', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: TITLE }).first().click()
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE)
})

test('the article shows every word of the story, its byline, date and Key Questions', async ({
  page,
}) => {
  const response = await page.goto(ARTICLE)
  expect(response?.status()).toBe(200)
  const body = page.locator('article .body')
  const paragraphs = seedParagraphs()
  expect(paragraphs).toHaveLength(11)
  for (const paragraph of paragraphs) await expect(body).toContainText(paragraph)
  await expect(body.getByRole('heading', { level: 2 })).toHaveText('Reasons Behind the Defection')

  const byline = page.locator('.byline').getByRole('link', { name: 'Claire Jimenez' })
  await expect(byline).toHaveAttribute('href', '/authors/claire-jimenez')
  await expect(page.locator('.dateline')).toHaveText('Published Tuesday, July 16, 2024')
  await expect(page.locator('.source')).toContainText('CubaHeadlines')

  const section = page.locator('.key-questions')
  await expect(section.getByRole('heading', { level: 2 })).toHaveText(
    "Key Questions About the North Korean Diplomat's Defection",
  )
  await expect(section).toContainText('Below, we address some of these critical questions.')
  await expect(section.locator('summary')).toHaveText(QUESTIONS)
})

test('each Key Question opens and closes from the keyboard', async ({ page }) => {
  await page.goto(ARTICLE)
  const details = page.locator('.key-questions details')
  await expect(details).toHaveCount(4)
  for (let i = 0; i < 4; i++) {
    const item = details.nth(i)
    await item.locator('summary').focus()
    await expect(item).not.toHaveAttribute('open')
    await page.keyboard.press('Enter')
    await expect(item).toHaveAttribute('open', '')
    await expect(item.locator('p').first()).toBeVisible()
    await page.keyboard.press('Space')
    await expect(item).not.toHaveAttribute('open')
  }
})

test("the author's page lists the article", async ({ page }) => {
  await page.goto(ARTICLE)
  await page.locator('.byline').getByRole('link', { name: 'Claire Jimenez' }).click()
  await expect(page).toHaveURL(/\/authors\/claire-jimenez$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claire Jimenez')
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible()
})

test('structured data parses with the right types', async ({ page }) => {
  await page.goto(ARTICLE)
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  const data = blocks.flatMap((text) => [JSON.parse(text)].flat()) as {
    '@type': string
    [k: string]: unknown
  }[]
  expect(data.map((d) => d['@type']).sort()).toEqual(['BreadcrumbList', 'FAQPage', 'NewsArticle'])
  const article = data.find((d) => d['@type'] === 'NewsArticle')
  expect(article).toMatchObject({
    headline: TITLE,
    datePublished: '2024-07-16T12:00:00.000Z',
    author: [{ '@type': 'Person', name: 'Claire Jimenez' }],
    publisher: { '@type': 'Organization' },
  })
  const faq = data.find((d) => d['@type'] === 'FAQPage') as unknown as {
    mainEntity: { name: string }[]
  }
  expect(faq.mainEntity.map((q) => q.name)).toEqual(QUESTIONS)

  await page.goto('/authors/claire-jimenez')
  const person = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  )
  expect(person).toMatchObject({ '@type': 'Person', name: 'Claire Jimenez' })
})

test('the article has a canonical URL, a description and social cards', async ({ page }) => {
  await page.goto(ARTICLE)
  await expect(page).toHaveTitle(`${TITLE} · Copydesk`)
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${webUrl}${ARTICLE}`)
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    /^A high-ranking North Korean diplomat/,
  )
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', /summary/)
})

test('sitemap, news sitemap, feed and robots are well-formed and list the article', async ({
  page,
  request,
}) => {
  const parse = async (url: string) => {
    const res = await request.get(url)
    expect(res.status()).toBe(200)
    const xml = await res.text()
    const errors = await page.evaluate(
      (source) =>
        new DOMParser()
          .parseFromString(source, 'application/xml')
          .getElementsByTagName('parsererror').length,
      xml,
    )
    expect(errors, `${url} parses as XML`).toBe(0)
    return xml
  }
  await page.goto('/robots.txt')
  // An index of child sitemaps (the pages, then a month at a time); the article is in its month's.
  const index = await parse('/sitemap.xml')
  expect(index).toContain('<sitemapindex')
  const children = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '')
  expect(children).toContain(`${webUrl}/sitemaps/pages.xml`)
  expect(children).toContain(`${webUrl}/sitemaps/articles-2024-07.xml`)
  expect(await parse(new URL('/sitemaps/articles-2024-07.xml', webUrl).pathname)).toContain(
    `${webUrl}${ARTICLE}`,
  )
  expect(await parse('/sitemaps/pages.xml')).toContain(`${webUrl}/authors/claire-jimenez`)
  await parse('/news-sitemap.xml')
  const feed = await parse('/feed.xml')
  expect(feed).toContain('<rss version="2.0"')
  expect(feed).toContain(`${webUrl}${ARTICLE}`)
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toContain(`Sitemap: ${webUrl}/sitemap.xml`)
  expect(robots).toContain(`Sitemap: ${webUrl}/news-sitemap.xml`)
})

test('an unknown article is a 404 with a way back', async ({ page }) => {
  const response = await page.goto('/articles/no-such-story')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page')
  await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible()
})

test('search finds the article by a word of its headline', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search articles' }).first().fill('diplomat')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=diplomat/)
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible()
})

for (const [name, url] of [
  ['home', '/'],
  ['article', ARTICLE],
  ['author', '/authors/claire-jimenez'],
  ['not-found', '/articles/no-such-story'],
] as const) {
  test(`no serious or critical accessibility violations: ${name}`, async ({ page }) => {
    await page.goto(url)
    const { violations } = await new AxeBuilder({ page }).analyze()
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
  })
}

for (const width of [375, 1280]) {
  test(`screenshots at ${width}px`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 })
    await page.goto('/')
    await keepScreenshot(page, testInfo, `home-${width}`)
    await page.goto(ARTICLE)
    await page.locator('.key-questions details').first().locator('summary').click()
    await keepScreenshot(page, testInfo, `article-${width}`)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0)
  })
}
