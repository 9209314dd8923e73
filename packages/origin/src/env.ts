import { delimiter, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { OriginEnvError, port, read, type Source, workerCount, workerPorts } from './workers.ts'

/** packages/origin/src → repo root */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export type OriginEnv = {
  webPort: number
  workers: number
  ports: number[]
  /** Set when the shared cache is provided from outside; no Redis is started then. */
  redisUrl: string | undefined
  /** Where the project's own Redis listens (REDIS_PORT, 6390: clear of a system Redis on 6379). */
  redisPort: number
  /** Its pid file and scratch space: `<DEVDB_DATA_DIR or .data>/redis`. */
  redisDir: string
}

export const readOriginEnv = (source: Source = process.env): OriginEnv => {
  const webPort = port(source, 'WEB_PORT', 3000)
  const workers = workerCount(source)
  const ports = workerPorts(webPort, workers)
  const highest = ports.at(-1) ?? webPort
  if (highest > 65535) {
    throw new OriginEnvError(
      `WEB_PORT ${webPort} leaves no room for ${workers} workers (the last would listen on ${highest}).`,
    )
  }
  const redisUrl = read(source, 'REDIS_URL')
  if (redisUrl !== undefined && !/^rediss?:\/\/\S+$/.test(redisUrl)) {
    throw new OriginEnvError(`REDIS_URL must be a redis:// or rediss:// URL, got "${redisUrl}".`)
  }
  const dataDir = read(source, 'DEVDB_DATA_DIR') ?? '.data'
  return {
    webPort,
    workers,
    ports,
    redisUrl,
    redisPort: port(source, 'REDIS_PORT', 6390),
    redisDir: resolve(repoRoot, dataDir, 'redis'),
  }
}

/** Directories of PATH, searched for redis-server. */
export const pathDirs = (): string[] => (process.env.PATH ?? '').split(delimiter).filter(Boolean)

/** The environment a child process gets: this one's, plus `extra`. */
export const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ...extra,
})
