import { isIP } from 'node:net'

import { workerCount, workerPorts } from '@copydesk/origin/workers'

/** A setting that cannot be used; the CLI prints its message as one line. */
export class EnvError extends Error {
  override name = 'EnvError'
}

type Source = Record<string, string | undefined>

// Empty strings count as unset, so `EDGE_PORT= npm run start` falls back to the default.
const read = (source: Source, name: string): string | undefined => {
  const value = source[name]?.trim()
  return value ? value : undefined
}

const port = (source: Source, name: string, fallback: number, { allowZero = false } = {}) => {
  const text = read(source, name)
  if (text === undefined) return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text) || value > 65535 || (value === 0 && !allowZero)) {
    throw new EnvError(`${name} must be a port number (1-65535), got "${text}".`)
  }
  return value
}

const httpUrl = (source: Source, name: string, fallback: string): URL => {
  const text = read(source, name) ?? fallback
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new EnvError(`${name} must be an http:// URL, got "${text}".`)
  }
  if (url.protocol !== 'http:') throw new EnvError(`${name} must be an http:// URL, got "${text}".`)
  return url
}

/**
 * True for 127.0.0.0/8, ::1 and `localhost`: the only hosts a load test here may send to.
 *
 * @example
 * isLoopback('127.0.0.1') // true
 * isLoopback('10.0.0.5') // false
 */
export const isLoopback = (hostname: string): boolean => {
  const host = hostname.replace(/^\[|\]$/g, '')
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1'
  return false
}

const loopbackUrl = (source: Source, name: string, fallback: string): URL => {
  const url = httpUrl(source, name, fallback)
  if (!isLoopback(url.hostname)) {
    throw new EnvError(
      `${name} must point at this machine (127.0.0.1, localhost or ::1): the benchmark only loads local servers; got "${url.origin}".`,
    )
  }
  return url
}

export type EdgeEnv = {
  /** Where the edge listens: EDGE_HOST (127.0.0.1) and EDGE_PORT (8080). */
  listenHost: string
  listenPort: number
  /** The reader site it fronts: EDGE_ORIGIN, or http://127.0.0.1:${WEB_PORT:-3000}. */
  origin: URL
  /**
   * Every worker of the site, balanced by nginx: EDGE_ORIGIN alone when set, otherwise one per
   * WEB_WORKERS on the ports `npm run start` gives them (packages/origin).
   */
  origins: URL[]
  /** nginx's worker_processes (EDGE_WORKERS): a count, or `auto` for one per core. */
  workers: string
  /** NGINX_BIN, when nginx is not on PATH or in /usr/sbin. */
  nginxBin: string | undefined
  /** PATH's directories, searched for nginx. */
  path: string | undefined
}

export const readEdgeEnv = (source: Source = process.env): EdgeEnv => {
  const webPort = port(source, 'WEB_PORT', 3000)
  const origin = httpUrl(source, 'EDGE_ORIGIN', `http://127.0.0.1:${webPort}`)
  if (origin.pathname !== '/' || origin.search) {
    throw new EnvError(`EDGE_ORIGIN must be an origin without a path, got "${origin.href}".`)
  }
  let siteWorkers: number
  try {
    siteWorkers = workerCount(source)
  } catch (error) {
    throw new EnvError((error as Error).message)
  }
  const origins = read(source, 'EDGE_ORIGIN')
    ? [origin]
    : workerPorts(webPort, siteWorkers).map((port) => new URL(`http://127.0.0.1:${port}`))
  const workers = read(source, 'EDGE_WORKERS') ?? 'auto'
  if (!/^(auto|[1-9]\d?)$/.test(workers)) {
    throw new EnvError(`EDGE_WORKERS must be "auto" or a number of processes, got "${workers}".`)
  }
  return {
    listenHost: read(source, 'EDGE_HOST') ?? '127.0.0.1',
    listenPort: port(source, 'EDGE_PORT', 8080),
    origin,
    origins,
    workers,
    nginxBin: read(source, 'NGINX_BIN'),
    path: read(source, 'PATH'),
  }
}

export type BenchEnv = {
  cmsUrl: URL
  webUrl: URL
  edgeUrl: URL
  email: string
  password: string
  /** Port of the throwaway static nginx (BENCH_STATIC_PORT); 0 lets the system pick one. */
  staticPort: number
  /** Port of a throwaway edge when none answers at EDGE_URL (BENCH_EDGE_PORT); 0 picks one. */
  spareEdgePort: number
  edge: EdgeEnv
}

export const readBenchEnv = (source: Source = process.env): BenchEnv => {
  const cmsPort = port(source, 'CMS_PORT', 3001)
  const webPort = port(source, 'WEB_PORT', 3000)
  const edgePort = port(source, 'EDGE_PORT', 8080)
  return {
    cmsUrl: loopbackUrl(source, 'CMS_URL', `http://127.0.0.1:${cmsPort}`),
    webUrl: loopbackUrl(source, 'WEB_URL', `http://127.0.0.1:${webPort}`),
    edgeUrl: loopbackUrl(source, 'EDGE_URL', `http://127.0.0.1:${edgePort}`),
    // The development accounts (apps/cms/src/seed/devAccounts.ts).
    email: read(source, 'BENCH_EMAIL') ?? 'editor@example.com',
    password: read(source, 'BENCH_PASSWORD') ?? 'copydesk-dev',
    staticPort: port(source, 'BENCH_STATIC_PORT', 0, { allowZero: true }),
    spareEdgePort: port(source, 'BENCH_EDGE_PORT', 0, { allowZero: true }),
    edge: readEdgeEnv(source),
  }
}

/** This process's environment, for the servers a benchmark starts (they read their own settings). */
export const inheritedEnv = (): Record<string, string | undefined> => ({ ...process.env })
