import { defineConfig, devices } from '@playwright/test'

import {
  CHROMIUM_ARGS,
  cmsUrl,
  databaseUri,
  E2E,
  redisPort,
  webUrl,
  webWorkers,
  webWorkerUrls,
} from './env'

const isCI = Boolean(process.env.CI)

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  // Two cores: one worker keeps the production servers responsive and the timings honest.
  workers: 1,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: '../.test-results/e2e.json' }],
    ['html', { outputFolder: './playwright-report', open: 'never' }],
  ],
  globalSetup: './global-setup.ts',
  use: {
    baseURL: cmsUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: E2E.chromium,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      // A throwaway DocumentDB cluster: every run starts empty. Its password is set here, because
      // the CMS's database URI below is fixed before the database starts.
      command: `DEVDB_PASSWORD=${E2E.dbPassword} node ../packages/devdb/bin/copydesk-devdb.js start --memory --port ${E2E.dbPort}`,
      port: E2E.dbPort,
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: 'pipe',
    },
    {
      command: `../../node_modules/.bin/next start --port ${E2E.cmsPort}`,
      cwd: '../apps/cms',
      url: `${cmsUrl}/api/users/me`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
      env: {
        NODE_ENV: 'production',
        DATABASE_URI: databaseUri,
        PAYLOAD_SECRET: E2E.secret,
        CMS_URL: cmsUrl,
        WEB_URL: webUrl,
        REVALIDATE_SECRET: E2E.revalidateSecret,
        PREVIEW_SECRET: E2E.previewSecret,
      },
    },
    {
      // Two workers and the Redis they share, started as `npm run start` starts them.
      command: `node ../../packages/origin/bin/copydesk-origin.js start`,
      cwd: '../apps/web',
      url: `${webWorkerUrls.at(-1)}/robots.txt`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
      env: {
        NODE_ENV: 'production',
        WEB_PORT: String(E2E.webPort),
        WEB_WORKERS: String(webWorkers),
        REDIS_PORT: String(redisPort),
        DEVDB_DATA_DIR: `/tmp/copydesk-e2e-${E2E.webPort}`,
        CMS_URL: cmsUrl,
        SITE_URL: webUrl,
        REVALIDATE_SECRET: E2E.revalidateSecret,
        PREVIEW_SECRET: E2E.previewSecret,
        // Lists of more than ten stories are read a window at a time, as an archive's are, so
        // the specs that page through a topic or an author take that path.
        LIST_READ_WHOLE_MAX: '10',
      },
    },
  ],
})
