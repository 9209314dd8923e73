import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { expect, test } from '@playwright/test'

import { readerPath } from '@copydesk/types/site-urls'

import { cmsUrl, E2E, inheritedEnv, webUrl } from '../env'

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/web')
const SITE_PORT = E2E.webPort + 2
const site = `http://127.0.0.1:${SITE_PORT}`
const ARTICLE = readerPath(
  'articles',
  'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea',
)

/** A pass-through to the CMS that the test can cut, as if the CMS went down. */
const startCmsLink = async () => {
  const sockets = new Set<Socket>()
  const server = http.createServer(async (req, res) => {
    const upstream = await fetch(new URL(req.url ?? '/', cmsUrl), {
      method: req.method,
      headers: { accept: 'application/json' },
    })
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
    })
    res.end(Buffer.from(await upstream.arrayBuffer()))
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

let link: Awaited<ReturnType<typeof startCmsLink>>
let child: ChildProcess

test.beforeAll(async () => {
  link = await startCmsLink()
  child = spawn(
    path.join(webDir, '../../node_modules/.bin/next'),
    ['start', '--port', String(SITE_PORT)],
    {
      cwd: webDir,
      env: {
        ...inheritedEnv,
        NODE_ENV: 'production',
        CMS_URL: link.url,
        // It shares the build's page cache with the main e2e site, so it must render the same
        // pages: the same public SITE_URL, only a different way to the CMS.
        SITE_URL: webUrl,
        REVALIDATE_SECRET: E2E.revalidateSecret,
        // A production site refuses to start without either shared secret.
        PREVIEW_SECRET: E2E.previewSecret,
      },
      stdio: 'ignore',
    },
  )
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const ok = await fetch(`${site}/robots.txt`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the second site did not start')
})

test.afterAll(async () => {
  child?.kill('SIGTERM')
  await link?.cut().catch(() => undefined)
})

test('with the CMS down, cached pages keep answering and uncached ones answer a kind 503', async ({
  request,
  page,
}) => {
  const warm = await request.get(`${site}${ARTICLE}`)
  expect(warm.status()).toBe(200)

  await link.cut()

  const cached = await request.get(`${site}${ARTICLE}`)
  expect(cached.status()).toBe(200)
  expect(await cached.text()).toContain(
    'North Korean Diplomat Assigned to Cuba Defects to South Korea',
  )

  // Pages nobody has asked for before cannot be in any cache (this site shares its build's page
  // cache with the main e2e site, which has already rendered the author and topic pages): an
  // article, a search and a page of the front page, whose route is otherwise marked public.
  const never = Date.now().toString(36)
  for (const path of [
    `/articles/never-published-${never}`,
    `/search?q=${encodeURIComponent(`never asked ${never}`)}`,
    `/?page=${1000 + (Date.now() % 1000)}`,
  ]) {
    const uncached = await page.goto(`${site}${path}`)
    expect(uncached?.status(), path).toBe(503)
    const headers = uncached?.headers() ?? {}
    expect(headers['cache-control'], path).toMatch(/private|no-store/)
    expect(headers['cache-control'], path).not.toMatch(/public|s-maxage/)
    expect(headers['retry-after'], path).toMatch(/^\d+$/)
    expect(await uncached?.text(), path).not.toMatch(
      /ECONNREFUSED|fetch failed|at async|node_modules|\.tsx?:\d+/,
    )
    // Next answers with an error shell that names only a digest; the error boundary then shows
    // the reader a message in the browser.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'This page can’t be shown right now',
    )
    await expect(page.getByText('We’re having trouble reaching our newsroom systems')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  }

  // The stored page is still served after those failures.
  expect((await request.get(`${site}${ARTICLE}`)).status()).toBe(200)
})
