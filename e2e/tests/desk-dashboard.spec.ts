import type { Browser, Page, TestInfo } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { cmsUrl, E2E, webUrl } from '../env'
import { apiSignIn, workflowAction } from '../workflow'

/**
 * The editor's desk as a newsroom editor and a writer meet it on day one, each in their own
 * browser at 1440 px: the queue on the dashboard, the desk links and unread badge always in view,
 * the board whole, the logo whole, the pre-publish checklist in the workflow panel agreeing with
 * the server, and the reader site's favicon and card excerpts.
 */

test.use({ viewport: { width: 1440, height: 900 } })

const SHOTS = '/tmp/shots-h12b'

const shoot = async (page: Page, testInfo: TestInfo, name: string, fullPage = true) => {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage })
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

const person = async (browser: Browser, email: string) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(E2E.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  return { context, page, api: await apiSignIn(page.request, email) }
}

const claireId = async (page: Page) => {
  const res = await page.request.get(`${cmsUrl}/api/authors?where[slug][equals]=claire-jimenez`)
  const { docs } = (await res.json()) as { docs: { id: string }[] }
  return docs[0]?.id ?? ''
}

/** A writer's story, created over the API and submitted to the editor. */
const submittedStory = async (
  writer: Awaited<ReturnType<typeof person>>,
  editorId: string,
  data: Record<string, unknown>,
) => {
  const created = await writer.page.request.post(`${cmsUrl}/api/articles?draft=true`, {
    headers: { authorization: writer.api.authorization },
    data: { authors: [await claireId(writer.page)], ...data },
  })
  expect(created.status()).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: string } }
  const submitted = await workflowAction(writer.page.request, {
    id: doc.id,
    headers: writer.api,
    action: 'submit',
    reviewer: editorId,
  })
  expect(submitted.ok()).toBe(true)
  return doc.id
}

test('the dashboard puts each person’s queue and the desk links in view', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  const stamp = Date.now().toString(36)
  const editor = await person(browser, 'editor@example.com')
  const writer = await person(browser, 'writer@example.com')
  const waitingTitle = `Harbour ferry timetable ${stamp}`
  const sentBackTitle = `Library hours extended ${stamp}`
  await submittedStory(writer, editor.api.userId, { title: waitingTitle })
  const sentBack = await submittedStory(writer, editor.api.userId, { title: sentBackTitle })
  expect(
    (
      await workflowAction(editor.page.request, {
        id: sentBack,
        headers: editor.api,
        action: 'request_changes',
        note: 'Add the new opening hours.',
      })
    ).ok(),
  ).toBe(true)

  // The editor: what waits for them on the dashboard, the links and the badge in the navigation.
  await expect(async () => {
    await editor.page.goto(`${cmsUrl}/admin`)
    await expect(editor.page.locator('#header-queue .wf-nav-badge')).toBeVisible({
      timeout: 2_000,
    })
  }).toPass({ timeout: 30_000 })
  const desk = editor.page.getByTestId('desk')
  await expect(desk.getByRole('heading', { name: 'Your desk' })).toBeVisible()
  const waiting = desk.locator('[data-section="waiting"]')
  await expect(waiting.getByRole('heading', { name: /Waiting for me/ })).toBeVisible()
  await expect(waiting.getByRole('link', { name: waitingTitle, exact: true })).toBeVisible()
  await expect(desk.locator('[data-section="changes"]')).toBeVisible()
  await expect(desk.locator('[data-section="scheduled"]').getByRole('heading')).toHaveText(
    /Scheduled today/,
  )
  // The top bar carries the links and the badge on every page, whether the navigation is open
  // or not; the navigation lists them first, outside the collapsible groups.
  for (const id of ['#header-queue', '#header-board'])
    await expect(editor.page.locator(id)).toBeInViewport()
  await expect(editor.page.locator('#header-queue')).toHaveAttribute('href', /\/admin\/queue$/)
  await expect(editor.page.locator('#header-queue')).toContainText(/My queue\s*\d+/)
  await expect(editor.page.locator('#nav-queue')).toHaveAttribute('href', /\/admin\/queue$/)
  // Editors keep Users (they pick reviewers from it).
  await expect(editor.page.locator('a[href$="/admin/collections/users"]').first()).toBeVisible()
  await shoot(editor.page, testInfo, 'dashboard-editor')

  // The dashboard's card opens the story.
  await waiting.getByRole('link', { name: waitingTitle, exact: true }).click()
  await expect(editor.page).toHaveURL(/\/admin\/collections\/articles\/[0-9a-f]{24}/)

  // The writer: changes requested on their work, no review queue, no Users anywhere.
  await expect(async () => {
    await writer.page.goto(`${cmsUrl}/admin`)
    await expect(writer.page.locator('#header-queue .wf-nav-badge')).toBeVisible({
      timeout: 2_000,
    })
  }).toPass({ timeout: 30_000 })
  const writerDesk = writer.page.getByTestId('desk')
  await expect(
    writerDesk
      .locator('[data-section="changes"]')
      .getByRole('link', { name: sentBackTitle, exact: true }),
  ).toBeVisible()
  await expect(writerDesk.locator('[data-section="waiting"]')).toHaveCount(0)
  await expect(writer.page.locator('#header-queue')).toBeInViewport()
  await expect(writer.page.locator('#header-board')).toBeInViewport()
  await expect(writer.page.locator('a[href*="/admin/collections/users"]')).toHaveCount(0)
  await expect(writer.page.getByText('Users', { exact: true })).toHaveCount(0)
  await shoot(writer.page, testInfo, 'dashboard-writer')
  // The links stay in the top bar away from the dashboard too.
  await writer.page.goto(`${cmsUrl}/admin/collections/articles`)
  await expect(writer.page.locator('#header-queue .wf-nav-badge')).toBeInViewport()
  await writer.page.goto(`${cmsUrl}/admin/board`)
  await expect(writer.page.locator('#header-queue')).toBeInViewport()
  await editor.context.close()
  await writer.context.close()
})

test('the board shows every column at 1440 px and the logo is whole', async ({
  browser,
}, testInfo) => {
  const editor = await person(browser, 'editor@example.com')
  await editor.page.goto(`${cmsUrl}/admin/board`)
  const board = editor.page.locator('.wf-board')
  await expect(board).toBeVisible()
  const last = editor.page.locator('.wf-board__column').last()
  await expect(last).toHaveAttribute('data-state', 'archived')
  await expect(last.getByRole('heading')).toBeInViewport({ ratio: 1 })
  // The whole last column lies inside the board and the window, side to side.
  const [boardBox, lastBox] = await Promise.all([board.boundingBox(), last.boundingBox()])
  const lastRight = (lastBox?.x ?? 0) + (lastBox?.width ?? 0)
  expect(lastRight).toBeLessThanOrEqual((boardBox?.x ?? 0) + (boardBox?.width ?? 0) + 1)
  expect(lastRight).toBeLessThanOrEqual(1440)
  expect(await board.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)

  // The breadcrumb's home mark fits its box instead of spilling out of it.
  const home = editor.page.locator('.step-nav__home').first()
  const mark = home.locator('svg')
  await expect(mark).toBeVisible()
  const [homeBox, markBox] = await Promise.all([home.boundingBox(), mark.boundingBox()])
  expect(markBox?.width ?? 99).toBeLessThanOrEqual((homeBox?.width ?? 0) + 0.5)
  expect(markBox?.height ?? 99).toBeLessThanOrEqual((homeBox?.height ?? 0) + 0.5)
  await shoot(editor.page, testInfo, 'board', false)
  await editor.page.locator('.step-nav').screenshot({ path: `${SHOTS}/breadcrumb.png` })
  await editor.context.close()
})

test('the site answers /favicon.ico and its card excerpts end on a whole word', async ({
  page,
}, testInfo) => {
  const icon = await page.request.get(`${webUrl}/favicon.ico`)
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toMatch(/image\//)
  // The lead card on the home page (320 characters) and the list cards (160), e.g. in search.
  const excerpts: string[] = []
  for (const path of ['/', '/search?q=diplomat']) {
    await page.goto(`${webUrl}${path}`)
    const found = await page.locator('.card > p:not(.kicker):not(.card-meta)').allInnerTexts()
    expect(found.length, path).toBeGreaterThan(0)
    excerpts.push(...found)
  }
  for (const text of excerpts) {
    // No dangling punctuation before an ellipsis ("son.…"), no word cut in two.
    expect(text).not.toMatch(/[.,;:!?]\s*…$/)
    if (text.endsWith('…')) expect(text).toMatch(/[\p{L}\p{N}]…$/u)
  }
  await shoot(page, testInfo, 'site-search', false)
})

test('the pre-publish checklist shows what blocks Approve, as the server refuses it', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  const stamp = Date.now().toString(36)
  const editor = await person(browser, 'editor@example.com')
  const writer = await person(browser, 'writer@example.com')
  const id = await submittedStory(writer, editor.api.userId, {
    title: `Tram depot plans ${stamp}`,
  })

  await editor.page.goto(`${cmsUrl}/admin/collections/articles/${id}`)
  const checklist = editor.page.getByTestId('publish-checklist')
  await expect(checklist).toBeVisible()
  const item = (name: string) => checklist.locator(`[data-item="${name}"]`)
  await expect(item('dek')).toHaveAttribute('data-ok', 'false')
  await expect(item('topics')).toHaveAttribute('data-ok', 'false')
  await expect(item('byline')).toHaveAttribute('data-ok', 'true')
  await expect(checklist).toContainText('2 items block Approve and Publish.')
  await expect(item('dek')).toContainText('Fix in: Dek, Story tab')
  await checklist.scrollIntoViewIfNeeded()
  await shoot(editor.page, testInfo, 'checklist-red')

  // The server refuses Approve with the same reasons, naming the same fields.
  const refused = await workflowAction(editor.page.request, {
    id,
    headers: editor.api,
    action: 'approve',
  })
  expect(refused.status()).toBe(400)
  const body = (await refused.json()) as {
    errors: { data?: { errors?: { path: string; message: string }[] } }[]
  }
  const reasons = body.errors[0]?.data?.errors ?? []
  expect(reasons.map((r) => r.path)).toEqual(['dek', 'topics'])
  for (const reason of reasons) {
    const shown = await item(reason.path).locator('.wf-checklist__message').innerText()
    expect(shown).toBe(reason.message)
  }

  // Fixing the fields in the form turns the items green.
  await editor.page.locator('#field-dek').fill('The depot moves north of the ring road by 2028.')
  await expect(item('dek')).toHaveAttribute('data-ok', 'true')
  await editor.page.locator('#field-topics .rs__control').click()
  await editor.page.locator('.rs__option', { hasText: 'Diplomacy' }).click()
  await expect(item('topics')).toHaveAttribute('data-ok', 'true')
  await expect(checklist).toContainText('Ready: every check passes.')
  await checklist.scrollIntoViewIfNeeded()
  await shoot(editor.page, testInfo, 'checklist-green')

  // Autosave stores the fixes; then the server lets Approve through.
  await expect
    .poll(
      async () =>
        (
          await workflowAction(editor.page.request, { id, headers: editor.api, action: 'approve' })
        ).status(),
      { timeout: 20_000 },
    )
    .toBe(200)
  await editor.context.close()
  await writer.context.close()
})
