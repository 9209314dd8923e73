import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { readerPath } from '@copydesk/types/site-urls'

import { webUrl } from '../env'
import { runImport } from '../seed'

test.use({ baseURL: webUrl })

const STORIES = 45
const PER_PAGE = 20

/** Headlines on a list page, in order. */
const headlinesOf = (html: string, id: string): string[] =>
  [...html.matchAll(new RegExp(`Paged story ${id} (\\d+)<`, 'g'))].map((m) => m[1] ?? '')

test('a topic and an author page through their stories: numbered, no overlap, no gap, 404 past the end', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000)
  const id = Math.random().toString(36).slice(2, 8)
  const topicSlug = `paging-${id}`
  const authorSlug = `pager-${id}`
  // An author and stories of their own, and dates in 2007–2008, so the specs that read the front
  // page, the seed author and the seed topics see nothing of them.
  const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-paging-'))
  try {
    for (const kind of ['articles', 'authors', 'topics']) mkdirSync(path.join(folder, kind))
    writeFileSync(
      path.join(folder, 'authors', `${authorSlug}.md`),
      `---\nname: Pager ${id}\nslug: ${authorSlug}\n---\n`,
    )
    writeFileSync(
      path.join(folder, 'topics', `${topicSlug}.md`),
      `---\nname: Paging ${id}\nslug: ${topicSlug}\n---\n\nStories written to fill three pages.\n`,
    )
    for (let n = 1; n <= STORIES; n += 1) {
      // Twenty in 2007 and twenty-five in 2008, over January and February: with the site's
      // lists read a window at a time past ten stories, page 1 lies in one busy year (read from
      // its months) and page 2 spans two years.
      const year = n <= 20 ? 2007 : 2008
      const day = new Date(Date.UTC(year, 0, n)).toISOString().slice(0, 10)
      writeFileSync(
        path.join(folder, 'articles', `paged-story-${id}-${n}.md`),
        [
          '---',
          `title: Paged story ${id} ${n}`,
          `slug: paged-story-${id}-${n}`,
          `authors: [${authorSlug}]`,
          `publishedAt: ${day}`,
          'topics:',
          `  - Paging ${id}`,
          '---',
          '',
          `Story number ${n}.`,
          '',
        ].join('\n'),
      )
    }
    const run = runImport(folder)
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }

  for (const base of [readerPath('topics', topicSlug), readerPath('authors', authorSlug)]) {
    const seen: string[] = []
    for (let n = 1; n <= 3; n += 1) {
      const url = n === 1 ? base : `${base}?page=${n}`
      const response = await request.get(url)
      expect(response.status(), url).toBe(200)
      const html = await response.text()
      const headlines = headlinesOf(html, id)
      // Newest first; each page takes up exactly where the previous one ended.
      const expected = Array.from(
        { length: Math.min(PER_PAGE, STORIES - (n - 1) * PER_PAGE) },
        (_, i) => String(STORIES - (n - 1) * PER_PAGE - i),
      )
      expect(headlines, url).toEqual(expected)
      seen.push(...headlines)
      // rel=prev/next in the head, pointing at stable addresses.
      const prev = n === 2 ? base : `${base}?page=${n - 1}`
      expect(html.includes(`<link rel="prev" href="${prev}"/>`), `${url} prev`).toBe(n > 1)
      expect(html.includes(`<link rel="next" href="${base}?page=${n + 1}"/>`), `${url} next`).toBe(
        n < 3,
      )
    }
    expect(new Set(seen).size).toBe(STORIES)
    expect((await request.get(`${base}?page=4`)).status()).toBe(404)
  }

  // What a reader sees and clicks.
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(readerPath('topics', topicSlug))
  const pager = page.getByRole('navigation', { name: `Paging ${id}: pages` })
  await expect(pager.getByRole('link', { name: '3' })).toBeVisible()
  await expect(pager.locator('[aria-current="page"]')).toHaveText('1')
  await expect(pager.getByRole('link', { name: /Newer/ })).toHaveCount(0)
  const file = testInfo.outputPath('topic-page-1.png')
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach('topic-page-1', { path: file, contentType: 'image/png' })

  await pager.getByRole('link', { name: /Older/ }).click()
  await expect(page).toHaveURL(`${webUrl}${readerPath('topics', topicSlug)}?page=2`)
  await expect(page.getByRole('heading', { name: `Paged story ${id} 25` })).toBeVisible()
  await page
    .getByRole('navigation', { name: `Paging ${id}: pages` })
    .getByRole('link', { name: '3' })
    .click()
  await expect(
    page.getByRole('heading', { name: `Paged story ${id} 1`, exact: true }),
  ).toBeVisible()
  await expect(
    page
      .getByRole('navigation', { name: `Paging ${id}: pages` })
      .getByRole('link', { name: /Older/ }),
  ).toHaveCount(0)
  const last = testInfo.outputPath('topic-page-3.png')
  await page.screenshot({ path: last, fullPage: true })
  await testInfo.attach('topic-page-3', { path: last, contentType: 'image/png' })
})
