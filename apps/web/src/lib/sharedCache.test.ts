import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { type RedisHandle, startRedis } from '@copydesk/origin/redis'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createSharedCache } from '../../cache-handler.mjs'
import { HeldPages, entryHead, entrySize } from '../../held-pages.mjs'

// Two workers of the site, each with its own connection and held pages, sharing one real Redis
// started the way `npm run start` starts it.

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })

type SharedCache = ReturnType<typeof createSharedCache>

// The handler's connections, closed at the end so nothing tries to reconnect to a stopped Redis.
type Connection = { quit: () => Promise<unknown> }
type HandlerInternals = {
  client: Connection
  sharedTagsMap: { subscriberClient: Connection; waitUntilReady: () => Promise<void> }
  revalidatedTagsMap: { subscriberClient: Connection; waitUntilReady: () => Promise<void> }
  inMemoryDeduplicationCache: { subscriberClient: Connection }
}
const internals = (cache: SharedCache) => cache.redis as unknown as HandlerInternals

/** The HTML or fetched body of a cache answer. */
const html = (answer: unknown) =>
  (answer as { value?: { html?: string } } | null | undefined)?.value?.html
const body = (answer: unknown) =>
  (answer as { value?: { data?: { body?: string } } } | null | undefined)?.value?.data?.body

let redis: RedisHandle
let observer: ReturnType<typeof createClient>
const caches: SharedCache[] = []
let run = 0

beforeAll(async () => {
  redis = await startRedis({
    port: await freePort(),
    dir: mkdtempSync(join(tmpdir(), 'web-shared-cache-')),
    log: () => {},
  })
  observer = createClient({ url: redis.url })
  await observer.connect()
})

afterAll(async () => {
  for (const handler of caches.splice(0).map(internals)) {
    const maps = [
      handler.sharedTagsMap,
      handler.revalidatedTagsMap,
      handler.inMemoryDeduplicationCache,
    ]
    await Promise.all(maps.map((map) => map.subscriberClient.quit().catch(() => {})))
    await handler.client.quit().catch(() => {})
  }
  await observer?.quit()
  await redis?.stop()
})

/** Two workers of one build: the same key prefix, as every worker of a deployment has. */
const twoWorkers = async (maxBytes?: number) => {
  run++
  const keyPrefix = `test-${run}:`
  const made = [0, 1].map(() => createSharedCache({ redisUrl: redis.url, keyPrefix, maxBytes }))
  caches.push(...made)
  await Promise.all(made.map((cache) => internals(cache).sharedTagsMap.waitUntilReady()))
  await Promise.all(made.map((cache) => internals(cache).revalidatedTagsMap.waitUntilReady()))
  return made as [SharedCache, SharedCache]
}

const page = (html: string, tags = 'article:budget,_N_T_/articles/budget') => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`flight data of ${html}`),
  headers: { 'x-next-cache-tags': tags },
  postponed: undefined,
  status: 200,
  segmentData: new Map([['/_tree', Buffer.from('segment')]]),
})

const PAGE = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }
const SET = {
  tags: [],
  isRoutePPREnabled: false,
  isFallback: false,
  cacheControl: { revalidate: false },
}

/** How many times Redis has answered each command so far. */
const commandCalls = async () => {
  const info = await observer.info('commandstats')
  const calls = (name: string) =>
    Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(info)?.[1] ?? 0)
  return { get: calls('get'), getrange: calls('getrange') }
}

// Writes come one millisecond apart at least, as renders of a page do.
const tick = () => new Promise((done) => setTimeout(done, 5))

describe('the shared cache across workers', () => {
  it('serves a page another worker rendered from memory while Redis holds that same entry', async () => {
    const [a, b] = await twoWorkers()
    await a.set('/articles/budget', page('<h1>Budget v1</h1>'), SET)

    const first = await b.get('/articles/budget', PAGE)
    expect(html(first)).toBe('<h1>Budget v1</h1>')
    const { rscData } = (first as { value: { rscData: Buffer } }).value
    expect(Buffer.from(rscData).toString()).toBe('flight data of <h1>Budget v1</h1>')

    const before = await commandCalls()
    for (let i = 0; i < 5; i++) {
      expect(html(await b.get('/articles/budget', PAGE))).toBe('<h1>Budget v1</h1>')
    }
    const after = await commandCalls()
    // Five answers, none of them read the whole entry again: each asked for its first bytes.
    expect(after.get - before.get).toBe(0)
    expect(after.getrange - before.getrange).toBe(5)
    expect(b.pages.size.pages).toBe(1)
  })

  it('answers a page as not cached once another worker revalidates its tag, and then the new render', async () => {
    const [a, b] = await twoWorkers()
    await a.set('/articles/budget', page('<h1>Budget v1</h1>'), SET)
    expect(html(await b.get('/articles/budget', PAGE))).toBe('<h1>Budget v1</h1>')

    // A publish: the worker that hears about it revalidates the story's tag.
    await a.revalidateTag('article:budget')
    expect(await b.get('/articles/budget', PAGE)).toBeNull()
    expect(b.pages.size.pages).toBe(0)

    // The handler shares one read of a key among the requests of the same moment; the re-render
    // comes later.
    await tick()
    await a.set('/articles/budget', page('<h1>Budget v2</h1>'), SET)
    expect(html(await b.get('/articles/budget', PAGE))).toBe('<h1>Budget v2</h1>')
  })

  it('swaps the held copy for a newer render another worker wrote over it', async () => {
    const [a, b] = await twoWorkers()
    await a.set('/articles/budget', page('<h1>Budget v1</h1>'), SET)
    expect(html(await b.get('/articles/budget', PAGE))).toBe('<h1>Budget v1</h1>')

    // A background re-render after the page went stale: written over, no revalidation.
    await tick()
    await a.set('/articles/budget', page('<h1>Budget v2</h1>'), SET)
    expect(html(await b.get('/articles/budget', PAGE))).toBe('<h1>Budget v2</h1>')
    expect(html(await a.get('/articles/budget', PAGE))).toBe('<h1>Budget v2</h1>')
  })

  it('leaves fetch results to the handler, which checks them against revalidated tags', async () => {
    const [a, b] = await twoWorkers()
    const data = {
      kind: 'FETCH',
      data: { headers: {}, body: '{"docs":[]}', status: 200, url: '' },
      revalidate: 60,
    }
    const FETCH = { kind: 'FETCH', tags: ['articles'], softTags: [], fetchCache: true }
    await a.set('articles?page=1', data, FETCH)
    expect(body(await b.get('articles?page=1', FETCH))).toBe('{"docs":[]}')
    expect(b.pages.size.pages).toBe(0)

    await tick()
    await a.revalidateTag('articles')
    expect(await b.get('articles?page=1', FETCH)).toBeNull()
  })
})

describe('HeldPages', () => {
  const entry = (lastModified: number, html: string) => ({
    lastModified,
    value: { kind: 'APP_PAGE', html, rscData: Buffer.alloc(0), segmentData: new Map() },
  })

  it('asks once for all the requests of a page that arrive while its question is on the way', async () => {
    let questions = 0
    const pages = new HeldPages({
      readHead: async () => {
        questions++
        await tick()
        return entryHead(1)
      },
    })
    await pages.get('/a', async () => entry(1, 'a'))
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => pages.get('/a', async () => entry(2, 'read again'))),
    )
    expect(answers.map((answer) => answer?.value)).toEqual(Array(20).fill(entry(1, 'a').value))
    expect(questions).toBe(1)
  })

  it('reads the page again when Redis cannot be asked', async () => {
    const pages = new HeldPages({ readHead: async () => Promise.reject(new Error('timed out')) })
    await pages.get('/a', async () => entry(1, 'a'))
    expect(html(await pages.get('/a', async () => entry(2, 'read again')))).toBe('read again')
  })

  it('keeps within its memory, letting the least recently used page go first', async () => {
    const size = entrySize(entry(1, 'x'.repeat(1000)).value)
    const heads = new Map<string, string>()
    const pages = new HeldPages({
      maxBytes: size * 2,
      readHead: async (key) => heads.get(key) ?? '',
    })
    const load = (key: string) => async () => {
      heads.set(key, entryHead(1))
      return entry(1, 'x'.repeat(1000))
    }
    await pages.get('/a', load('/a'))
    await pages.get('/b', load('/b'))
    await pages.get('/a', load('/a')) // /a is now the more recently used
    await pages.get('/c', load('/c'))
    expect(pages.size).toEqual({ pages: 2, bytes: size * 2 })

    let reads = 0
    const counted = (key: string) => async () => {
      reads++
      return load(key)()
    }
    await pages.get('/a', counted('/a'))
    await pages.get('/c', counted('/c'))
    expect(reads).toBe(0)
    await pages.get('/b', counted('/b'))
    expect(reads).toBe(1)
  })

  it('does not hold a page larger than its whole memory', async () => {
    const pages = new HeldPages({ maxBytes: 512, readHead: async () => entryHead(1) })
    await pages.get('/big', async () => entry(1, 'x'.repeat(4096)))
    expect(pages.size.pages).toBe(0)
  })
})
