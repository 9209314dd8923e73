import { workerPorts } from '@copydesk/origin/workers'

/**
 * Ports and secrets for the end-to-end stack. The e2e run starts its own throwaway database and
 * production CMS on ports of its own, so it never touches a developer's `npm run dev`.
 */
export const E2E = {
  dbPort: Number(process.env.E2E_DB_PORT ?? 27099),
  cmsPort: Number(process.env.E2E_CMS_PORT ?? 3101),
  webPort: Number(process.env.E2E_WEB_PORT ?? 3100),
  revalidateSecret: 'e2e-revalidate-secret-shared-by-cms-and-site',
  previewSecret: 'e2e-preview-secret-shared-by-cms-and-site',
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  secret: 'e2e-secret-that-is-long-enough-for-production-mode',
  password: 'copydesk-e2e-password',
  /** Given to the throwaway database cluster as it is created, so its URI is known beforehand. */
  dbPassword: 'copydesk-e2e-database',
} as const

export const databaseUri =
  `mongodb://copydesk:${E2E.dbPassword}@127.0.0.1:${E2E.dbPort}/copydesk_e2e` +
  '?tls=true&tlsAllowInvalidCertificates=true&authSource=admin'

export const cmsUrl = `http://127.0.0.1:${E2E.cmsPort}`

export const webUrl = `http://127.0.0.1:${E2E.webPort}`

/**
 * The site runs as two workers sharing one Redis cache, as `npm run start` does: the first on
 * E2E_WEB_PORT (where the CMS sends its revalidations), the second where packages/origin puts it.
 */
export const webWorkers = 2
export const webWorkerUrls = workerPorts(E2E.webPort, webWorkers).map(
  (port) => `http://127.0.0.1:${port}`,
)
export const redisPort = Number(process.env.E2E_REDIS_PORT ?? E2E.webPort + 3000)
export const redisUrl = `redis://127.0.0.1:${redisPort}`

export const ACCOUNTS = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { email: 'editor@example.com', name: 'Eddie Editor', role: 'editor' },
  { email: 'writer@example.com', name: 'Wren Writer', role: 'writer' },
] as const

/** How Chromium is started for every check (Playwright's and Lighthouse's): headless in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const

/** The environment the test runner was started with, for the processes it spawns. */
export const inheritedEnv = process.env
