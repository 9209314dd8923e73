import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { createClient } from 'redis'

import { childEnv, pathDirs } from './env.ts'

export type Log = (line: string) => void

/** Redis cannot be found or started; the message says what to do, in one line. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError'
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

const findRedisServer = (): string | undefined => {
  const dirs = [...pathDirs(), '/usr/bin', '/usr/sbin']
  return dirs.map((dir) => join(dir, 'redis-server')).find((path) => existsSync(path))
}

/** Debian's redis-server, installed when missing and we are root with apt (as devdb does). */
const ensureRedisServer = (log: Log): string => {
  const found = findRedisServer()
  if (found) return found
  const advice = 'install redis-server (apt-get install -y redis-server) or set REDIS_URL'
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) throw new RedisUnavailableError(advice)
  log('origin: installing redis-server (Debian)…')
  const env = childEnv({ DEBIAN_FRONTEND: 'noninteractive' })
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'redis-server'],
  ]) {
    const result = spawnSync('apt-get', args, { env, encoding: 'utf8' })
    if (result.status !== 0) {
      throw new RedisUnavailableError(`apt-get ${args.join(' ')} failed; ${advice}`)
    }
  }
  const installed = findRedisServer()
  if (!installed) throw new RedisUnavailableError(advice)
  return installed
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Stops a Redis an earlier run left behind (killed before it could stop it), by its pid file. */
const stopLeftover = async (pidFile: string, log: Log) => {
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, 'utf8').trim())
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return
  const cmdline = existsSync(`/proc/${pid}/cmdline`)
    ? readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    : ''
  if (!cmdline.includes('redis-server')) return
  log(`origin: stopping the Redis an earlier run left behind (pid ${pid})`)
  process.kill(pid, 'SIGTERM')
  for (let waited = 0; waited < 5000 && alive(pid); waited += 100) {
    await new Promise((done) => setTimeout(done, 100))
  }
  if (alive(pid)) process.kill(pid, 'SIGKILL')
}

/** Resolves once Redis answers PING, or rejects after `timeoutMs`. */
export const waitForRedis = async (url: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } })
    client.on('error', () => {})
    try {
      await client.connect()
      await client.ping()
      await client.quit()
      return
    } catch (error) {
      lastError = error
      await client.disconnect().catch(() => {})
      await new Promise((done) => setTimeout(done, 100))
    }
  }
  throw new RedisUnavailableError(
    `Redis at ${url} did not answer within ${timeoutMs} ms: ${String(lastError)}`,
  )
}

export type RedisHandle = {
  url: string
  pid: number
  /** Resolves when this Redis exits, for whatever reason. */
  exited: Promise<number | null>
  stop: () => Promise<void>
}

/**
 * Starts the project's own Redis: the reader site's shared cache. It holds nothing that cannot be
 * rendered again, so it keeps no data on disk (no RDB snapshots, no AOF), evicts the least
 * recently used entries at 256 MB, and reports expired and evicted keys, which the cache handler
 * follows to drop its tag index entries.
 */
export const startRedis = async ({
  port,
  dir,
  log,
}: {
  port: number
  dir: string
  log: Log
}): Promise<RedisHandle> => {
  const bin = ensureRedisServer(log)
  mkdirSync(dir, { recursive: true })
  // One pid file per port: a second copy on another port (tests beside `npm run start`) leaves
  // the first alone.
  const pidFile = join(dir, `redis-${port}.pid`)
  await stopLeftover(pidFile, log)

  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--pidfile',
      pidFile,
      '--daemonize',
      'no',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory',
      '256mb',
      '--maxmemory-policy',
      'allkeys-lru',
      '--notify-keyspace-events',
      'Exe',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const url = `redis://127.0.0.1:${port}`

  const failedEarly = exited.then((code) => {
    throw new RedisUnavailableError(
      `redis-server exited (${code}) before it answered on port ${port}; set REDIS_PORT or REDIS_URL.\n${output.trim()}`,
    )
  })
  await Promise.race([waitForRedis(url), failedEarly])
  failedEarly.catch(() => {})

  return {
    url,
    pid: child.pid ?? 0,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}
