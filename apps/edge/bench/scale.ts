/**
 * The reader site over archives of 1,000, 10,000 and 100,000 stories, in one run, on the default
 * local database (DocumentDB).
 *
 * For each size: a throwaway database, the archive written by `npm run seed:archive` (its
 * throughput), then the production CMS and site (one worker, its own Redis) on spare ports, and
 * the reader pages timed UNCACHED: every sample is a different address the site has not rendered
 * yet (a different story, topic, author, month, query or sitemap child), and the front page and the
 * sitemap index are revalidated before each of their samples. Then the admin's article list (the
 * CMS's own query; reported, no target) and the memory of every process. At the largest size it
 * also measures the origin's throughput on a cached article page with one worker and with two,
 * against nginx serving the same bytes from a file, in interleaved rounds.
 *
 *   npm run bench:scale -- [--sizes 1000,10000,100000] [--samples 20]
 *
 * Needs the production builds (`npm run build`). The last line is machine-readable:
 * `scale: stories=N import_per_s=… page_p95_ms=… search_p95_ms=… sitemap_ms=… workers2_ratio=…`
 */
import { type ChildProcess, spawn } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'
import type { Result } from 'autocannon'

import { ensureDatabase } from '@copydesk/devdb/ensure'

import { workerPorts } from '@copydesk/origin/workers'

import { inheritedEnv, readEdgeEnv } from '../src/env.ts'
import { findFreePort, findNginx } from '../src/nginx.ts'

import { startStaticServer } from './staticServer.ts'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const cmsDir = join(repoRoot, 'apps/cms')
const webDir = join(repoRoot, 'apps/web')

const SECRET = 'scale-bench-secret-that-is-long-enough-for-production'
const SHARED = 'scale-bench-shared-secret'
const ADMIN = { email: 'bench@example.com', password: 'scale-bench-password', name: 'Bench' }
const REQUEST_TIMEOUT_MS = 30_000
const THROUGHPUT_SECONDS = 10
const THROUGHPUT_ROUNDS = 3
const CONNECTIONS = 50

// Targets at the largest size (the issue's): reader pages, search, one sitemap child, two workers.
const TARGETS = { pageP95: 150, searchP95: 200, sitemapMs: 2000, workers2: 1.3 }

const say = (line: string) => console.log(`[scale] ${line}`)

class BenchError extends Error {
  override name = 'BenchError'
}

// --- options ----------------------------------------------------------------------------------

type Options = { sizes: number[]; samples: number }

const parseOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      samples: { type: 'string', default: '20' },
    },
    strict: true,
  })
  const sizes = values.sizes.split(',').map((text) => Number(text.trim()))
  if (sizes.some((size) => !Number.isInteger(size) || size < 100 || size > 1_000_000)) {
    throw new BenchError(
      `--sizes must be whole numbers from 100 to 1000000, got "${values.sizes}".`,
    )
  }
  const samples = Number(values.samples)
  if (!Number.isInteger(samples) || samples < 3 || samples > 500) {
    throw new BenchError(`--samples must be a whole number from 3 to 500, got "${values.samples}".`)
  }
  return { sizes: [...sizes].sort((a, b) => a - b), samples }
}

// --- processes --------------------------------------------------------------------------------

const cleanups: Array<() => Promise<void>> = []

const stopChild = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/** Starts a server process and waits until `readyUrl` answers 2xx; its output goes to a log file. */
const startServer = async ({
  name,
  args,
  cwd,
  env,
  readyUrl,
  logDir,
}: {
  name: string
  args: string[]
  cwd: string
  env: Record<string, string>
  readyUrl: string
  logDir: string
}): Promise<ChildProcess> => {
  const logFile = join(logDir, `${name}.log`)
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...inheritedEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8')
    if (output.length > 200_000) output = output.slice(-100_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  cleanups.push(async () => {
    await stopChild(child)
    writeFileSync(logFile, output)
  })
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new BenchError(`${name} exited (${child.exitCode}):\n${output.slice(-2000)}`)
    }
    const answer = await fetch(readyUrl).then(
      (res) => res.ok,
      () => false,
    )
    if (answer) return child
    await sleep(250)
  }
  throw new BenchError(
    `${name} did not answer at ${readyUrl} within 180 s:\n${output.slice(-2000)}`,
  )
}

const nextBin = join(repoRoot, 'node_modules/next/dist/bin/next')
const originBin = join(repoRoot, 'packages/origin/bin/copydesk-origin.js')

type Proc = { pid: number; ppid: number; name: string; rssKb: number }

/** Every process on the machine, from /proc. */
const processes = (): Proc[] => {
  const list: Proc[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8')
      list.push({
        pid: Number(entry),
        ppid: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0),
        name: /^Name:\s+(.*)$/m.exec(status)?.[1]?.trim() ?? '?',
        rssKb: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0),
      })
    } catch {
      // The process ended while we read.
    }
  }
  return list
}

/** The processes under `root` (itself included). */
const treeOf = (all: Proc[], root: number | undefined): Proc[] => {
  if (!root) return []
  const children = new Map<number, Proc[]>()
  for (const proc of all) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc])
  const found: Proc[] = []
  const queue = all.filter((proc) => proc.pid === root)
  while (queue.length > 0) {
    const proc = queue.shift() as Proc
    found.push(proc)
    queue.push(...(children.get(proc.pid) ?? []))
  }
  return found
}

const megabytes = (procs: Proc[]) => procs.reduce((sum, proc) => sum + proc.rssKb, 0) / 1024

/** Resident memory of the database, the CMS, the site's workers and Redis, in MB. */
const memoryOf = (cms: ChildProcess, site: ChildProcess): Record<string, number> => {
  const all = processes()
  const ours = treeOf(all, process.pid)
  const siteTree = treeOf(all, site.pid)
  return {
    'database (PostgreSQL)': megabytes(ours.filter((p) => p.name.startsWith('postgres'))),
    'database (gateway)': megabytes(ours.filter((p) => p.name.startsWith('documentdb'))),
    CMS: megabytes(treeOf(all, cms.pid)),
    'site worker': megabytes(siteTree.filter((p) => p.name.startsWith('next-server'))),
    'site launcher': megabytes(siteTree.filter((p) => p.pid === site.pid)),
    Redis: megabytes(siteTree.filter((p) => p.name.startsWith('redis'))),
  }
}

/** CPU time (user + system, in clock ticks) of these processes so far. */
const cpuTicks = (procs: Proc[]): number =>
  procs.reduce((sum, proc) => {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are 12th and 13th.
      const stat = readFileSync(`/proc/${proc.pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return sum + Number(fields[11]) + Number(fields[12])
    } catch {
      return sum
    }
  }, 0)

/**
 * Waits until the servers this bench started (the database above all: after a bulk load
 * PostgreSQL vacuums and analyzes the new tables for minutes) use less than a tenth of a core
 * over five seconds, so that work is not measured as the pages' time. Gives up after ten minutes
 * and says so. Returns the seconds waited.
 */
const waitForQuiet = async (): Promise<number> => {
  const started = Date.now()
  const ticksPerSecond = 100
  for (;;) {
    const ours = () => treeOf(processes(), process.pid).filter((p) => p.pid !== process.pid)
    const before = cpuTicks(ours())
    await new Promise((done) => setTimeout(done, 5000))
    const used = (cpuTicks(ours()) - before) / ticksPerSecond / 5
    const waited = (Date.now() - started) / 1000
    if (used < 0.1) return waited
    if (waited > 600) {
      say(`  still busy after ${Math.round(waited)} s (${used.toFixed(2)} cores); measuring anyway`)
      return waited
    }
  }
}

/** CPU ticks of each process, by pid. */
const ticksByPid = (procs: Proc[]): Map<number, number> =>
  new Map(procs.map((proc) => [proc.pid, cpuTicks([proc])]))

/**
 * Runs `work` and says how many cores each part of this bench's process tree used meanwhile:
 * the site (its launcher and workers), Redis, the database, the rest (the CMS, nginx) and the
 * load generator (this process). Two workers can only gain what the cores left over allow.
 */
const coresDuring = async <T>(
  siteRoot: () => number | undefined,
  work: () => Promise<T>,
): Promise<{ result: T; cores: Record<string, number> }> => {
  const ours = () => treeOf(processes(), process.pid).filter((p) => p.pid !== process.pid)
  const before = ticksByPid(ours())
  const ownBefore = process.cpuUsage()
  const started = performance.now()
  const result = await work()
  const seconds = (performance.now() - started) / 1000
  const all = ours()
  const after = ticksByPid(all)
  const own = process.cpuUsage(ownBefore)
  const site = new Set(treeOf(all, siteRoot()).map((p) => p.pid))
  const partOf = (proc: Proc) =>
    proc.name.startsWith('redis')
      ? 'Redis'
      : site.has(proc.pid)
        ? 'site'
        : proc.name.startsWith('postgres') || proc.name.startsWith('documentdb')
          ? 'database'
          : 'CMS and nginx'
  const cores: Record<string, number> = { site: 0, Redis: 0, database: 0, 'CMS and nginx': 0 }
  for (const proc of all) {
    const used = (after.get(proc.pid) ?? 0) - (before.get(proc.pid) ?? 0)
    cores[partOf(proc)] = (cores[partOf(proc)] ?? 0) + used / 100 / seconds
  }
  cores['load generator'] = (own.user + own.system) / 1e6 / seconds
  return { result, cores }
}

const coresText = (cores: Record<string, number>) =>
  Object.entries(cores)
    .map(([part, used]) => `${part} ${used.toFixed(2)}`)
    .join(', ')

// --- HTTP -------------------------------------------------------------------------------------

type Timed = { status: number; ms: number; body: string }

const timedGet = async (url: string, headers: Record<string, string> = {}): Promise<Timed> => {
  const started = performance.now()
  const res = await fetch(url, {
    headers: { 'accept-encoding': 'identity', ...headers },
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  })
  const body = await res.text()
  return { status: res.status, ms: performance.now() - started, body }
}

const getJson = async <T>(url: string, headers: Record<string, string> = {}): Promise<T> => {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS * 4) })
  if (!res.ok)
    throw new BenchError(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
  return (await res.json()) as T
}

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

// --- one archive size -------------------------------------------------------------------------

type Figure = { p50: number; p95: number; n: number; failed: number }
type SizeResult = {
  size: number
  importPerS: number
  figures: Record<string, Figure>
  memoryMb: Record<string, number>
  throughput?: { static: number; one: number; two: number }
}

const READER_PAGES = [
  'home',
  'article',
  'topic page 1',
  'topic deep page',
  'author',
  'date archive',
] as const

const runSeed = async (size: number, databaseUri: string): Promise<number> => {
  say(`importing ${size.toLocaleString('en')} stories (npm run seed:archive)…`)
  const started = performance.now()
  const child = spawn('npm', ['run', 'seed:archive', '--silent', '--', '--stories', String(size)], {
    cwd: repoRoot,
    env: { ...inheritedEnv(), DATABASE_URI: databaseUri },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let last = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8')
    process.stdout.write(text)
    last = (last + text).slice(-2000)
  })
  const code = await new Promise<number | null>((done) => child.once('exit', done))
  if (code !== 0) throw new BenchError(`seed:archive exited ${code}`)
  const seconds = (performance.now() - started) / 1000
  // The seeder prints its own rate, which leaves out its start-up (loading Payload).
  const own = /stories_per_s=([\d.]+)/.exec(last)?.[1]
  const rate = own ? Number(own.replaceAll(',', '')) : size / seconds
  say(`imported in ${seconds.toFixed(1)} s (${Math.round(rate)} stories/s)`)
  return rate
}

type Doc = { id: string; slug?: string; name?: string; title?: string; publishedAt?: string }
type Page<T> = { docs: T[]; totalDocs: number; totalPages: number }

/** `count` documents spread evenly over a collection, fetched a page at a time. */
const spread = async <T>(cms: string, path: string, count: number): Promise<T[]> => {
  const first = await getJson<Page<T>>(`${cms}${path}&limit=1&page=1`)
  const step = Math.max(1, Math.floor(first.totalDocs / count))
  const picks: T[] = []
  for (let i = 0; i < count && i * step < first.totalDocs; i++) {
    const page = await getJson<Page<T>>(`${cms}${path}&limit=1&page=${i * step + 1}`)
    if (page.docs[0]) picks.push(page.docs[0])
  }
  return picks
}

/** The highest `page=N` a listing links to, from its first page's HTML. */
const lastPage = (html: string): number =>
  Math.max(
    1,
    ...[...html.matchAll(/[?&]page=(\d+)|\/page\/(\d+)/g)].map((m) => Number(m[1] ?? m[2])),
  )

const measureSize = async (
  size: number,
  options: Options,
  isLargest: boolean,
): Promise<SizeResult> => {
  const scratch = mkdtempSync(join(tmpdir(), `copydesk-scale-${size}-`))
  chmodSync(scratch, 0o755)
  const logDir = join(scratch, 'logs')
  mkdirSync(logDir)
  const sizeCleanups = cleanups.length

  const db = await ensureDatabase({
    port: 0,
    dataDir: join(scratch, 'db'),
    dbName: 'scale',
    log: (line) => say(`  ${line}`),
  })
  cleanups.push(db.stop)
  const importPerS = await runSeed(size, db.uri)

  const [cmsPort, webPort, redisPort] = [
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
  ]
  const cms = `http://127.0.0.1:${cmsPort}`
  const site = `http://127.0.0.1:${webPort}`
  const shared = { REVALIDATE_SECRET: SHARED, PREVIEW_SECRET: SHARED, NODE_ENV: 'production' }
  const cmsChild = await startServer({
    name: 'cms',
    args: [nextBin, 'start', '--port', String(cmsPort)],
    cwd: cmsDir,
    env: { ...shared, DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET, CMS_URL: cms, WEB_URL: site },
    readyUrl: `${cms}/api/topics?limit=1`,
    logDir,
  })
  const startSite = (workers: number) =>
    startServer({
      name: `site-${workers}`,
      args: [originBin, 'start'],
      cwd: webDir,
      env: {
        ...shared,
        CMS_URL: cms,
        SITE_URL: site,
        WEB_PORT: String(webPort),
        WEB_WORKERS: String(workers),
        REDIS_PORT: String(redisPort),
        DEVDB_DATA_DIR: scratch,
      },
      readyUrl: `${site}/robots.txt`,
      logDir,
    })
  let siteChild = await startSite(1)

  say(`servers quiet after ${Math.round(await waitForQuiet())} s`)

  // What to ask for: different addresses for every sample, so none was rendered before.
  const n = options.samples
  const published =
    '?where[_status][equals]=published&depth=0&sort=-publishedAt&select[slug]=true&select[publishedAt]=true&select[title]=true'
  const articles = await spread<Doc>(cms, `/api/articles${published}`, n)
  const topics = await spread<Doc>(cms, '/api/topics?depth=0&sort=slug', n)
  const authors = await spread<Doc>(cms, '/api/authors?depth=0&sort=slug', n)
  const months = [
    ...new Set(articles.map((a) => a.publishedAt?.slice(0, 7)).filter(Boolean)),
  ] as string[]
  const words = articles.flatMap((a) => (a.title ?? '').split(/\s+/).filter((w) => w.length > 5))
  say(
    `samples: ${articles.length} stories, ${topics.length} topics, ${authors.length} authors, ${months.length} months`,
  )

  const timings: Record<string, number[]> = {}
  const failures: Record<string, number> = {}
  const record = (name: string, answer: Timed) => {
    if (answer.status !== 200) failures[name] = (failures[name] ?? 0) + 1
    else (timings[name] ??= []).push(answer.ms)
  }
  const revalidate = (tags: string[]) =>
    fetch(`${site}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SHARED}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tags }),
    })

  for (let i = 0; i < n; i++) {
    await revalidate(['articles'])
    record('home', await timedGet(`${site}/`))
  }
  for (const article of articles)
    record('article', await timedGet(`${site}/articles/${article.slug}`))
  const deepPages: string[] = []
  for (const topic of topics) {
    const first = await timedGet(`${site}/topics/${topic.slug}`)
    record('topic page 1', first)
    const last = Math.min(500, lastPage(first.body))
    if (last > 1) deepPages.push(`${site}/topics/${topic.slug}?page=${last}`)
  }
  for (const url of deepPages) record('topic deep page', await timedGet(url))
  for (const author of authors) record('author', await timedGet(`${site}/authors/${author.slug}`))
  for (const month of months) {
    const [year, mm] = month.split('-')
    record('date archive', await timedGet(`${site}/archive/${year}/${mm}`))
  }
  for (const word of words.slice(0, n)) {
    record('search', await timedGet(`${site}/search?q=${encodeURIComponent(word.toLowerCase())}`))
  }
  const children: string[] = []
  for (let i = 0; i < Math.min(n, 5); i++) {
    await revalidate(['articles'])
    const index = await timedGet(`${site}/sitemap.xml`)
    record('sitemap index', index)
    if (i === 0)
      children.push(...[...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string))
  }
  for (const child of children.slice(0, n)) {
    record('sitemap child', await timedGet(child.replace(/^https?:\/\/[^/]+/, site)))
  }

  // The admin's article list, as Payload's list view asks for it.
  await fetch(`${cms}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  const login = await fetch(`${cms}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  })
  const { token } = (await login.json()) as { token: string }
  for (let i = 0; i < n; i++) {
    record(
      'admin article list',
      await timedGet(
        `${cms}/api/articles?depth=0&draft=true&limit=10&page=${i + 1}&sort=-updatedAt`,
        {
          authorization: `JWT ${token}`,
        },
      ),
    )
  }

  const memoryMb = memoryOf(cmsChild, siteChild)

  let throughput: SizeResult['throughput']
  if (isLargest) {
    say(`servers quiet after ${Math.round(await waitForQuiet())} s; measuring throughput`)
    throughput = await measureThroughput({
      site,
      siteRoot: () => siteChild.pid,
      articlePath: `/articles/${articles[0]?.slug}`,
      scratch,
      restart: async (workers) => {
        await stopChild(siteChild)
        siteChild = await startSite(workers)
      },
      webPort,
    })
  }

  // Stop this size's servers and database before the next size starts.
  for (const cleanup of cleanups.splice(sizeCleanups).reverse()) await cleanup().catch(() => {})
  // The database's files are the bulk of the scratch folder; the servers' logs stay.
  rmSync(join(scratch, 'db'), { recursive: true, force: true })
  say(`logs of this size: ${logDir}`)

  const figures: Record<string, Figure> = {}
  for (const name of new Set([...Object.keys(timings), ...Object.keys(failures)])) {
    const values = timings[name] ?? []
    figures[name] = {
      p50: percentile(values, 50),
      p95: percentile(values, 95),
      n: values.length,
      failed: failures[name] ?? 0,
    }
  }
  return { size, importPerS, figures, memoryMb, throughput }
}

// --- throughput: one worker, two workers, static ----------------------------------------------

const load = (url: string, seconds: number, connections: number): Promise<Result> =>
  new Promise((done, fail) => {
    autocannon({ url, connections, duration: seconds }, (error, result) =>
      error ? fail(error) : done(result),
    )
  })

const measureThroughput = async ({
  site,
  siteRoot,
  articlePath,
  scratch,
  restart,
  webPort,
}: {
  site: string
  siteRoot: () => number | undefined
  articlePath: string
  scratch: string
  restart: (workers: number) => Promise<void>
  webPort: number
}) => {
  const bin = findNginx(readEdgeEnv(inheritedEnv()))
  if (!bin) throw new BenchError('nginx is not installed: it serves the static ceiling.')
  const html = Buffer.from((await timedGet(`${site}${articlePath}`)).body)
  const { nginx, url: staticUrl } = await startStaticServer({
    bin,
    scratch,
    path: articlePath,
    body: html,
    port: 0,
    workers: 'auto',
  })
  cleanups.push(nginx.stop)

  const secondWorker = `http://127.0.0.1:${workerPorts(webPort, 2)[1]}`
  const rounds = { static: [] as number[], one: [] as number[], two: [] as number[] }
  for (let round = 1; round <= THROUGHPUT_ROUNDS; round++) {
    await load(`${staticUrl.origin}${articlePath}`, 3, CONNECTIONS)
    rounds.static.push(
      (await load(`${staticUrl.origin}${articlePath}`, THROUGHPUT_SECONDS, CONNECTIONS)).requests
        .average,
    )
    await restart(1)
    await load(`${site}${articlePath}`, 3, CONNECTIONS)
    const one = await coresDuring(siteRoot, () =>
      load(`${site}${articlePath}`, THROUGHPUT_SECONDS, CONNECTIONS),
    )
    rounds.one.push(one.result.requests.average)
    await restart(2)
    const both = [`${site}${articlePath}`, `${secondWorker}${articlePath}`]
    // Each of two fresh workers gets half the load: warmed twice as long, each has answered as
    // many requests as the single worker had before it was measured.
    await Promise.all(both.map((url) => load(url, 6, CONNECTIONS / 2)))
    const two = await coresDuring(siteRoot, () =>
      Promise.all(both.map((url) => load(url, THROUGHPUT_SECONDS, CONNECTIONS / 2))),
    )
    rounds.two.push(two.result.reduce((sum, r) => sum + r.requests.average, 0))
    say(
      `throughput round ${round}: static ${Math.round(rounds.static.at(-1) ?? 0)} req/s, one worker ${Math.round(rounds.one.at(-1) ?? 0)}, two workers ${Math.round(rounds.two.at(-1) ?? 0)}`,
    )
    say(`  cores with one worker: ${coresText(one.cores)}`)
    say(`  cores with two workers: ${coresText(two.cores)}`)
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
  return { static: mean(rounds.static), one: mean(rounds.one), two: mean(rounds.two) }
}

// --- report -----------------------------------------------------------------------------------

const fmt = (value: number) =>
  Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(1) : Math.round(value).toString()

const report = (results: SizeResult[]) => {
  const names = [...new Set(results.flatMap((r) => Object.keys(r.figures)))]
  const first = results[0] as SizeResult
  const last = results.at(-1) as SizeResult
  const logRatio = Math.log(last.size) / Math.log(first.size)
  const header = [
    '',
    ...results.map((r) => `${r.size.toLocaleString('en')} p50/p95 ms`),
    `p95 ${last.size.toLocaleString('en')}/${first.size.toLocaleString('en')}`,
  ]
  const rows = names.map((name) => {
    const cells = results.map((r) => {
      const f = r.figures[name]
      if (!f) return 'n/a'
      return `${fmt(f.p50)} / ${fmt(f.p95)}${f.failed ? ` (${f.failed} failed)` : ''}`
    })
    const ratio = (last.figures[name]?.p95 ?? Number.NaN) / (first.figures[name]?.p95 ?? Number.NaN)
    return [name, ...cells, Number.isNaN(ratio) ? 'n/a' : `${ratio.toFixed(2)}×`]
  })
  rows.unshift([
    'import (stories/s)',
    ...results.map((r) => Math.round(r.importPerS).toString()),
    '',
  ])
  for (const name of [...new Set(results.flatMap((r) => Object.keys(r.memoryMb)))]) {
    rows.push([
      `memory: ${name} (MB)`,
      ...results.map((r) => fmt(r.memoryMb[name] ?? Number.NaN)),
      '',
    ])
  }
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)),
  )
  for (const row of [header, ...rows])
    say(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    )
  say(
    `log(${last.size})/log(${first.size}) = ${logRatio.toFixed(2)}: a p95 ratio above it grows faster than the logarithm of the archive`,
  )

  const p95 = (name: string) => last.figures[name]?.p95 ?? Number.NaN
  const pageP95 = Math.max(...READER_PAGES.map(p95).filter((v) => !Number.isNaN(v)))
  const searchP95 = p95('search')
  const sitemapMs = Math.max(p95('sitemap child'), p95('sitemap index'))
  const ratio = last.throughput ? last.throughput.two / last.throughput.one : Number.NaN
  if (last.throughput) {
    say(
      `origin throughput at ${last.size.toLocaleString('en')}: static ${Math.round(last.throughput.static)} req/s, one worker ${Math.round(last.throughput.one)} (${(last.throughput.one / last.throughput.static).toFixed(2)}), two workers ${Math.round(last.throughput.two)} (${(last.throughput.two / last.throughput.static).toFixed(2)})`,
    )
  }
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')
  say(
    `targets: page p95 ≤ ${TARGETS.pageP95} ms ${verdict(pageP95 <= TARGETS.pageP95)}, search p95 ≤ ${TARGETS.searchP95} ms ${verdict(searchP95 <= TARGETS.searchP95)}, sitemap ≤ ${TARGETS.sitemapMs} ms ${verdict(sitemapMs <= TARGETS.sitemapMs)}, two workers ≥ ${TARGETS.workers2}× ${verdict(ratio >= TARGETS.workers2)}`,
  )
  console.log(
    `scale: stories=${last.size} import_per_s=${Math.round(last.importPerS)} page_p95_ms=${fmt(pageP95)} search_p95_ms=${fmt(searchP95)} sitemap_ms=${fmt(sitemapMs)} workers2_ratio=${Number.isNaN(ratio) ? 'n/a' : ratio.toFixed(2)}`,
  )
}

const main = async () => {
  const options = parseOptions()
  for (const dir of [cmsDir, webDir]) {
    if (!existsSync(join(dir, '.next', 'BUILD_ID'))) {
      throw new BenchError(`no production build in ${dir}: run \`npm run build\` first.`)
    }
  }
  say(`archive sizes ${options.sizes.join(', ')}, ${options.samples} samples per figure`)
  const results: SizeResult[] = []
  for (const [i, size] of options.sizes.entries()) {
    results.push(await measureSize(size, options, i === options.sizes.length - 1))
  }
  report(results)
}

const cleanUp = async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {})
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    say(`${signal}: stopping`)
    void cleanUp().finally(() => process.exit(130))
  })
}

try {
  await main()
} catch (error) {
  console.error(error instanceof BenchError ? `[scale] ${error.message}` : error)
  process.exitCode = 1
} finally {
  await cleanUp()
}
