import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { ACCOUNTS, E2E } from '../env'

const ARTICLE_TITLE = 'North Korean Diplomat Assigned to Cuba Defects to South Korea'

const signIn = async (page: Page, email: string) => {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(E2E.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin$/)
}

for (const account of ACCOUNTS) {
  test(`${account.role} signs in and sees the newsroom collections`, async ({ page }) => {
    await signIn(page, account.email)
    for (const label of ['Articles', 'FAQs', 'Authors', 'Media']) {
      await expect(
        page.locator('.dashboard').getByText(label, { exact: true }).first(),
      ).toBeVisible()
    }
  })
}

/** Saves a full-page screenshot next to the test's other artifacts and attaches it to the report. */
const keepScreenshot = async (page: Page, testInfo: TestInfo, name: string) => {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

test('the sign-in page carries the Copydesk name', async ({ page }, testInfo) => {
  await page.goto('/admin/login')
  await expect(page.getByText('Copydesk', { exact: true })).toBeVisible()
  await expect(page).toHaveTitle(/Copydesk/)
  await keepScreenshot(page, testInfo, 'sign-in')
})

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill('writer@example.com')
  await page.locator('#field-password').fill('not-the-password')
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page.getByText(/email or password provided is incorrect/i)).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/login/)
})

test('the seeded article opens in the editor, published, with its byline and body', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 1000 })
  await signIn(page, 'editor@example.com')
  await page.goto('/admin/collections/articles')
  const row = page.locator('table tbody tr').filter({ hasText: ARTICLE_TITLE })
  await expect(row).toContainText('Claire Jimenez')
  await expect(row).toContainText('Published')
  await expect(row).toContainText('July 16th 2024')
  await keepScreenshot(page, testInfo, 'articles-list')
  await page.getByRole('link', { name: ARTICLE_TITLE }).click()

  await expect(page.locator('#field-title')).toHaveValue(ARTICLE_TITLE)
  await expect(page.locator('#field-slug')).toHaveValue(
    'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea',
  )
  await expect(page.getByText('Published', { exact: true }).first()).toBeVisible()
  await expect(page.locator('#field-authors')).toContainText('Claire Jimenez')
  const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
  await expect(editor.locator('h2')).toHaveText('Reasons Behind the Defection')
  await expect(editor).toContainText(
    'The last high-profile defection to the South was that of Tae Yong-ho',
  )

  await page.getByRole('button', { name: 'Key Questions' }).click()
  const faqs = page.locator('#field-faqs')
  for (const question of [
    'Why did Ri Il-gyu decide to defect from North Korea?',
    'How did Ri Il-gyu manage to escape from Cuba to South Korea?',
    "What was Ri Il-gyu's role at the North Korean Embassy in Havana?",
    'How has this defection impacted North Korea-South Korea relations?',
  ]) {
    await expect(faqs).toContainText(question)
  }

  await page.getByRole('button', { name: 'Story' }).click()
  await keepScreenshot(page, testInfo, 'article-edit-view')
})

test('a writer cannot open user management for other accounts', async ({ page }) => {
  await signIn(page, 'writer@example.com')
  // Writers have no Users list at all: they manage only their own account, on the Account page.
  await page.goto('/admin/collections/users')
  await expect(page.getByRole('heading', { name: 'Nothing found' })).toBeVisible()
  await expect(page.locator('table')).toHaveCount(0)
  await expect(page.getByText('admin@example.com')).toHaveCount(0)
  // And the API answers them with their own account only.
  const emails = await page.evaluate(async () => {
    const res = await fetch('/api/users?limit=10', { credentials: 'include' })
    const body = (await res.json()) as { docs?: { email: string }[] }
    return body.docs?.map((user) => user.email)
  })
  expect(emails).toEqual(['writer@example.com'])
})
