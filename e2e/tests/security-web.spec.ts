import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { expect, test } from '@playwright/test'

import { DRAFT_MODE_COOKIE, PREVIEW_COOKIE } from '@copydesk/types/contract'
import { DRAFT_EXIT_PATH, readerPath } from '@copydesk/types/site-urls'

import { cmsUrl, E2E, inheritedEnv, webUrl } from '../env'
import { apiSignIn } from '../workflow'

/** The Set-Cookie line that sets (or expires) one cookie, from an answer's headers. */
const setCookie = (headers: { name: string; value: string }[], name: string) =>
  headers.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith(`${name}=`))
    ?.value ?? ''

test('production cookies are Secure: the staff session, and both preview cookies', async ({
  request,
}) => {
  const login = await request.post(`${cmsUrl}/api/users/login`, {
    data: { email: 'editor@example.com', password: E2E.password },
  })
  expect(login.ok()).toBe(true)
  // Payload writes `Secure=true`; a cookie parser ignores the value (RFC 6265, 5.2.5), as
  // Playwright's own jar shows.
  expect(setCookie(login.headersArray(), 'payload-token')).toMatch(/; Secure(=true)?(;|$)/)
  const { cookies } = await request.storageState()
  expect(cookies.find((cookie) => cookie.name === 'payload-token')?.secure).toBe(true)

  const editor = await apiSignIn(request, 'editor@example.com')
  const authors = (await (
    await request.get(`${cmsUrl}/api/authors?where[slug][equals]=claire-jimenez`)
  ).json()) as { docs: { id: string }[] }
  const created = await request.post(`${cmsUrl}/api/articles?draft=true`, {
    headers: { authorization: editor.authorization },
    data: {
      title: `A draft behind TLS ${Date.now().toString(36)}`,
      authors: [authors.docs[0]?.id],
    },
  })
  const { doc } = (await created.json()) as { doc: { id: string; slug: string } }
  try {
    const signed = await request.get(`${cmsUrl}/api/articles/${doc.id}/preview-url`, {
      headers: { authorization: editor.authorization },
    })
    const { url } = (await signed.json()) as { url: string }
    const entry = await request.get(url, { maxRedirects: 0 })
    expect(entry.status()).toBe(307)
    expect(entry.headers().location).toBe(readerPath('articles', doc.slug))
    for (const name of [DRAFT_MODE_COOKIE, PREVIEW_COOKIE]) {
      const line = setCookie(entry.headersArray(), name)
      expect(line).toMatch(/; Secure(;|$)/)
      expect(line).toMatch(/; HttpOnly(;|$)/)
      expect(line).toMatch(/; SameSite=lax(;|$)/i)
    }

    const exit = await request.get(
      `${webUrl}${DRAFT_EXIT_PATH}?path=${encodeURIComponent(readerPath('articles', doc.slug))}`,
      { maxRedirects: 0 },
    )
    expect(exit.headers().location).toBe(readerPath('articles', doc.slug))
    for (const name of [DRAFT_MODE_COOKIE, PREVIEW_COOKIE])
      expect(setCookie(exit.headersArray(), name)).toMatch(/Expires=Thu, 01 Jan 1970.*; Secure/)
  } finally {
    await request.delete(`${cmsUrl}/api/articles/${doc.id}`, {
      headers: { authorization: editor.authorization },
    })
  }
})

test('leaving preview never redirects off the site', async ({ request }) => {
  const hostile = [
    '/\\evil.example',
    '//evil.example',
    '/%5Cevil.example',
    'https://evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
  ]
  for (const path of hostile) {
    const exit = await request.get(`${webUrl}${DRAFT_EXIT_PATH}?path=${encodeURIComponent(path)}`, {
      maxRedirects: 0,
    })
    expect(exit.status(), path).toBe(307)
    expect(exit.headers().location, path).toBe('/')
  }
})

test('a production site refuses to start without the shared secrets, naming them', async () => {
  const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/web')
  const { REVALIDATE_SECRET: _revalidate, PREVIEW_SECRET: _preview, ...rest } = inheritedEnv
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(
      path.join(webDir, '../../node_modules/.bin/next'),
      ['start', '--port', String(E2E.webPort + 3)],
      { cwd: webDir, env: { ...rest, NODE_ENV: 'production' } },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
  expect(code).toBe(1)
  expect(output).toContain(
    'Refusing to start in production without REVALIDATE_SECRET and PREVIEW_SECRET',
  )
})
