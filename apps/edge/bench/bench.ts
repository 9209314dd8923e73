/**
 * How much of nginx's static-file throughput the reader site reaches, directly and through the
 * edge, and how long a published story takes to be readable at each. Runs against a CMS and a
 * site that are already up (`npm run start`); starts only throwaway nginx processes of its own.
 * Every request goes to a loopback address, and every loop has a count and a time limit.
 *
 * With several site workers running (WEB_WORKERS, `npm run start`'s default of one per core), it
 * also loads all of them at once, each directly, and compares that with the first one alone.
 *
 * The last line is machine-readable:
 * `bench: edge_ratio=E origin_ratio=O edge_p99_ms=X publish_visible_ms=Y edge_visible_ms=Z`
 * followed by ` workers=N workers_ratio=W` when there is more than one worker.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'

import autocannon from 'autocannon'
import type { Instance, Result } from 'autocannon'

import type { BenchEnv } from '../src/env.ts'
import { EnvError, readBenchEnv } from '../src/env.ts'
import type { RunningNginx } from '../src/nginx.ts'
import { findFreePort, findNginx, nginxVersion, startNginx } from '../src/nginx.ts'
import { renderEdgeConfig } from '../src/render.ts'

import { startStaticServer } from './staticServer.ts'

const ARTICLE_PATH = '/articles/north-korean-diplomat-assigned-to-cuba-defects-to-south-korea'
const AUTHOR_SLUG = 'claire-jimenez'
const CONNECTIONS = 50
const WARMUP_SECONDS = 3
const MEASURE_SECONDS = 10
const ROUNDS = 2
const VISIBILITY_RUNS = 10
const POLL_INTERVAL_MS = 20
const POLL_LIMIT_MS = 30_000
const REQUEST_TIMEOUT_MS = 10_000

/** A problem the person running the benchmark can fix; printed as one line, exit code 1. */
class BenchError extends Error {
  override name = 'BenchError'
}

const say = (line: string) => console.log(`bench: ${line}`)

// --- stopping -------------------------------------------------------------------------------

let isAborted = false
const running = new Set<Instance>()
const cleanups: Array<() => Promise<void>> = []

const checkAborted = () => {
  if (isAborted) throw new BenchError('interrupted')
}

// --- HTTP -----------------------------------------------------------------------------------

type Answer = { status: number; body: Buffer; headers: Headers }

/**
 * One request with a deadline. Asks for identity encoding so every server under test sends the
 * same bytes the static file holds.
 */
const request = async (
  url: URL | string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> => {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    headers: {
      'accept-encoding': 'identity',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers }
}

/** The answer, or undefined when nothing answers (refused, reset, timed out). */
const probe = async (url: URL | string): Promise<Answer | undefined> => {
  try {
    return await request(url)
  } catch {
    return undefined
  }
}

// --- setup ----------------------------------------------------------------------------------

const START_HINT =
  'start the stack first (`npm run build && npm run start`, with PAYLOAD_SECRET, REVALIDATE_SECRET and PREVIEW_SECRET set), or point CMS_URL / WEB_URL at it'

const checkStack = async (env: BenchEnv): Promise<Buffer> => {
  const cms = await probe(new URL('/api/articles?limit=1&depth=0', env.cmsUrl))
  if (!cms) throw new BenchError(`nothing answers at CMS_URL=${env.cmsUrl.origin}: ${START_HINT}.`)
  if (cms.status !== 200) {
    throw new BenchError(`the CMS at ${env.cmsUrl.origin} answered ${cms.status} to /api/articles.`)
  }
  const page = await probe(new URL(ARTICLE_PATH, env.webUrl))
  if (!page) throw new BenchError(`nothing answers at WEB_URL=${env.webUrl.origin}: ${START_HINT}.`)
  if (page.status === 404) {
    throw new BenchError(
      `the site answers 404 for ${ARTICLE_PATH}: import the content first (\`npm run seed\`).`,
    )
  }
  if (page.status !== 200) {
    throw new BenchError(`the site answered ${page.status} for ${ARTICLE_PATH}.`)
  }
  return page.body
}

/** A temp folder nginx's workers can read: they run as `nobody` when nginx is started as root. */
const makeScratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'))
  chmodSync(dir, 0o755)
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const startStatic = async (
  env: BenchEnv,
  bin: string,
  scratch: string,
  html: Buffer,
): Promise<URL> => {
  const { nginx, url } = await startStaticServer({
    bin,
    scratch,
    path: ARTICLE_PATH,
    body: html,
    port: env.staticPort,
    workers: env.edge.workers,
  })
  cleanups.push(nginx.stop)
  const check = await request(new URL(ARTICLE_PATH, url))
  if (check.status !== 200 || !check.body.equals(html)) {
    throw new BenchError(`the static nginx on ${url.host} did not serve the page's bytes.`)
  }
  return url
}

/** The edge at EDGE_URL if one answers there, else a throwaway one in front of WEB_URL. */
const findOrStartEdge = async (
  env: BenchEnv,
  bin: string,
  scratch: string,
): Promise<{ url: URL; note: string }> => {
  const health = await probe(new URL('/_edge/health', env.edgeUrl))
  if (health?.status === 200 && health.body.toString().trim() === 'copydesk-edge') {
    return { url: env.edgeUrl, note: `the running edge at ${env.edgeUrl.origin}` }
  }
  if (health) {
    throw new BenchError(
      `something other than the edge answers at EDGE_URL=${env.edgeUrl.origin}; stop it or set EDGE_URL.`,
    )
  }
  const port = env.spareEdgePort || (await findFreePort())
  const runDir = join(scratch, 'edge-run')
  const nginx: RunningNginx = await startNginx({
    bin,
    runDir,
    config: renderEdgeConfig({
      runDir,
      listenHost: '127.0.0.1',
      listenPort: port,
      // `[::1]` keeps its brackets: nginx reads an IPv6 upstream that way.
      origins: [{ host: env.webUrl.hostname, port: Number(env.webUrl.port || 80) }],
      workers: env.edge.workers,
    }),
    host: '127.0.0.1',
    port,
  })
  cleanups.push(nginx.stop)
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    note: `a throwaway edge on 127.0.0.1:${port} (none answered at ${env.edgeUrl.origin})`,
  }
}

// --- throughput -----------------------------------------------------------------------------

/**
 * `edge+gz` is the edge asked for gzip, as browsers ask: reported for information (its bytes are
 * not the static file's, so it has no ratio).
 */
type Target = {
  name: 'static' | 'origin' | 'edge' | 'edge+gz'
  url: URL
  headers?: Record<string, string>
}
type Figures = { rps: number; p50: number; p99: number }

const load = (
  url: string,
  seconds: number,
  headers?: Record<string, string>,
  connections = CONNECTIONS,
): Promise<Result> =>
  new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers },
      (error, result) => {
        running.delete(instance)
        if (error) reject(error)
        else resolve(result)
      },
    )
    running.add(instance)
  })

/**
 * Every site worker loaded at once, each directly with its share of the connections: what the
 * workers serve together, without a proxy's cost in the figure. Requests per second add up; the
 * latencies are the slowest worker's.
 */
const measureWorkers = async (urls: URL[], round: number): Promise<Figures> => {
  const share = Math.ceil(CONNECTIONS / urls.length)
  const paths = urls.map((url) => new URL(ARTICLE_PATH, url).toString())
  await Promise.all(paths.map((path) => load(path, WARMUP_SECONDS, undefined, share)))
  checkAborted()
  const results = await Promise.all(
    paths.map((path) => load(path, MEASURE_SECONDS, undefined, share)),
  )
  checkAborted()
  const figures = {
    rps: results.reduce((sum, result) => sum + result.requests.average, 0),
    p50: Math.max(...results.map((result) => result.latency.p50)),
    p99: Math.max(...results.map((result) => result.latency.p99)),
  }
  say(
    `round ${round}/${ROUNDS} workers ${Math.round(figures.rps).toString().padStart(6)} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms  (${urls.length} workers × ${share} connections)`,
  )
  const problems = results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0)
  if (problems > 0) say(`  warning: ${problems} non-2xx answers, errors or timeouts in that run`)
  return figures
}

const measure = async (target: Target, round: number): Promise<Figures> => {
  const url = new URL(ARTICLE_PATH, target.url).toString()
  await load(url, WARMUP_SECONDS, target.headers)
  checkAborted()
  const result = await load(url, MEASURE_SECONDS, target.headers)
  checkAborted()
  const figures = {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }
  say(
    `round ${round}/${ROUNDS} ${target.name.padEnd(7)} ${Math.round(figures.rps)
      .toString()
      .padStart(
        6,
      )} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms  (${result.requests.total} requests)`,
  )
  const problems = result.non2xx + result.errors + result.timeouts
  if (problems > 0) {
    say(
      `  warning: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts in that run`,
    )
  }
  return figures
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/**
 * The site's workers that answer the article (the first is WEB_URL's), on the ports
 * `npm run start` gives them; only WEB_URL when the site was started some other way.
 */
const answeringWorkers = async (env: BenchEnv): Promise<URL[]> => {
  const candidates = [env.webUrl, ...env.edge.origins.slice(1)]
  const answers = await Promise.all(
    candidates.map(async (url) =>
      (await probe(new URL(ARTICLE_PATH, url)))?.status === 200 ? url : undefined,
    ),
  )
  return answers.filter((url): url is URL => url !== undefined)
}

// --- publish to visible ---------------------------------------------------------------------

/** Milliseconds from `startedAt` until `url` answers 200, or undefined at the time limit. */
const pollUntilVisible = async (url: URL, startedAt: number): Promise<number | undefined> => {
  const maxPolls = Math.ceil(POLL_LIMIT_MS / POLL_INTERVAL_MS)
  for (let i = 0; i < maxPolls && performance.now() - startedAt < POLL_LIMIT_MS; i++) {
    checkAborted()
    const answer = await probe(url)
    if (answer?.status === 200) return performance.now() - startedAt
    await sleep(POLL_INTERVAL_MS)
  }
  return undefined
}

const signIn = async (env: BenchEnv): Promise<{ token: string; userId: string }> => {
  const answer = await request(new URL('/api/users/login', env.cmsUrl), {
    method: 'POST',
    body: { email: env.email, password: env.password },
  })
  const body =
    answer.status === 200
      ? (JSON.parse(answer.body.toString()) as { token?: string; user?: { id?: string } })
      : {}
  const token = body.token
  const userId = body.user?.id
  if (!token || !userId) {
    throw new BenchError(
      `could not sign in to the CMS as ${env.email} (${answer.status}): set BENCH_EMAIL and BENCH_PASSWORD to an editor's account.`,
    )
  }
  return { token, userId }
}

const findAuthorId = async (env: BenchEnv, auth: Record<string, string>): Promise<string> => {
  const url = new URL('/api/authors', env.cmsUrl)
  url.searchParams.set('where[slug][equals]', AUTHOR_SLUG)
  url.searchParams.set('depth', '0')
  url.searchParams.set('limit', '1')
  const answer = await request(url, { headers: auth })
  const id = (JSON.parse(answer.body.toString()) as { docs?: Array<{ id: string }> }).docs?.[0]?.id
  if (answer.status !== 200 || !id) {
    throw new BenchError(
      `no author "${AUTHOR_SLUG}" in the CMS: import the content (\`npm run seed\`).`,
    )
  }
  return id
}

type Visibility = { origin: number | undefined; edge: number | undefined }

type Editor = { auth: Record<string, string>; authorId: string; userId: string }

/** Signs in and finds the byline before the load runs, so a wrong account fails in seconds. */
const prepareEditor = async (env: BenchEnv): Promise<Editor> => {
  const { token, userId } = await signIn(env)
  const auth = { authorization: `JWT ${token}` }
  return { auth, userId, authorId: await findAuthorId(env, auth) }
}

const measureVisibility = async (
  env: BenchEnv,
  edgeUrl: URL,
  { auth, authorId, userId }: Editor,
): Promise<Visibility[]> => {
  const created = new Set<string>()
  const remove = async (id: string) => {
    const answer = await request(new URL(`/api/articles/${id}`, env.cmsUrl), {
      method: 'DELETE',
      headers: auth,
    })
    if (answer.status !== 200) say(`  warning: could not delete article ${id} (${answer.status})`)
    created.delete(id)
  }
  // An interrupted run still removes the stories it published.
  cleanups.push(async () => {
    for (const id of created) await remove(id)
  })

  const runId = Date.now().toString(36)
  const results: Visibility[] = []
  for (let run = 1; run <= VISIBILITY_RUNS; run++) {
    checkAborted()
    // Articles reach the site only through review: a draft, submitted to and approved by the
    // editor (who may do both), then published. The clock starts at the publish request.
    const draft = await request(new URL('/api/articles?draft=true', env.cmsUrl), {
      method: 'POST',
      headers: auth,
      body: { title: `Edge benchmark ${runId} story ${run}`, authors: [authorId] },
    })
    const doc = (JSON.parse(draft.body.toString()) as { doc?: { id: string; slug?: string } }).doc
    if (draft.status !== 201 || !doc?.slug) {
      throw new BenchError(
        `creating a draft failed (${draft.status}): ${draft.body.toString().slice(0, 300)}`,
      )
    }
    created.add(doc.id)
    const act = (body: Record<string, string>) =>
      request(new URL(`/api/articles/${doc.id}/workflow`, env.cmsUrl), {
        method: 'POST',
        headers: auth,
        body,
      })
    const steps: Array<Record<string, string>> = [
      { action: 'submit', reviewer: userId },
      { action: 'approve' },
    ]
    for (const step of steps) {
      const answer = await act(step)
      if (answer.status < 200 || answer.status > 299) {
        throw new BenchError(
          `workflow action ${step.action} failed (${answer.status}): ${answer.body.toString().slice(0, 300)}`,
        )
      }
    }
    const startedAt = performance.now()
    const answer = await act({ action: 'publish' })
    const publishedMs = performance.now() - startedAt
    if (answer.status < 200 || answer.status > 299) {
      throw new BenchError(
        `publishing a story failed (${answer.status}): ${answer.body.toString().slice(0, 300)}`,
      )
    }
    const path = `/articles/${doc.slug}`
    // Both at once, as readers would arrive: the edge's first miss goes to the origin too.
    const [origin, edge] = await Promise.all([
      pollUntilVisible(new URL(path, env.webUrl), startedAt),
      pollUntilVisible(new URL(path, edgeUrl), startedAt),
    ])
    const show = (ms: number | undefined) =>
      ms === undefined ? `not within ${POLL_LIMIT_MS} ms` : `${Math.round(ms)} ms`
    say(
      `visible ${run}/${VISIBILITY_RUNS}: publish answered in ${Math.round(publishedMs)} ms; 200 at the origin after ${show(origin)}, through the edge after ${show(edge)}`,
    )
    results.push({ origin, edge })
    await remove(doc.id)
  }
  return results
}

// --- main -----------------------------------------------------------------------------------

const main = async (): Promise<string> => {
  const env = readBenchEnv()
  const bin = findNginx(env.edge)
  if (!bin) {
    throw new BenchError(
      'nginx is not installed (apt-get install nginx, or set NGINX_BIN): it serves the static ceiling and the edge.',
    )
  }
  say(`CMS ${env.cmsUrl.origin}, site ${env.webUrl.origin}, ${nginxVersion(bin)}`)
  const html = await checkStack(env)
  say(`page ${ARTICLE_PATH}: ${html.length} bytes of HTML`)
  const editor = await prepareEditor(env)

  const scratch = makeScratch()
  const staticUrl = await startStatic(env, bin, scratch, html)
  say(`static: nginx serving those bytes from ${scratch} on ${staticUrl.origin}`)
  const edge = await findOrStartEdge(env, bin, scratch)
  say(`edge: ${edge.note}`)
  const throughEdge = await request(new URL(ARTICLE_PATH, edge.url))
  if (throughEdge.status !== 200) {
    throw new BenchError(`the edge answered ${throughEdge.status} for ${ARTICLE_PATH}.`)
  }
  if (throughEdge.body.length !== html.length) {
    say(
      `  warning: the edge serves ${throughEdge.body.length} bytes, the site ${html.length}: is the edge in front of another site?`,
    )
  }

  const targets: Target[] = [
    { name: 'static', url: staticUrl },
    { name: 'origin', url: env.webUrl },
    { name: 'edge', url: edge.url },
    { name: 'edge+gz', url: edge.url, headers: { 'accept-encoding': 'gzip' } },
  ]
  say(
    `load: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${MEASURE_SECONDS} s measured, ${ROUNDS} interleaved rounds`,
  )
  const figures: Record<Target['name'], Figures[]> = {
    static: [],
    origin: [],
    edge: [],
    'edge+gz': [],
  }
  const workers = await answeringWorkers(env)
  if (workers.length > 1) say(`site workers: ${workers.map((url) => url.origin).join(', ')}`)
  const workerFigures: Figures[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) figures[target.name].push(await measure(target, round))
    if (workers.length > 1) workerFigures.push(await measureWorkers(workers, round))
  }
  const summary = Object.fromEntries(
    targets.map(({ name }) => [
      name,
      {
        rps: mean(figures[name].map((f) => f.rps)),
        p50: mean(figures[name].map((f) => f.p50)),
        p99: mean(figures[name].map((f) => f.p99)),
      },
    ]),
  ) as Record<Target['name'], Figures>
  say(`mean of ${ROUNDS} rounds:`)
  for (const { name } of targets) {
    const f = summary[name]
    say(
      `  ${name.padEnd(7)} ${Math.round(f.rps).toString().padStart(6)} req/s  p50 ${f.p50.toFixed(1)} ms  p99 ${f.p99.toFixed(1)} ms`,
    )
  }
  const edgeRatio = summary.edge.rps / summary.static.rps
  const originRatio = summary.origin.rps / summary.static.rps
  say(`ratios: edge/static ${edgeRatio.toFixed(2)}, origin/static ${originRatio.toFixed(2)}`)
  const workersRatio =
    workers.length > 1 ? mean(workerFigures.map((f) => f.rps)) / summary.origin.rps : undefined
  if (workersRatio !== undefined) {
    say(
      `  ${workers.length} workers together ${Math.round(mean(workerFigures.map((f) => f.rps)))} req/s: ${workersRatio.toFixed(2)}× one worker (origin)`,
    )
  }

  say(`publish to visible: ${VISIBILITY_RUNS} stories, signed in as ${env.email}`)
  const visibility = await measureVisibility(env, edge.url, editor)
  const originTimes = visibility.flatMap((v) => (v.origin === undefined ? [] : [v.origin]))
  const edgeTimes = visibility.flatMap((v) => (v.edge === undefined ? [] : [v.edge]))
  if (originTimes.length === 0 || edgeTimes.length === 0) {
    throw new BenchError(`no published story became visible within ${POLL_LIMIT_MS} ms.`)
  }
  if (originTimes.length < VISIBILITY_RUNS || edgeTimes.length < VISIBILITY_RUNS) {
    say(
      `  warning: medians over the stories that became visible (origin ${originTimes.length}, edge ${edgeTimes.length} of ${VISIBILITY_RUNS})`,
    )
  }
  say(
    `median publish-to-visible: origin ${Math.round(median(originTimes))} ms, edge ${Math.round(median(edgeTimes))} ms`,
  )

  return [
    `bench: edge_ratio=${edgeRatio.toFixed(2)}`,
    `origin_ratio=${originRatio.toFixed(2)}`,
    `edge_p99_ms=${summary.edge.p99.toFixed(1)}`,
    `publish_visible_ms=${Math.round(median(originTimes))}`,
    `edge_visible_ms=${Math.round(median(edgeTimes))}`,
    ...(workersRatio === undefined
      ? []
      : [`workers=${workers.length}`, `workers_ratio=${workersRatio.toFixed(2)}`]),
  ].join(' ')
}

const cleanUp = async () => {
  // Last started, first stopped: the edge and static nginx before their scratch folder.
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup()
    } catch (error) {
      say(`  warning: cleanup failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

process.on('SIGINT', () => {
  // A second Ctrl-C gives up on cleaning up.
  if (isAborted) process.exit(130)
  isAborted = true
  say('interrupted: stopping the load and removing what this run created')
  for (const instance of running) instance.stop()
})

try {
  const last = await main()
  await cleanUp()
  console.log(last)
} catch (error) {
  await cleanUp()
  if (error instanceof BenchError || error instanceof EnvError) {
    say(error.message)
  } else {
    console.error(error)
  }
  process.exitCode = isAborted ? 130 : 1
}
