import { rm } from 'node:fs/promises'
import { resolve } from 'node:path'

import { EngineUnavailableError } from './documentdb/packages.ts'
import { documentDbDir, documentDbUri, startDocumentDb } from './documentdb/start.ts'
import { readEnv } from './env.ts'
import { liveMarker, markerPath, readMarker } from './marker.ts'
import { startMongod } from './mongod.ts'
import type { ProbeResult } from './probe.ts'
import { buildUri, HOST, probe } from './probe.ts'
import type { DatabaseHandle, EnsureDatabaseOptions } from './types.ts'
import { findOnPath, isPidAlive, isPortOpen, stderrLog } from './util.ts'

export type { DatabaseHandle, DatabaseKind, EnsureDatabaseOptions } from './types.ts'
export type { Marker } from './marker.ts'
export { liveMarker, markerPath, readMarker } from './marker.ts'
export { databaseExited } from './owned.ts'

const DEFAULT_DB = 'copydesk'
const OTHER_DATABASES = 'Or put mongod on PATH, or set DATABASE_URI to a MongoDB.'

/** A database someone else started: we only describe it, and stopping it is not ours to do. */
async function reusedHandle(
  port: number,
  dataDir: string,
  dbName: string,
  found: ProbeResult,
): Promise<DatabaseHandle> {
  const marker = await liveMarker(dataDir)
  const ours = marker?.port === port ? marker : undefined
  return {
    uri:
      ours?.kind === 'documentdb'
        ? await documentDbUri(documentDbDir(dataDir), port, dbName)
        : buildUri(port, dbName, ours?.replicaSet ?? found.replicaSet),
    kind: 'reused',
    stop: async () => {},
  }
}

/**
 * Returns a database for development or tests, starting one only when needed:
 * DATABASE_URI → a database already answering on the port → mongod on PATH → DocumentDB, built
 * from source on first use.
 */
export async function ensureDatabase(opts: EnsureDatabaseOptions = {}): Promise<DatabaseHandle> {
  const env = readEnv()
  const log = opts.log ?? stderrLog
  const dbName = opts.dbName ?? DEFAULT_DB

  if (env.databaseUri) {
    return {
      uri: env.databaseUri,
      kind: 'external',
      stop: async () => {},
    }
  }

  const port = opts.port ?? env.devdbPort
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`port must be an integer 0-65535, got ${port}.`)
  }
  const dataDir = resolve(opts.dataDir ?? env.devdbDataDir)
  const memory = opts.memory ?? false

  if (port !== 0 && (await isPortOpen(port))) {
    const found = await probeAt(port, dataDir, dbName)
    if (!found) {
      throw new Error(
        `Port ${port} on ${HOST} is in use by something that does not answer a MongoDB ping; stop it or set DEVDB_PORT.`,
      )
    }
    log(`reusing the database already running on ${HOST}:${port}`)
    return reusedHandle(port, dataDir, dbName, found)
  }

  if (!memory) {
    const marker = await liveMarker(dataDir)
    if (marker) {
      throw new Error(
        `${dataDir} is in use by the database on port ${marker.port} (pid ${marker.pid}); use that port or another DEVDB_DATA_DIR.`,
      )
    }
    const stale = await readMarker(dataDir)
    // Left behind by a process that was killed before it could clean up.
    if (stale && !isPidAlive(stale.pid)) await rm(markerPath(dataDir), { force: true })
  }

  const mongod = memory ? undefined : await findOnPath('mongod', env.pathDirs)
  try {
    if (mongod) return await startMongod(mongod, port, dataDir, dbName, log)
    return await startDocumentDb({ requestedPort: port, dataDir, memory, dbName, log })
  } catch (error) {
    // A machine that cannot build DocumentDB (no root, apt or Rust) is told every way out.
    if (error instanceof EngineUnavailableError) {
      throw new EngineUnavailableError(`${error.message} ${OTHER_DATABASES}`)
    }
    // Two tasks started side by side (turbo runs them in parallel) race for the same port and data
    // dir; the loser reuses what the winner started instead of failing.
    if (port !== 0) {
      const found = await probeAt(port, dataDir, dbName)
      if (found) {
        log(`reusing the database that started meanwhile on ${HOST}:${port}`)
        return reusedHandle(port, dataDir, dbName, found)
      }
    }
    throw error
  }
}

/** DocumentDB's gateway speaks only TLS with a password, which the marker of its data dir leads to. */
async function probeAt(
  port: number,
  dataDir: string,
  dbName: string,
): Promise<ProbeResult | undefined> {
  const marker = await liveMarker(dataDir)
  if (marker?.kind === 'documentdb' && marker.port === port) {
    return probe(await documentDbUri(documentDbDir(dataDir), port, dbName), 5_000)
  }
  return probe(port, 5_000)
}
