import { chromium, expect, test } from '@playwright/test'
import lighthouse from 'lighthouse'

import { readerUrl } from '@copydesk/types/site-urls'

import { CHROMIUM_ARGS, E2E, webUrl } from '../env'

/**
 * Lighthouse on the seeded article page of the production site: best practices (console errors,
 * deprecated APIs, image aspect ratios, the favicon, HTTPS-independent checks) must score 100,
 * and accessibility at least 95. Desktop form factor without simulated throttling: the scores of
 * these two categories do not depend on timing, and it keeps the run short.
 */

const SLUG = 'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea'
const DEBUG_PORT = E2E.webPort + 7000

test('the article page scores 100 on best practices and at least 95 on accessibility', async ({
  browserName: _browserName,
}, testInfo) => {
  test.setTimeout(120_000)
  const browser = await chromium.launch({
    executablePath: E2E.chromium,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${DEBUG_PORT}`],
  })
  try {
    const result = await lighthouse(readerUrl(webUrl, 'articles', SLUG), {
      port: DEBUG_PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['best-practices', 'accessibility'],
      formFactor: 'desktop',
      screenEmulation: {
        mobile: false,
        width: 1440,
        height: 900,
        deviceScaleFactor: 1,
        disabled: false,
      },
      throttlingMethod: 'provided',
    })
    if (!result) throw new Error('Lighthouse returned no result')
    const { categories, audits } = result.lhr
    // Every audit that cost points, with what Lighthouse found, so a failure says what to fix.
    const failed = Object.values(audits)
      .filter(
        (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary',
      )
      .map((audit) => `${audit.id}: ${audit.title}`)
    const scores = {
      bestPractices: Math.round((categories['best-practices']?.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    }
    await testInfo.attach('lighthouse', {
      body: JSON.stringify({ scores, failed }, null, 2),
      contentType: 'application/json',
    })
    expect({ ...scores, failed }).toMatchObject({ bestPractices: 100 })
    expect(scores.accessibility, failed.join('\n')).toBeGreaterThanOrEqual(95)
  } finally {
    await browser.close()
  }
})
