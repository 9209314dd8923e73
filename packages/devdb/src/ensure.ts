import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

import type { Db, Document } from 'mongodb'
import { MongoClient, MongoServerError } from 'mongodb'

import { ensureStandinBuilt, NoDatabaseError } from './build.ts'
import type { Compat } from './env.ts'
import { readEnv } from './env.ts'
import type { Log } from './util.ts'
import {
  findOnPath,
  freePort,
  hasExited,
  isPidAlive,
  isPortOpen,
  sleep,
  stderrLog,
  TailBuffer,
  waitForExit,
} from './util.ts'

export type { Compat } from './env.ts'

export type DatabaseKind = 'external' | 'reused' | 'mongod' | 'stand-in'

export type DatabaseHandle = {
  uri: string
  compat: Compat
  kind: DatabaseKind
  stop(): Promise<void>
}

export type EnsureDatabaseOptions = {
  /** Defaults to DEVDB_PORT (27017). 0 picks a free port and never reuses a running database. */
  port?: number
  /** Defaults to DEVDB_DATA_DIR (`<repo>/.data`). */
  dataDir?: string
  /** Stand-in only: keep data in memory; nothing is written to dataDir. */
  memory?: boolean
  dbName?: string
  log?: Log
}

/** Written to `<dataDir>/devdb.json` while a database started by us serves that directory. */
export type Marker = {
  pid: number
  ownerPid: number
  port: number
  kind: 'mongod' | 'stand-in'
  compat: Compat
  replicaSet?: string
  startedAt: string
}

const HOST = '127.0.0.1'
const DEFAULT_DB = 'copydesk'
const REPLICA_SET = 'rs0'
const READY_TIMEOUT_MS = 60_000
const STOP_GRACE_MS = 5_000

export function markerPath(dataDir: string): string {
  return join(dataDir, 'devdb.json')
}

export async function readMarker(dataDir: string): Promise<Marker | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(markerPath(dataDir), 'utf8'))
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as Marker).pid === 'number' &&
      typeof (parsed as Marker).port === 'number'
    ) {
      return parsed as Marker
    }
  } catch {
    // missing or unreadable: treated as no marker
  }
  return undefined
}

/** A marker only counts while its process lives and still holds its port (pids get reused). */
export async function liveMarker(dataDir: string): Promise<Marker | undefined> {
  const marker = await readMarker(dataDir)
  if (!marker) return undefined
  if (isPidAlive(marker.pid) && (await isPortOpen(marker.port))) return marker
  return undefined
}

async function removeMarkerIfOwned(dataDir: string, pid: number | undefined): Promise<void> {
  const marker = await readMarker(dataDir)
  if (marker && marker.pid === pid) await rm(markerPath(dataDir), { force: true })
}

function buildUri(port: number, dbName: string, replicaSet?: string): string {
  const base = `mongodb://${HOST}:${port}/${encodeURIComponent(dbName)}`
  return replicaSet
    ? `${base}?replicaSet=${encodeURIComponent(replicaSet)}&directConnection=true`
    : base
}

async function withClient<T>(
  port: number,
  timeoutMs: number,
  work: (client: MongoClient) => Promise<T>,
): Promise<T> {
  const client = new MongoClient(`mongodb://${HOST}:${port}/?directConnection=true`, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  })
  try {
    await client.connect()
    return await work(client)
  } finally {
    await client.close().catch(() => undefined)
  }
}

/** mongo-java-server only knows the legacy `isMaster`; MongoDB still accepts it as an alias of `hello`. */
async function helloReply(admin: Db): Promise<Document> {
  return admin.command({ isMaster: 1 })
}

type ProbeResult = { replicaSet: string | undefined; compat: Compat }

/** What answers a MongoDB ping on the port, or undefined when nothing does. */
async function probe(port: number, timeoutMs: number): Promise<ProbeResult | undefined> {
  try {
    return await withClient(port, timeoutMs, async (client) => {
      const admin = client.db('admin')
      await admin.command({ ping: 1 })
      const hello = await helloReply(admin)
      const buildInfo = await admin.command({ buildInfo: 1 }).catch(() => ({}) as Document)
      return {
        replicaSet: typeof hello.setName === 'string' ? hello.setName : undefined,
        // mongo-java-server's buildInfo is a bare version; every mongod reports its gitVersion. This
        // recognises a memory stand-in, which leaves no marker behind.
        compat:
          typeof buildInfo.version === 'string' && !('gitVersion' in buildInfo)
            ? 'mongo-java-server'
            : 'mongodb',
      }
    })
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------------
// Children we started are stopped when this process ends, however it ends.

type Owned = { child: ChildProcess; dataDir: string | undefined; handle: DatabaseHandle }

const owned = new Set<Owned>()
const exitPromises = new WeakMap<DatabaseHandle, Promise<void>>()
let hooksInstalled = false

function onProcessExit(): void {
  for (const entry of owned) {
    if (!hasExited(entry.child)) entry.child.kill('SIGTERM')
    if (entry.dataDir) {
      try {
        // 'exit' listeners must be synchronous.
        const marker = JSON.parse(readFileSync(markerPath(entry.dataDir), 'utf8')) as Marker
        if (marker.pid === entry.child.pid) rmSync(markerPath(entry.dataDir), { force: true })
      } catch {
        // no marker to clean up
      }
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  // A host with its own handler (such as `exec`, which waits for its command) decides when to stop.
  if (process.listenerCount(signal) > 1) return
  void Promise.allSettled([...owned].map((entry) => entry.handle.stop())).then(() => {
    // Even if a stop failed, our listener must go, or the re-raised signal would land here again.
    owned.clear()
    uninstallHooks()
    // Re-raise so the process ends the way it would have without our listener.
    process.kill(process.pid, signal)
  })
}

function installHooks(): void {
  if (hooksInstalled) return
  hooksInstalled = true
  process.on('exit', onProcessExit)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}

function uninstallHooks(): void {
  if (!hooksInstalled || owned.size > 0) return
  hooksInstalled = false
  process.off('exit', onProcessExit)
  process.off('SIGINT', onSignal)
  process.off('SIGTERM', onSignal)
}

async function terminate(child: ChildProcess): Promise<void> {
  // No pid: the spawn itself failed, so there is nothing to wait for.
  if (child.pid === undefined || hasExited(child)) return
  child.kill('SIGTERM')
  if (await waitForExit(child, STOP_GRACE_MS)) return
  child.kill('SIGKILL')
  await waitForExit(child, STOP_GRACE_MS)
}

function ownChild(
  child: ChildProcess,
  dataDir: string | undefined,
  base: Omit<DatabaseHandle, 'stop'>,
): DatabaseHandle {
  let stopping: Promise<void> | undefined
  const entry: Owned = {
    child,
    dataDir,
    handle: {
      ...base,
      stop: () =>
        (stopping ??= (async () => {
          await terminate(child)
          owned.delete(entry)
          uninstallHooks()
          if (dataDir) await removeMarkerIfOwned(dataDir, child.pid)
        })()),
    },
  }
  owned.add(entry)
  installHooks()
  exitPromises.set(
    entry.handle,
    new Promise((resolveExit) => {
      if (hasExited(child)) resolveExit()
      else child.once('exit', () => resolveExit())
    }),
  )
  return entry.handle
}

/**
 * Resolves when a database process started by this handle exits, whether through stop() or on its
 * own; undefined for handles that own no process.
 */
export function databaseExited(handle: DatabaseHandle): Promise<void> | undefined {
  return exitPromises.get(handle)
}

async function writeMarker(dataDir: string, marker: Marker): Promise<void> {
  await mkdir(dataDir, { recursive: true })
  await writeFile(markerPath(dataDir), `${JSON.stringify(marker, null, 2)}\n`)
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`
}

// ---------------------------------------------------------------------------------------------
// mongod as a single-node replica set, so transactions work as in production.

async function startMongod(
  mongod: string,
  requestedPort: number,
  dataDir: string,
  dbName: string,
  log: Log,
): Promise<DatabaseHandle> {
  const port = requestedPort === 0 ? await freePort() : requestedPort
  const dbPath = join(dataDir, 'mongod')
  const logPath = join(dataDir, 'mongod.log')
  await mkdir(dbPath, { recursive: true })

  log(`starting mongod on ${HOST}:${port} (${dbPath})…`)
  const stderr = new TailBuffer()
  const child = spawn(
    mongod,
    [
      '--replSet',
      REPLICA_SET,
      '--bind_ip',
      HOST,
      '--port',
      String(port),
      '--dbpath',
      dbPath,
      '--logpath',
      logPath,
      '--logappend',
    ],
    // Own process group: a terminal Ctrl-C reaches us, and we decide when the database goes.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  )
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk))
  let spawnError: Error | undefined
  child.once('error', (error) => {
    spawnError = error
  })
  const handle = ownChild(child, dataDir, {
    uri: buildUri(port, dbName, REPLICA_SET),
    compat: 'mongodb',
    kind: 'mongod',
  })

  const fail = async (reason: string): Promise<never> => {
    await handle.stop()
    const logTail = await readFile(logPath, 'utf8')
      .then((text) => text.trimEnd().split('\n').slice(-15).join('\n'))
      .catch(() => '')
    const details = [stderr.text(), logTail].filter(Boolean).join('\n')
    throw new Error(`mongod ${reason}${details ? `:\n${details}` : '.'}`)
  }

  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    if (spawnError) return fail(`could not be started (${spawnError.message})`)
    if (hasExited(child)) return fail(`exited with ${describeExit(child)} before it was ready`)
    if (await probe(port, 1000)) break
    if (Date.now() > deadline)
      return fail(`did not answer on port ${port} within ${READY_TIMEOUT_MS / 1000} s`)
    await sleep(250)
  }

  try {
    await withClient(port, 10_000, async (client) => {
      const admin = client.db('admin')
      try {
        await admin.command({ replSetGetStatus: 1 })
      } catch (error) {
        // 94 NotYetInitialized: a fresh dbpath; initiate once, later starts keep the config.
        if (!(error instanceof MongoServerError) || error.code !== 94) throw error
        log(`initiating replica set ${REPLICA_SET}…`)
        await admin.command({
          replSetInitiate: { _id: REPLICA_SET, members: [{ _id: 0, host: `${HOST}:${port}` }] },
        })
      }
      const isPrimary = async () => {
        const reply = await helloReply(admin)
        return reply.ismaster === true || reply.isWritablePrimary === true
      }
      while (!(await isPrimary())) {
        if (hasExited(child)) throw new Error(`exited with ${describeExit(child)}`)
        if (Date.now() > deadline) throw new Error('did not become primary in time')
        await sleep(250)
      }
    })
  } catch (error) {
    return fail(`replica set setup failed (${(error as Error).message})`)
  }

  await writeMarker(dataDir, {
    pid: child.pid ?? 0,
    ownerPid: process.pid,
    port,
    kind: 'mongod',
    compat: 'mongodb',
    replicaSet: REPLICA_SET,
    startedAt: new Date().toISOString(),
  })
  log(`mongod ready on ${HOST}:${port}`)
  return handle
}

// ---------------------------------------------------------------------------------------------
// The bundled mongo-java-server stand-in.

const READY_LINE = /^devdb ready on ([^\s:]+):(\d+)\s*$/

async function startStandin(
  requestedPort: number,
  dataDir: string,
  memory: boolean,
  dbName: string,
  log: Log,
): Promise<DatabaseHandle> {
  const { pathDirs } = readEnv()
  const java = await findOnPath('java', pathDirs)
  if (!java) throw new NoDatabaseError()
  const jar = await ensureStandinBuilt({ log })

  const args = ['-jar', jar, '--host', HOST, '--port', String(requestedPort)]
  if (memory) {
    args.push('--backend', 'memory')
  } else {
    const file = join(dataDir, 'standin', 'copydesk')
    await mkdir(join(dataDir, 'standin'), { recursive: true })
    args.push('--backend', 'h2', '--file', file)
  }

  const started = Date.now()
  log(`starting the database stand-in (${memory ? 'in memory' : `data in ${dataDir}`})…`)
  // stdin stays a pipe that we never write: when this process dies, even by SIGKILL, the pipe
  // closes and the server exits on EOF. Own process group so a terminal Ctrl-C reaches us first.
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true })
  const stderr = new TailBuffer()
  const stdout = new TailBuffer(5)
  let ready = false

  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = stderr.push(chunk)
    // Warnings after startup are worth seeing; before it, they end up in the error if start fails.
    if (ready) for (const line of lines) if (line.trim()) log(`devdb: ${line}`)
  })

  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      cleanup()
      child.kill('SIGKILL')
      reject(
        withOutput(
          `The database stand-in was not ready within ${READY_TIMEOUT_MS / 1000} s`,
          stderr,
        ),
      )
    }, READY_TIMEOUT_MS)
    const onData = (chunk: string) => {
      for (const line of stdout.push(chunk)) {
        const match = READY_LINE.exec(line)
        if (match) {
          cleanup()
          resolvePort(Number(match[2]))
          return
        }
      }
    }
    const onExit = () => {
      cleanup()
      reject(
        withOutput(
          `The database stand-in exited with ${describeExit(child)} before it was ready`,
          stderr,
        ),
      )
    }
    const onError = (error: Error) => {
      cleanup()
      reject(new Error(`Could not start java: ${error.message}`))
    }
    const cleanup = () => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      child.off('error', onError)
    }
    child.stdout?.setEncoding('utf8').on('data', onData)
    child.once('exit', onExit)
    child.once('error', onError)
  })
  ready = true
  // Keep draining stdout so a chatty server can never block on a full pipe.
  child.stdout?.resume()

  const handle = ownChild(child, memory ? undefined : dataDir, {
    uri: buildUri(port, dbName),
    compat: 'mongo-java-server',
    kind: 'stand-in',
  })

  if (!(await probe(port, 10_000))) {
    await handle.stop()
    throw withOutput(`The database stand-in on port ${port} did not answer a MongoDB ping`, stderr)
  }

  if (!memory) {
    await writeMarker(dataDir, {
      pid: child.pid ?? 0,
      ownerPid: process.pid,
      port,
      kind: 'stand-in',
      compat: 'mongo-java-server',
      startedAt: new Date().toISOString(),
    })
  }
  log(
    `database stand-in ready on ${HOST}:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return handle
}

function withOutput(message: string, output: TailBuffer): Error {
  const text = output.text()
  return new Error(text ? `${message}:\n${text}` : `${message}.`)
}

// ---------------------------------------------------------------------------------------------

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
    uri: buildUri(port, dbName, ours?.replicaSet ?? found.replicaSet),
    compat: ours?.compat ?? found.compat,
    kind: 'reused',
    stop: async () => {},
  }
}

/**
 * Returns a database for development or tests, starting one only when needed:
 * DATABASE_URI → a database already answering on the port → mongod on PATH → the bundled stand-in.
 */
export async function ensureDatabase(opts: EnsureDatabaseOptions = {}): Promise<DatabaseHandle> {
  const env = readEnv()
  const log = opts.log ?? stderrLog
  const dbName = opts.dbName ?? DEFAULT_DB

  if (env.databaseUri) {
    return {
      uri: env.databaseUri,
      compat: env.databaseCompat,
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
    const found = await probe(port, 5_000)
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
    return await startStandin(port, dataDir, memory, dbName, log)
  } catch (error) {
    // Two tasks started side by side (turbo runs them in parallel) race for the same port and data
    // dir; the loser reuses what the winner started instead of failing.
    if (port !== 0 && !(error instanceof NoDatabaseError)) {
      const found = await probe(port, 5_000)
      if (found) {
        log(`reusing the database that started meanwhile on ${HOST}:${port}`)
        return reusedHandle(port, dataDir, dbName, found)
      }
    }
    throw error
  }
}
