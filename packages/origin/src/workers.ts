import { availableParallelism } from 'node:os'

/** A setting that cannot be used; the CLI prints its message as one line. */
export class OriginEnvError extends Error {
  override name = 'OriginEnvError'
}

export type Source = Record<string, string | undefined>

// Empty strings count as unset, so `WEB_WORKERS= npm run start` falls back to the default.
export const read = (source: Source, name: string): string | undefined => {
  const value = source[name]?.trim()
  return value ? value : undefined
}

export const port = (source: Source, name: string, fallback: number): number => {
  const text = read(source, name)
  if (text === undefined) return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < 1 || value > 65535) {
    throw new OriginEnvError(`${name} must be a port number (1-65535), got "${text}".`)
  }
  return value
}

/** More site workers than this on one machine only multiplies memory. */
export const MAX_WORKERS = 16

/**
 * How many site workers to run: WEB_WORKERS, a count or `auto` (one per core, the default).
 *
 * @example
 * workerCount({ WEB_WORKERS: '2' }) // 2
 * workerCount({}, 8) // 8
 */
export const workerCount = (source: Source, cores = availableParallelism()): number => {
  const text = read(source, 'WEB_WORKERS') ?? 'auto'
  if (text === 'auto') return Math.max(1, Math.min(cores, MAX_WORKERS))
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < 1 || value > MAX_WORKERS) {
    throw new OriginEnvError(
      `WEB_WORKERS must be "auto" or a number from 1 to ${MAX_WORKERS}, got "${text}".`,
    )
  }
  return value
}

/** Workers after the first listen this far above WEB_PORT, clear of the CMS's port next to it. */
export const WORKER_PORT_OFFSET = 1000

/**
 * The port of each worker. The first listens on WEB_PORT, so the site answers where it always
 * has; the others on WEB_PORT + 1000 + i. The edge derives the same list to balance across them.
 *
 * @example
 * workerPorts(3000, 3) // [3000, 4001, 4002]
 */
export const workerPorts = (webPort: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => (i === 0 ? webPort : webPort + WORKER_PORT_OFFSET + i))
