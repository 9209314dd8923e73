/**
 * copydesk-origin: the reader site as several `next start` workers sharing one Redis cache.
 *
 *   copydesk-origin start           Redis (unless REDIS_URL is set), then WEB_WORKERS site workers,
 *                                   run from the site's folder (apps/web); stops them all with itself
 *   copydesk-origin redis           only the project's Redis, in the foreground (tests start it so)
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'

import { RedisUnavailableError, type RedisHandle, startRedis } from './redis.ts'
import { childEnv, readOriginEnv } from './env.ts'
import { OriginEnvError } from './workers.ts'

const log = (line: string) => console.log(line)

/** Exits with the one-line message of a setting or a missing Redis; anything else is a bug. */
const fail = (error: unknown): never => {
  if (error instanceof OriginEnvError || error instanceof RedisUnavailableError) {
    console.error(`origin: ${error.message}`)
  } else {
    console.error(error)
  }
  process.exit(1)
}

/** Calls `stop` when the process is told to stop, or when the process that started it is gone. */
const stopWith = (stop: () => Promise<void>) => {
  let stopping = false
  const once = () => {
    if (stopping) return
    stopping = true
    void stop().finally(() => process.exit(0))
  }
  process.on('SIGINT', once)
  process.on('SIGTERM', once)
  process.on('SIGHUP', once)
  // turbo or a test runner killed with SIGKILL cannot pass the signal on: watch the parent.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) once()
  }, 2000).unref()
  return () => stopping
}

const runRedis = async () => {
  const env = readOriginEnv()
  const redis = await startRedis({ port: env.redisPort, dir: env.redisDir, log })
  log(`origin: Redis ready at ${redis.url} (pid ${redis.pid})`)
  stopWith(redis.stop)
  const code = await redis.exited
  log(`origin: Redis exited (${code})`)
  process.exit(code ?? 1)
}

/** Prefixes every line a worker prints with its port, so interleaved logs stay readable. */
const pipeLines = (child: ChildProcess, prefix: string) => {
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    let partial = ''
    stream?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) out.write(`${prefix} ${line}\n`)
    })
  }
}

const RESTART_LIMIT = 5
const RESTART_WINDOW_MS = 60_000

const runWorkers = async () => {
  const env = readOriginEnv()
  let redis: RedisHandle | undefined
  let redisUrl = env.redisUrl
  let ports = env.ports
  if (!redisUrl) {
    try {
      redis = await startRedis({ port: env.redisPort, dir: env.redisDir, log })
      redisUrl = redis.url
    } catch (error) {
      if (!(error instanceof RedisUnavailableError)) throw error
      // Workers without a shared cache would each serve their own stale copy after a publish.
      log(`origin: no shared cache (${error.message}); running one worker with its own cache`)
      ports = ports.slice(0, 1)
    }
  }

  const next = createRequire(join(process.cwd(), 'package.json')).resolve('next/dist/bin/next')
  const workers = new Map<number, ChildProcess>()
  const restarts = new Map<number, number[]>()
  let isStopping = () => false

  const startWorker = (port: number, index: number) => {
    const child = spawn(process.execPath, [next, 'start', '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv({
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        WEB_WORKER: String(index),
        // Short-lived render garbage stays in the young generation (see the edge's profile).
        NODE_OPTIONS: `--max-semi-space-size=32 ${childEnv().NODE_OPTIONS ?? ''}`.trim(),
      }),
    })
    workers.set(port, child)
    pipeLines(child, `[web:${port}]`)
    child.once('exit', (code, signal) => {
      workers.delete(port)
      if (isStopping()) return
      const now = Date.now()
      const recent = (restarts.get(port) ?? []).filter((at) => now - at < RESTART_WINDOW_MS)
      if (recent.length >= RESTART_LIMIT) {
        log(
          `origin: worker on :${port} keeps exiting (${RESTART_LIMIT} times in a minute); stopping`,
        )
        process.kill(process.pid, 'SIGTERM')
        return
      }
      restarts.set(port, [...recent, now])
      log(`origin: worker on :${port} exited (${signal ?? code}); starting it again`)
      setTimeout(() => startWorker(port, index), 1000)
    })
  }

  isStopping = stopWith(async () => {
    const exits = [...workers.values()].map(
      (child) => new Promise<void>((done) => child.once('exit', () => done())),
    )
    for (const child of workers.values()) child.kill('SIGTERM')
    await Promise.race([Promise.all(exits), new Promise((done) => setTimeout(done, 10_000))])
    await redis?.stop()
  })

  ports.forEach((port, index) => startWorker(port, index))
  const cache = redisUrl ? `sharing the cache at ${redisUrl}` : 'each with its own cache'
  log(`origin: ${ports.length} site worker(s) on ${ports.map((p) => `:${p}`).join(', ')}, ${cache}`)

  if (redis) {
    const code = await redis.exited
    if (!isStopping()) {
      log(`origin: Redis exited (${code}); stopping the workers`)
      process.kill(process.pid, 'SIGTERM')
    }
  }
}

const [command = 'start', ...rest] = process.argv.slice(2)
if (rest.length > 0 || !['start', 'redis'].includes(command)) {
  console.error('usage: copydesk-origin [start|redis]')
  process.exit(2)
}
await (command === 'redis' ? runRedis() : runWorkers()).catch(fail)
