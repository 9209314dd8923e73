import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer, get as httpGet } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningNginx } from './nginx.ts'
import { findFreePort, findNginx, startNginx } from './nginx.ts'
import { renderEdgeConfig } from './render.ts'

// The real nginx with the real config, in front of a small origin that answers like the site
// (see apps/web/next.config.ts) and counts what reaches it. Skipped where nginx is not installed.
const bin = findNginx({ nginxBin: process.env.NGINX_BIN, path: process.env.PATH })

// EDGE_TEST_PORT pins the two ports (it and the next) on a shared machine; else the system picks.
const pinned = Number(process.env.EDGE_TEST_PORT ?? 0)

const PUBLIC = 'public, max-age=0, s-maxage=1, stale-while-revalidate=59'
const PAGE = `<!doctype html><title>story</title>${'<p>paragraph</p>'.repeat(200)}`

const hits = new Map<string, number>()
const seen: Array<{ path: string; acceptEncoding: string | undefined }> = []

const answer = async (req: IncomingMessage, res: ServerResponse) => {
  const path = req.url ?? '/'
  hits.set(path, (hits.get(path) ?? 0) + 1)
  seen.push({ path, acceptEncoding: req.headers['accept-encoding'] })
  const cacheControl: Record<string, string> = {
    '/articles/slow': PUBLIC,
    '/private': 'private, no-store',
    // Next's own header for an ISR page that next.config.ts does not list.
    '/unlisted': 's-maxage=3600, stale-while-revalidate=31532400',
    '/api/thing': 'public, s-maxage=60',
  }
  if (path === '/articles/slow') await sleep(300)
  // An old article address, as the site answers it (permanentRedirect from the article page).
  if (path === '/articles/old-slug') {
    // Next 16 repeats a cached redirect's Location (vercel/next.js#82117).
    res.setHeader('location', ['/articles/new-slug', '/articles/new-slug'])
    res.writeHead(308, { 'cache-control': PUBLIC })
    res.end('/articles/new-slug')
    return
  }
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': cacheControl[path] ?? PUBLIC,
    // With compression left to the edge (compress: false), Next leaves Accept-Encoding out.
    vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch',
  })
  res.end(`${PAGE}<!-- ${path} #${hits.get(path)} -->`)
}

/** The file nginx stored for a cache key: its own header, the origin's head, then the body. */
const storedCopy = (key: string): Buffer => {
  const files = readdirSync(join(scratch, 'run', 'cache'), { recursive: true, withFileTypes: true })
  for (const file of files) {
    if (!file.isFile()) continue
    const bytes = readFileSync(join(file.parentPath, file.name))
    if (bytes.includes(`\nKEY: ${key}`)) return bytes
  }
  throw new Error(`nothing stored under ${key}`)
}

let origin: Server
let edge: RunningNginx
let scratch: string
let base: string

const get = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(5000) })
  const body = Buffer.from(await res.arrayBuffer())
  return {
    status: res.status,
    cache: res.headers.get('x-cache-status'),
    headers: res.headers,
    body,
  }
}

describe.skipIf(!bin)('the edge in front of an origin', () => {
  beforeAll(async () => {
    const originPort = pinned || (await findFreePort())
    const edgePort = pinned ? pinned + 1 : await findFreePort()
    origin = createServer((req, res) => void answer(req, res))
    await new Promise<void>((resolve) => origin.listen(originPort, '127.0.0.1', resolve))
    scratch = mkdtempSync(join(tmpdir(), 'copydesk-edge-test-'))
    // mkdtemp makes it owner-only; nginx's workers run as `nobody` when the test runs as root.
    chmodSync(scratch, 0o755)
    const runDir = join(scratch, 'run')
    edge = await startNginx({
      bin: bin as string,
      runDir,
      config: renderEdgeConfig({
        runDir,
        listenHost: '127.0.0.1',
        listenPort: edgePort,
        origins: [{ host: '127.0.0.1', port: originPort }],
        workers: '1',
      }),
      host: '127.0.0.1',
      port: edgePort,
    })
    base = `http://127.0.0.1:${edgePort}`
  })

  afterAll(async () => {
    await edge?.stop()
    await new Promise((resolve) => origin?.close(resolve))
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  })

  it('stores a public page once and serves the copy', async () => {
    expect((await get('/articles/one')).cache).toBe('MISS')
    const second = await get('/articles/one')
    expect(second.cache).toBe('HIT')
    expect(second.body.toString()).toContain('#1')
    expect(hits.get('/articles/one')).toBe(1)
  })

  it('passes an old address’s 308 through with one Location, and stores it like a page', async () => {
    for (const acceptEncoding of ['gzip', 'identity']) {
      const answers = []
      for (let i = 0; i < 2; i++)
        answers.push(
          await get('/articles/old-slug', {
            redirect: 'manual',
            headers: { 'accept-encoding': acceptEncoding },
          }),
        )
      for (const answer of answers) {
        expect(answer.status).toBe(308)
        // Once, though the origin sent it twice (fetch would join two as "/a, /a").
        expect(answer.headers.get('location')).toBe('/articles/new-slug')
      }
      expect(answers.map((answer) => answer.cache)).toEqual(['MISS', 'HIT'])
    }
    // One request per stored copy (plain and compressed): the rest came from the cache.
    expect(hits.get('/articles/old-slug')).toBe(2)
  })

  it('keeps a compressed and a plain copy, so a page is gzipped once per refresh, not per reader', async () => {
    // node:http, unlike fetch, sends no Accept-Encoding of its own and hands over the body as sent.
    const raw = (headers: Record<string, string>) =>
      new Promise<{
        encoding?: string
        vary?: string
        cache?: string
        body: Buffer
      }>((resolve, reject) => {
        httpGet(`${base}/articles/compressed`, { headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () =>
            resolve({
              encoding: res.headers['content-encoding'],
              vary: res.headers.vary,
              cache: res.headers['x-cache-status'] as string | undefined,
              body: Buffer.concat(chunks),
            }),
          )
        }).on('error', reject)
      })
    const browser = { 'accept-encoding': 'gzip, deflate, br' }
    const first = await raw(browser)
    const second = await raw(browser)
    const plain = await raw({})
    const plainAgain = await raw({ 'accept-encoding': 'identity' })
    expect([first.cache, second.cache, plain.cache, plainAgain.cache]).toEqual([
      'MISS',
      'HIT',
      'MISS',
      'HIT',
    ])
    expect(second.encoding).toBe('gzip')
    // What is stored is already compressed, so serving it costs no compression per reader.
    const stored = storedCopy('gzip|/articles/compressed|')
    const body = stored.indexOf('\r\n\r\n') + 4
    expect([stored[body], stored[body + 1]]).toEqual([0x1f, 0x8b])
    expect(plain.encoding).toBeUndefined()
    expect(second.body.length).toBeLessThan(plain.body.length / 4)
    // The same page; the origin numbers its answers, and each copy was one of them.
    expect(gunzipSync(second.body).toString()).toBe(plain.body.toString().replace('#2', '#1'))
    // Readers' own caches learn that the answer depends on the encoding, once.
    for (const vary of [second.vary, plain.vary]) {
      expect(vary?.match(/accept-encoding/gi)).toHaveLength(1)
    }
    // One origin request per copy, each for plain bytes.
    expect(seen.filter((r) => r.path === '/articles/compressed')).toEqual([
      { path: '/articles/compressed', acceptEncoding: undefined },
      { path: '/articles/compressed', acceptEncoding: undefined },
    ])
  })

  it.each(['payload-token=abc', 'theme=dark; __prerender_bypass=x', '__next_preview_data=y'])(
    'bypasses the cache for the cookie %s',
    async (cookie) => {
      const before = hits.get('/articles/one') ?? 0
      const res = await get('/articles/one', { headers: { cookie } })
      expect(res.cache).toBe('BYPASS')
      expect(hits.get('/articles/one')).toBe(before + 1)
      // …and what it fetched for them did not replace the shared copy.
      expect((await get('/articles/one')).body.toString()).toContain('#1')
    },
  )

  it('passes writes and signed requests through', async () => {
    const before = hits.get('/articles/one') ?? 0
    expect((await get('/articles/one', { method: 'POST', body: 'x' })).cache).toBe('BYPASS')
    expect((await get('/articles/one', { headers: { authorization: 'JWT token' } })).cache).toBe(
      'BYPASS',
    )
    expect(hits.get('/articles/one')).toBe(before + 2)
  })

  it('stores nothing the origin did not mark public, and nothing under /api', async () => {
    for (const path of ['/private', '/unlisted', '/api/thing']) {
      await get(path)
      await get(path)
      expect(hits.get(path), path).toBe(2)
    }
  })

  it('keys pages on Next’s router headers, so a page and its RSC payload stay apart', async () => {
    await get('/articles/two')
    const rsc = await get('/articles/two', { headers: { rsc: '1' } })
    expect(rsc.cache).toBe('MISS')
    expect(hits.get('/articles/two')).toBe(2)
  })

  it('sends one request to the origin when many readers ask for a cold page at once', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => get('/articles/slow')))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(hits.get('/articles/slow')).toBe(1)
  })

  it('serves the stale copy while one background request refreshes it', async () => {
    await get('/articles/three')
    // s-maxage=1 on a clock with one-second steps: stale within two seconds.
    await sleep(2100)
    const stale = await get('/articles/three')
    expect(stale.cache).toBe('STALE')
    expect(stale.body.toString()).toContain('#1')
    for (let i = 0; i < 20 && (hits.get('/articles/three') ?? 0) < 2; i++) await sleep(50)
    expect(hits.get('/articles/three')).toBe(2)
    const fresh = await get('/articles/three')
    expect(fresh.cache).toBe('HIT')
    expect(fresh.body.toString()).toContain('#2')
  })
})
