import type { APIRequestContext, Page, TestInfo } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { readerPath, readerUrl } from '@copydesk/types/site-urls'

import { cmsUrl, E2E, webUrl } from '../env'
import { apiSignIn, publishThroughReview } from '../workflow'

/**
 * A published story's slug changes in the admin and goes live again: its old address answers 308
 * with the new one, the sitemap lists only the new one, and an editor sees the redirect ("From
 * /articles/old → To /articles/new") in the admin and deletes it, after which the old address
 * answers 404. Production builds (see playwright.config.ts), at 1440 px.
 */

const SHOTS = process.env.REDIRECT_SHOTS_DIR

const shoot = async (page: Page, testInfo: TestInfo, name: string) => {
  const path = SHOTS ? `${SHOTS}/${name}.png` : testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: false })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** Polls a site URL until it answers `status` (without following redirects), and returns it. */
const waitForStatus = async (request: APIRequestContext, url: string, status: number) => {
  const deadline = Date.now() + 15_000
  let last = 0
  while (Date.now() < deadline) {
    const res = await request.get(url, { maxRedirects: 0 })
    last = res.status()
    if (last === status) return res
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} answered ${last}, not ${status}, for 15 s`)
}

/** Every `<loc>` the sitemap lists, following a sitemap index to its sitemaps. */
const sitemapLocations = async (request: APIRequestContext): Promise<string[]> => {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '')
  const root = await (await request.get(`${webUrl}/sitemap.xml`)).text()
  if (!root.includes('<sitemapindex')) return locs(root)
  const children = await Promise.all(locs(root).map(async (url) => (await request.get(url)).text()))
  return children.flatMap(locs)
}

const panel = (page: Page) => page.getByTestId('workflow-panel')
const actions = (page: Page) => page.getByRole('group', { name: 'Workflow actions' })
const dialog = (page: Page) => page.locator('.wf-dialog')
const stateBadge = (page: Page) => panel(page).locator('.wf-badge').first()

test('a new slug on a published story: 308 from the old address, then 404 once the editor deletes the redirect', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(180_000)
  const stamp = Date.now().toString(36)
  const oldSlug = `council-approves-bridge-${stamp}`
  const newSlug = `council-approves-east-bank-bridge-${stamp}`
  const editorApi = await apiSignIn(request, 'editor@example.com')
  const authors = (await (
    await request.get(`${cmsUrl}/api/authors?where[name][equals]=Claire%20Jimenez&depth=0`)
  ).json()) as { docs: { id: string }[] }
  const created = await request.post(`${cmsUrl}/api/articles?draft=true`, {
    headers: { authorization: editorApi.authorization },
    data: {
      title: `Council approves bridge ${stamp}`,
      slug: oldSlug,
      dek: 'A crossing for the east bank by 2028.',
      authors: [authors.docs[0]?.id],
      topics: ['Transport'],
    },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const { id } = ((await created.json()) as { doc: { id: string } }).doc
  const published = await publishThroughReview(request, { id, editor: editorApi })
  expect(published?.ok(), await published?.text()).toBe(true)
  const oldUrl = readerUrl(webUrl, 'articles', oldSlug)
  const newUrl = readerUrl(webUrl, 'articles', newSlug)
  await waitForStatus(request, oldUrl, 200)

  // The editor renames the live story in the admin and takes the revision through review.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('#field-email').fill('editor@example.com')
  await page.locator('#field-password').fill(E2E.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  await page.goto(`${cmsUrl}/admin/collections/articles/${id}`)
  await expect(stateBadge(page)).toHaveText('Published')
  const saved = page.waitForResponse(
    (res) => res.url().includes(`/api/articles/${id}`) && res.request().method() === 'PATCH',
  )
  await page.locator('#field-slug').fill(newSlug)
  expect((await saved).ok()).toBe(true)
  // Until the revision goes live, readers keep the old address.
  expect((await request.get(oldUrl, { maxRedirects: 0 })).status()).toBe(200)
  await page.reload()
  await actions(page).getByRole('button', { name: 'Submit for review', exact: true }).click()
  await dialog(page).getByLabel('Reviewer').selectOption({ label: 'Eddie Editor' })
  await dialog(page).getByRole('button', { name: 'Submit for review', exact: true }).click()
  await expect(stateBadge(page)).toHaveText('In review')
  await actions(page).getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(stateBadge(page)).toHaveText('Approved')
  await actions(page).getByRole('button', { name: 'Publish', exact: true }).click()
  await dialog(page).getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(stateBadge(page)).toHaveText('Published')

  // The old address answers 308 with the new one; the new one is the story.
  const moved = await waitForStatus(request, oldUrl, 308)
  // Next 16 repeats the Location of a cached redirect (vercel/next.js#82117; Playwright joins the
  // two with ", "); the edge sends it once (apps/edge's tests). Every value is the new address.
  const locations = (moved.headers().location ?? '').split(', ')
  for (const location of locations) expect(new URL(location, webUrl).toString()).toBe(newUrl)
  expect((await request.get(newUrl)).status()).toBe(200)
  const followed = await request.get(oldUrl)
  expect(followed.url()).toBe(newUrl)

  // The sitemap lists the story under its new address only.
  const listed = await sitemapLocations(request)
  expect(listed).toContain(newUrl)
  expect(listed).not.toContain(oldUrl)

  // The editor finds it in the admin: from the old address to the story's current one.
  await page.goto(`${cmsUrl}/admin/collections/redirects`)
  const row = page.getByRole('row', { name: new RegExp(readerPath('articles', oldSlug)) })
  await expect(row).toBeVisible()
  await expect(row).toContainText(readerPath('articles', newSlug))
  await expect(page.getByRole('columnheader', { name: 'From (old address)' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'To (current address)' })).toBeVisible()
  await shoot(page, testInfo, 'redirects-list')

  // Deleting it lets the old address answer 404 again.
  await row.getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(row).toHaveCount(0)
  await shoot(page, testInfo, 'redirects-list-after-delete')
  await waitForStatus(request, oldUrl, 404)
  expect((await request.get(newUrl)).status()).toBe(200)
  await context.close()
})
