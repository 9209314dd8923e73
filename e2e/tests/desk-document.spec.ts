import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { cmsUrl, E2E } from '../env'
import { apiSignIn } from '../workflow'

/**
 * The document view as a new writer and editor meet it, each in their own browser at 1440 px:
 * one workflow state everywhere, a form that is read-only (and says why) when the person may not
 * edit, each person offered their own moves with what each does, the reviewer named in one place,
 * no "Document locked" from a writer who can no longer edit, and a publish that shows what goes
 * live and asks once. Production builds of the CMS and the site (see playwright.config.ts).
 */

const SHOTS = process.env.DESK_SHOTS_DIR

const signIn = async (page: Page, email: string) => {
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(E2E.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin$/)
}

const person = async (browser: Browser, email: string) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  const page = await context.newPage()
  await signIn(page, email)
  return { context, page }
}

const shoot = async (page: Page, testInfo: TestInfo, name: string) => {
  const path = SHOTS ? `${SHOTS}/${name}.png` : testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: false })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

const panel = (page: Page) => page.getByTestId('workflow-panel')
const actions = (page: Page) => page.getByRole('group', { name: 'Workflow actions' })
const dialog = (page: Page) => page.locator('.wf-dialog')
const stateBadge = (page: Page) => panel(page).locator('.wf-badge').first()
const topBarState = (page: Page) => page.getByTestId('document-state')

test('the document view: one state, read-only in review, own moves, a publish that asks once', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(180_000)
  const stamp = Date.now().toString(36)
  const title = `Harbour ferry timetable changes ${stamp}`
  const writerApi = await apiSignIn(request, 'writer@example.com')
  const authors = (await (
    await request.get(`${cmsUrl}/api/authors?where[name][equals]=Claire%20Jimenez&depth=0`, {
      headers: { authorization: writerApi.authorization },
    })
  ).json()) as { docs: { id: string }[] }
  const created = await request.post(`${cmsUrl}/api/articles?draft=true`, {
    headers: { authorization: writerApi.authorization },
    data: {
      title,
      dek: 'Two crossings a day from March.',
      authors: [authors.docs[0]?.id],
      // A writer names one of the newsroom's topics (the seed's); only editors add new ones.
      topics: ['Diplomacy'],
    },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const id = ((await created.json()) as { doc: { id: string } }).doc.id
  const slug = ((await created.json()) as { doc: { slug: string } }).doc.slug
  const docPath = `${cmsUrl}/admin/collections/articles/${id}`

  const writer = await person(browser, 'writer@example.com')
  const editor = await person(browser, 'editor@example.com')

  // The writer opens their draft: one state (the workflow's) in the top bar and the panel, the
  // form open, only their own move offered, with what it does.
  await writer.page.goto(docPath)
  await expect(stateBadge(writer.page)).toHaveText('Draft')
  await expect(topBarState(writer.page)).toHaveText(/State:\s*Draft/)
  await expect(writer.page.getByTestId('read-only-notice')).toHaveCount(0)
  await expect(writer.page.locator('#field-dek')).toBeEditable()
  await expect(panel(writer.page).getByRole('list', { name: 'What you can do now' })).toContainText(
    'Submit for review: Sends it to the editor you choose.',
  )
  // The reviewer is chosen in the Submit dialog and named in the panel: no sidebar field too.
  await expect(writer.page.locator('#field-assignee')).toBeHidden()

  // They type (which takes Payload's edit lock), then submit to the editor.
  await writer.page.locator('#field-dek').fill('Two crossings a day from March, three in summer.')
  await actions(writer.page).getByRole('button', { name: 'Submit for review', exact: true }).click()
  await dialog(writer.page).getByLabel('Reviewer').selectOption({ label: 'Eddie Editor' })
  await dialog(writer.page).getByRole('button', { name: 'Submit for review', exact: true }).click()
  await expect(stateBadge(writer.page)).toHaveText('In review')

  // In review, the writer's form is read-only and says why and what to do; the top bar agrees
  // with the panel; the reviewer is named, not "Untitled - ID".
  await writer.page.reload()
  const notice = writer.page.getByTestId('read-only-notice')
  await expect(notice).toContainText('This story is in review, so it is locked for writers.')
  await expect(notice).toContainText(
    'Withdraw it to make changes, or wait for the editor’s decision.',
  )
  await expect(writer.page.locator('#field-dek')).toBeDisabled()
  await expect(writer.page.locator('#field-title')).toBeDisabled()
  await expect(topBarState(writer.page)).toHaveText(/State:\s*In review/)
  await expect(writer.page.getByText(/Status:\s*Draft/)).toHaveCount(0)
  await expect(panel(writer.page).locator('.wf-facts')).toContainText('Eddie Editor')
  await expect(writer.page.getByText(/Untitled - ID/)).toHaveCount(0)
  await expect(
    actions(writer.page).getByRole('button', { name: 'Withdraw', exact: true }),
  ).toBeVisible()
  await shoot(writer.page, testInfo, 'writer-read-only-in-review')

  // The editor opens it while the writer still has it open: no lock stands in the way.
  await editor.page.goto(docPath)
  await expect(panel(editor.page)).toBeVisible()
  await expect(stateBadge(editor.page)).toHaveText('In review')
  await editor.page.waitForTimeout(1_500)
  await expect(editor.page.locator('#document-locked')).toHaveCount(0)
  await expect(editor.page.locator('#field-dek')).toBeEditable()
  await expect(editor.page.getByTestId('read-only-notice')).toHaveCount(0)
  await expect(topBarState(editor.page)).toHaveText(/State:\s*In review/)

  // The editor is offered their decisions, not the writer's Withdraw, each explained.
  await expect(actions(editor.page).getByRole('button', { name: 'Withdraw' })).toHaveCount(0)
  await expect(
    actions(editor.page).getByRole('button', { name: 'Approve', exact: true }),
  ).toBeVisible()
  await expect(
    actions(editor.page).getByRole('button', { name: 'Request changes', exact: true }),
  ).toBeVisible()
  const moves = panel(editor.page).getByRole('list', { name: 'What you can do now' })
  await expect(moves).toContainText('Approve: Marks it ready to publish.')
  await expect(moves).toContainText('Request changes: Sends it back to the writer with your note')
  await shoot(editor.page, testInfo, 'editor-in-review')

  await actions(editor.page).getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(stateBadge(editor.page)).toHaveText('Approved')
  await expect(topBarState(editor.page)).toHaveText(/State:\s*Approved/)

  // Publish shows what goes live (headline, URL, byline, time) and asks once; Cancel changes nothing.
  await actions(editor.page).getByRole('button', { name: 'Publish', exact: true }).click()
  const summary = dialog(editor.page).getByTestId('publish-summary')
  await expect(summary).toContainText(title)
  await expect(summary).toContainText(`/articles/${slug}`)
  await expect(summary).toContainText('Claire Jimenez')
  await expect(summary).toContainText(/Goes live\s*Now/)
  await shoot(editor.page, testInfo, 'editor-publish-confirmation')
  await dialog(editor.page).getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(stateBadge(editor.page)).toHaveText('Approved')
  const live = await request.get(`${cmsUrl}/api/articles/${id}?depth=0`, {
    headers: { authorization: writerApi.authorization },
  })
  expect(((await live.json()) as { _status: string })._status).toBe('draft')

  await actions(editor.page).getByRole('button', { name: 'Publish', exact: true }).click()
  await dialog(editor.page).getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(stateBadge(editor.page)).toHaveText('Published')
  await expect(topBarState(editor.page)).toHaveText(/State:\s*Published/)

  await writer.context.close()
  await editor.context.close()
})

const countOf = async (
  request: APIRequestContext,
  collection: 'articles' | 'faqs' | 'authors',
  authorization: string,
) => {
  const res = await request.get(`${cmsUrl}/api/${collection}?draft=true&limit=0&depth=0`, {
    headers: { authorization },
  })
  expect(res.ok(), await res.text()).toBe(true)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

test('Create New stores nothing until the new document has its title; then it is kept', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(120_000)
  const editorApi = await apiSignIn(request, 'editor@example.com')
  const writer = await person(browser, 'writer@example.com')
  const collections = ['articles', 'faqs', 'authors'] as const
  const before = Object.fromEntries(
    await Promise.all(
      collections.map(async (c) => [c, await countOf(request, c, editorApi.authorization)]),
    ),
  ) as Record<(typeof collections)[number], number>

  // Opening the form and going away leaves nothing, in every editorial collection.
  for (const collection of collections) {
    await writer.page.goto(`${cmsUrl}/admin/collections/${collection}/create`)
    await expect(writer.page.getByTestId('first-save-hint')).toBeVisible()
    await writer.page.waitForTimeout(1_500)
    await expect(writer.page).toHaveURL(new RegExp(`/collections/${collection}/create$`))
    if (collection === 'articles') await shoot(writer.page, testInfo, 'create-new-article')
    await writer.page.goto(`${cmsUrl}/admin`)
    expect(await countOf(request, collection, editorApi.authorization)).toBe(before[collection])
  }
  await writer.page.goto(`${cmsUrl}/admin/board`)
  await expect(writer.page.getByText('Untitled', { exact: false })).toHaveCount(0)

  // Once there is a headline, the draft is saved (and autosave carries on from there).
  const headline = `Tram depot reopens ${Date.now().toString(36)}`
  await writer.page.goto(`${cmsUrl}/admin/collections/articles/create`)
  await writer.page.locator('#field-title').fill(headline)
  await expect(writer.page).toHaveURL(/\/collections\/articles\/[0-9a-f]{24}/, { timeout: 15_000 })
  expect(await countOf(request, 'articles', editorApi.authorization)).toBe(before.articles + 1)
  await writer.page.locator('#field-dek').fill('The depot takes its first trams in May.')
  await writer.page.waitForTimeout(2_000)
  await writer.page.goto(`${cmsUrl}/admin`)
  const id = /articles\/([0-9a-f]{24})/.exec(writer.page.url())?.[1]
  const saved = await request.get(
    `${cmsUrl}/api/articles?draft=true&depth=0&where[title][equals]=${encodeURIComponent(headline)}`,
    { headers: { authorization: editorApi.authorization } },
  )
  const docs = ((await saved.json()) as { docs: { id: string; dek?: string }[] }).docs
  expect(docs).toHaveLength(1)
  expect(docs[0]?.dek).toBe('The depot takes its first trams in May.')
  expect(id ?? docs[0]?.id).toBeTruthy()
  await writer.context.close()
})

test('Document locked names the person, and a lock left by someone who may not edit does not block', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(150_000)
  const writerApi = await apiSignIn(request, 'writer@example.com')
  const editorApi = await apiSignIn(request, 'editor@example.com')
  const create = async (title: string) => {
    const res = await request.post(`${cmsUrl}/api/articles?draft=true`, {
      headers: { authorization: writerApi.authorization },
      data: { title },
    })
    expect(res.ok(), await res.text()).toBe(true)
    return ((await res.json()) as { doc: { id: string } }).doc.id
  }
  const stamp = Date.now().toString(36)
  const draftId = await create(`Library opening hours ${stamp}`)
  const reviewId = await create(`Swimming pool repairs ${stamp}`)

  const editor = await person(browser, 'editor@example.com')

  // The writer has their draft open (Payload's lock, as their form holds it between keystrokes
  // and autosaves): the editor who opens it is told who, by name.
  const lockAs = async (id: string) => {
    const lock = await request.post(`${cmsUrl}/api/payload-locked-documents`, {
      headers: { authorization: writerApi.authorization },
      data: {
        document: { relationTo: 'articles', value: id },
        user: { relationTo: 'users', value: writerApi.userId },
      },
    })
    expect(lock.ok(), await lock.text()).toBe(true)
  }
  await lockAs(draftId)
  await editor.page.goto(`${cmsUrl}/admin/collections/articles/${draftId}`)
  const modal = editor.page.locator('#document-locked')
  await expect(modal).toBeVisible()
  await expect(modal).toContainText('Wren Writer')
  await expect(modal).not.toContainText(writerApi.userId)
  await shoot(editor.page, testInfo, 'lock-names-the-writer')

  // A lock left on a story in review by its writer (who may no longer edit it) is let go as the
  // editor opens the story: no modal, the form open.
  const submitted = await request.post(`${cmsUrl}/api/articles/${reviewId}/workflow`, {
    headers: { authorization: writerApi.authorization },
    data: { action: 'submit', reviewer: editorApi.userId },
  })
  expect(submitted.ok(), await submitted.text()).toBe(true)
  await lockAs(reviewId)
  await editor.page.goto(`${cmsUrl}/admin/collections/articles/${reviewId}`)
  await expect(stateBadge(editor.page)).toHaveText('In review')
  await editor.page.waitForTimeout(1_500)
  await expect(editor.page.locator('#document-locked')).toHaveCount(0)
  await expect(editor.page.locator('#field-dek')).toBeEditable()

  await editor.context.close()
})
