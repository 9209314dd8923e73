import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { cmsUrl, E2E } from '../env'
import { apiSignIn, publishThroughReview, workflowAction } from '../workflow'

/**
 * The editorial calendar as an editor and a writer meet it, each in their own browser at 1440 px
 * (production builds): scheduled and published stories on their days in the month and week views,
 * an editor dragging a scheduled story to another day (the workflow's Schedule move, so the
 * document panel shows the new time), and a writer who sees the calendar but moves nothing.
 */

const SHOTS = process.env.DESK_SHOTS_DIR
// A fixed zone, so the days the test expects are the days the browser lays out.
const TIME_ZONE = 'UTC'
const DAY_MS = 24 * 60 * 60 * 1000

const person = async (browser: Browser, email: string) => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    timezoneId: TIME_ZONE,
  })
  const page = await context.newPage()
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(E2E.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  return { context, page }
}

const shoot = async (page: Page, testInfo: TestInfo, name: string) => {
  const path = SHOTS ? `${SHOTS}/${name}.png` : testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

const dayOf = (iso: string) => iso.slice(0, 10)

/** A writer's story with what the pre-publish checklist asks for. */
const story = async (request: APIRequestContext, title: string) => {
  const writer = await apiSignIn(request, 'writer@example.com')
  const authors = (await (
    await request.get(`${cmsUrl}/api/authors?where[name][equals]=Claire%20Jimenez&depth=0`, {
      headers: { authorization: writer.authorization },
    })
  ).json()) as { docs: { id: string }[] }
  const created = await request.post(`${cmsUrl}/api/articles?draft=true`, {
    headers: { authorization: writer.authorization },
    data: {
      title,
      dek: 'What changes, and when.',
      authors: [authors.docs[0]?.id],
      topics: ['Diplomacy'],
    },
  })
  expect(created.ok(), await created.text()).toBe(true)
  return ((await created.json()) as { doc: { id: string } }).doc.id
}

test('the calendar: stories on their days, an editor drags one to another day, a writer only looks', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(180_000)
  const editorApi = await apiSignIn(request, 'editor@example.com')
  const stamp = Date.now().toString(36)

  // A story scheduled three days ahead at 10:00, and one published now.
  const start = new Date(Date.now() + 3 * DAY_MS)
  start.setUTCHours(10, 0, 0, 0)
  const publishAt = start.toISOString()
  const scheduledTitle = `Night buses return ${stamp}`
  const scheduledId = await story(request, scheduledTitle)
  for (const step of [
    { action: 'submit', reviewer: editorApi.userId },
    { action: 'approve' },
    { action: 'schedule', publishAt },
  ]) {
    const res = await workflowAction(request, { id: scheduledId, headers: editorApi, ...step })
    expect(res.ok(), await res.text()).toBe(true)
  }
  const publishedTitle = `Bridge reopens ${stamp}`
  const publishedId = await story(request, publishedTitle)
  const published = await publishThroughReview(request, { id: publishedId, editor: editorApi })
  expect(published?.ok(), await published?.text()).toBe(true)

  // The day before (or, on the first of a month, after): still ahead, and in the same month grid.
  const target = new Date(start.getTime() + (start.getUTCDate() === 1 ? DAY_MS : -DAY_MS))
  const movedAt = target.toISOString()
  const month = publishAt.slice(0, 7)

  const editor = await person(browser, 'editor@example.com')
  // The calendar is in the visible navigation, next to My queue and Board.
  await expect(editor.page.locator('#header-calendar')).toBeVisible()
  await editor.page.locator('#header-calendar').click()
  await expect(editor.page).toHaveURL(/\/admin\/calendar$/)
  await expect(editor.page.locator('[aria-current="date"]')).toBeVisible()

  await editor.page.goto(`${cmsUrl}/admin/calendar?month=${month}`)
  const grid = editor.page.getByTestId('calendar')
  const cell = (day: string) => grid.locator(`li[data-day="${day}"]`)
  const entry = (id: string) => grid.locator(`[data-testid="calendar-entry"][data-id="${id}"]`)
  await expect(entry(scheduledId)).toBeVisible()
  await expect(cell(dayOf(publishAt)).locator(`[data-id="${scheduledId}"]`)).toContainText(
    `10:00 ${scheduledTitle}`,
  )
  await expect(entry(scheduledId)).toContainText('Scheduled')
  await expect(
    entry(scheduledId).getByRole('link', { name: new RegExp(scheduledTitle) }),
  ).toHaveAttribute('href', `/admin/collections/articles/${scheduledId}`)
  if (dayOf(new Date().toISOString()).startsWith(month)) {
    await expect(entry(publishedId)).toContainText('Published')
    await expect(entry(publishedId)).toHaveAttribute('draggable', 'false')
    await expect(entry(publishedId)).toHaveAttribute('title', /published already/)
  }
  await shoot(editor.page, testInfo, 'calendar-month')

  // Drag it to the other day: the same time there, through the workflow's Schedule move.
  await entry(scheduledId).dragTo(cell(dayOf(movedAt)))
  await expect(cell(dayOf(movedAt)).locator(`[data-id="${scheduledId}"]`)).toBeVisible()
  await expect(cell(dayOf(publishAt)).locator(`[data-id="${scheduledId}"]`)).toHaveCount(0)
  const history = (await (
    await request.get(`${cmsUrl}/api/articles/${scheduledId}/workflow`, {
      headers: { authorization: editorApi.authorization },
    })
  ).json()) as { publishAt: string; events: { action: string; from: string; to: string }[] }
  expect(history.publishAt).toBe(movedAt)
  expect(history.events[0]).toMatchObject({
    action: 'schedule',
    from: 'scheduled',
    to: 'scheduled',
  })

  // The document's panel shows the new time.
  await entry(scheduledId).getByRole('link').click()
  await expect(editor.page).toHaveURL(new RegExp(`/articles/${scheduledId}`))
  await expect(
    editor.page.getByTestId('workflow-panel').locator(`time[datetime="${movedAt}"]`),
  ).toBeVisible()

  // The week view, reached from the month, shows the same story on its new day.
  await editor.page.goto(`${cmsUrl}/admin/calendar?week=${dayOf(movedAt)}`)
  await expect(cell(dayOf(movedAt)).locator(`[data-id="${scheduledId}"]`)).toBeVisible()
  await expect(grid.locator('li[data-day]')).toHaveCount(7)
  await shoot(editor.page, testInfo, 'calendar-week')

  // A writer sees the calendar, but nothing of theirs or anyone's moves.
  const writer = await person(browser, 'writer@example.com')
  await writer.page.goto(`${cmsUrl}/admin/calendar?month=${movedAt.slice(0, 7)}`)
  const writerEntry = writer.page.locator(
    `[data-testid="calendar-entry"][data-id="${scheduledId}"]`,
  )
  await expect(writerEntry).toBeVisible()
  await expect(writerEntry).toHaveAttribute('draggable', 'false')
  await expect(writerEntry).toHaveAttribute('title', 'Only editors and admins can schedule.')
  await expect(writerEntry.getByRole('button', { name: 'Move' })).toHaveCount(0)
  await writerEntry.dragTo(writer.page.locator(`li[data-day="${dayOf(publishAt)}"]`))
  await writer.page.waitForTimeout(1_000)
  const after = (await (
    await request.get(`${cmsUrl}/api/articles/${scheduledId}/workflow`, {
      headers: { authorization: editorApi.authorization },
    })
  ).json()) as { publishAt: string }
  expect(after.publishAt).toBe(movedAt)

  await editor.context.close()
  await writer.context.close()
})
