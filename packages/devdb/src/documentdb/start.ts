import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, openSync, rmSync } from 'node:fs'
import {
  appendFile,
  chmod,
  chown,
  mkdir,
  mkdtemp,
  readFile,
  stat,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import { readEnv } from '../env.ts'
import { writeMarker } from '../marker.ts'
import { describeExit, ownProcesses, terminate } from '../owned.ts'
import { HOST, probe } from '../probe.ts'
import type { DatabaseHandle } from '../types.ts'
import type { Log } from '../util.ts'
import { freePort, hasExited, sleep } from '../util.ts'
import { ensureDocumentDbBuilt } from './build.ts'
import { isRoot, PG_BIN, run } from './packages.ts'

const READY_TIMEOUT_MS = 60_000
/** Only names the socket file: PostgreSQL listens on a Unix socket in its own folder, no TCP port. */
const PG_PORT = 5432
const PG_SUPERUSER = 'postgres'
const LOGIN_ROLE = 'copydesk'
/** Unix socket paths are limited to 107 bytes; longer data dirs get a socket folder in /tmp. */
const MAX_SOCKET_DIR = 90

type Paths = {
  dir: string
  pgdata: string
  socketDir: string
  password: string
  cert: string
  key: string
  gatewayConfig: string
  postgresLog: string
  gatewayLog: string
}

function pathsFor(dir: string): Paths {
  return {
    dir,
    pgdata: join(dir, 'pgdata'),
    socketDir: join(dir, 'run'),
    password: join(dir, 'password'),
    cert: join(dir, 'gateway-cert.pem'),
    key: join(dir, 'gateway-key.pem'),
    gatewayConfig: join(dir, 'gateway.json'),
    postgresLog: join(dir, 'postgres.log'),
    gatewayLog: join(dir, 'gateway.log'),
  }
}

/** The connection string for a DocumentDB gateway on port whose files live in dir. */
export async function documentDbUri(dir: string, port: number, dbName: string): Promise<string> {
  const password = (await readFile(pathsFor(dir).password, 'utf8')).trim()
  return (
    `mongodb://${LOGIN_ROLE}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(dbName)}` +
    '?tls=true&tlsAllowInvalidCertificates=true&authSource=admin'
  )
}

export function documentDbDir(dataDir: string): string {
  return join(dataDir, 'documentdb')
}

type RunAs = { uid: number; gid: number } | undefined

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` user the packages create. */
async function postgresUser(): Promise<RunAs> {
  if (!isRoot()) return undefined
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ])
  if (uid.code !== 0 || gid.code !== 0) {
    throw new Error('Running as root, but there is no "postgres" user to run PostgreSQL as.')
  }
  return { uid: Number(uid.output.trim()), gid: Number(gid.output.trim()) }
}

async function runChecked(
  label: string,
  command: string,
  args: string[],
  runAs: RunAs,
): Promise<void> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}) })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const code = await new Promise<number | null>((resolveCode, reject) => {
    child.once('error', reject)
    child.once('close', resolveCode)
  })
  if (code !== 0) throw new Error(`${label} failed (exit ${code}):\n${output.trim()}`)
}

/** How PostgreSQL's client tools reach the cluster: its socket directory, port and superuser. */
function connectionArgs(paths: Paths): string[] {
  return ['-h', paths.socketDir, '-p', String(PG_PORT), '-U', PG_SUPERUSER]
}

function psql(paths: Paths, sql: string): Promise<void> {
  return runChecked(
    'psql',
    join(PG_BIN, 'psql'),
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', ...connectionArgs(paths), '-d', 'postgres', '-c', sql],
    undefined,
  )
}

/**
 * Settings given at every start, so a cluster made by an older version gets them too.
 *
 * Indexes are built as ordered composite keys (DocumentDB's `bson_rum_composite_path_ops`) rather
 * than one posting list per field. With per-field lists, `{topics, _status, publishedAt}`
 * answered "this topic's published stories this month" by intersecting the topic's entries with
 * every published story's, about 20–30 ms at 100,000 stories however few matched; as one ordered
 * key it reads the matching range only (3 ms). The same holds for a story by slug (20 ms → 2 ms).
 * It changes how the local engine stores an index, not what a query returns; production MongoDB
 * has ordered compound indexes of its own. Indexes built before this setting keep their old form
 * until rebuilt (`npm run db:reset`).
 */
const EVERY_START_SETTINGS = ['documentdb.defaultUseCompositeOpClass=on']

async function initCluster(paths: Paths, runAs: RunAs, throwaway: boolean): Promise<void> {
  await mkdir(paths.pgdata, { recursive: true, mode: 0o700 })
  if (runAs) await chown(paths.pgdata, runAs.uid, runAs.gid)
  await runChecked(
    'initdb',
    join(PG_BIN, 'initdb'),
    [
      '-D',
      paths.pgdata,
      '-U',
      PG_SUPERUSER,
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-instructions',
    ],
    runAs,
  )
  const settings = [
    '',
    '# copydesk-devdb: DocumentDB',
    "shared_preload_libraries = 'pg_cron, pg_documentdb_core, pg_documentdb'",
    "cron.database_name = 'postgres'",
    `cron.host = '${paths.socketDir}'`,
    "documentdb.enableBackgroundWorker = 'true'",
    "documentdb.enableBackgroundWorkerJobs = 'true'",
    `documentdb.localhost_connection_string = 'host=${paths.socketDir}'`,
    // pg_cron 1.4 rejects sub-minute schedules; indexes are built inline anyway (patch 0003).
    'documentdb.indexBuildScheduleInSec = 60',
    "listen_addresses = ''",
    `port = ${PG_PORT}`,
    `unix_socket_directories = '${paths.socketDir}'`,
    'max_connections = 200',
  ]
  if (throwaway) {
    // A test database is thrown away at the end of the run: durability buys nothing there.
    settings.push('fsync = off', 'synchronous_commit = off', 'full_page_writes = off')
  }
  await appendFile(join(paths.pgdata, 'postgresql.conf'), `${settings.join('\n')}\n`)
}

async function ensureSecrets(paths: Paths): Promise<void> {
  if (!existsSync(paths.password)) {
    const password = readEnv().devdbPassword ?? randomBytes(18).toString('base64url')
    await writeFile(paths.password, `${password}\n`, { mode: 0o600 })
  }
  await chmod(paths.password, 0o600)
  if (!existsSync(paths.cert) || !existsSync(paths.key)) {
    await runChecked(
      'openssl',
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '3650',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        paths.key,
        '-out',
        paths.cert,
      ],
      undefined,
    )
    await chmod(paths.key, 0o600)
  }
}

function spawnLogged(command: string, args: string[], logFile: string, runAs: RunAs): ChildProcess {
  const fd = openSync(logFile, 'a')
  try {
    // Own process group: a terminal Ctrl-C reaches us, and we decide when the database goes.
    return spawn(command, args, { stdio: ['ignore', fd, fd], detached: true, ...(runAs ?? {}) })
  } finally {
    closeSync(fd)
  }
}

async function logTail(file: string, lines = 15): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '')
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

async function waitForPostgres(
  paths: Paths,
  postgres: ChildProcess,
  deadline: number,
): Promise<void> {
  for (;;) {
    if (hasExited(postgres)) {
      throw new Error(
        `PostgreSQL exited with ${describeExit(postgres)}:\n${await logTail(paths.postgresLog)}`,
      )
    }
    const ready = await run(join(PG_BIN, 'pg_isready'), ['-q', ...connectionArgs(paths)])
    if (ready.code === 0) return
    if (Date.now() > deadline)
      throw new Error(`PostgreSQL was not ready in time:\n${await logTail(paths.postgresLog)}`)
    await sleep(100)
  }
}

/**
 * A tiny shell that holds a pipe from this process: when the pipe closes (we exited, even by
 * SIGKILL) it stops the gateway and PostgreSQL, so no database outlives the process that started it.
 */
function spawnWatchdog(gateway: ChildProcess, postgres: ChildProcess): ChildProcess {
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'read _ignored; kill -TERM "$1" 2>/dev/null; kill -INT "$2" 2>/dev/null',
      'devdb-watchdog',
      String(gateway.pid),
      String(postgres.pid),
    ],
    { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  )
  watchdog.unref()
  ;(watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.()
  return watchdog
}

/** PostgreSQL runs as `postgres`; every folder above its data must let others pass through. */
async function assertSearchable(dir: string): Promise<void> {
  for (let current = dirname(dir); ; current = dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the postgres user and cannot reach ${dir}: ${current} is closed to other users (chmod o+x ${current}, or set DEVDB_DATA_DIR elsewhere).`,
      )
    }
    if (dirname(current) === current) return
  }
}

export type StartDocumentDbOptions = {
  requestedPort: number
  dataDir: string
  memory: boolean
  dbName: string
  log: Log
}

export async function startDocumentDb(opts: StartDocumentDbOptions): Promise<DatabaseHandle> {
  const { log } = opts
  const build = await ensureDocumentDbBuilt({ log })
  const started = Date.now()
  const runAs = await postgresUser()

  const dir = opts.memory
    ? await mkdtemp(join(tmpdir(), 'copydesk-documentdb-'))
    : documentDbDir(opts.dataDir)
  await mkdir(dir, { recursive: true })
  // The postgres user must be able to reach its folders inside ours.
  if (runAs) {
    await chmod(dir, 0o755)
    await assertSearchable(dir)
  }
  const paths = pathsFor(dir)
  if (paths.socketDir.length > MAX_SOCKET_DIR) {
    paths.socketDir = await mkdtemp(join(tmpdir(), 'copydesk-pg-'))
  }
  await mkdir(paths.socketDir, { recursive: true, mode: 0o700 })
  if (runAs) await chown(paths.socketDir, runAs.uid, runAs.gid)

  const removeThrowaway = () => {
    if (opts.memory) rmSync(dir, { recursive: true, force: true })
    if (!paths.socketDir.startsWith(dir)) rmSync(paths.socketDir, { recursive: true, force: true })
  }

  const isFresh = !existsSync(join(paths.pgdata, 'PG_VERSION'))
  log(
    `starting DocumentDB (${opts.memory ? 'throwaway cluster' : `data in ${dir}`}${isFresh ? ', new cluster' : ''})…`,
  )
  try {
    if (isFresh) await initCluster(paths, runAs, opts.memory)
    await ensureSecrets(paths)
  } catch (error) {
    removeThrowaway()
    throw error
  }

  const postgres = spawnLogged(
    join(PG_BIN, 'postgres'),
    ['-D', paths.pgdata, ...EVERY_START_SETTINGS.flatMap((setting) => ['-c', setting])],
    paths.postgresLog,
    runAs,
  )
  const deadline = Date.now() + READY_TIMEOUT_MS
  try {
    await waitForPostgres(paths, postgres, deadline)
    if (isFresh) {
      const password = (await readFile(paths.password, 'utf8')).trim()
      await psql(
        paths,
        [
          'CREATE EXTENSION IF NOT EXISTS documentdb CASCADE;',
          `CREATE ROLE ${LOGIN_ROLE} WITH LOGIN CREATEROLE PASSWORD '${password}' IN ROLE documentdb_admin_role;`,
          `GRANT ${LOGIN_ROLE} TO ${PG_SUPERUSER} WITH ADMIN OPTION;`,
        ].join(' '),
      )
    }
  } catch (error) {
    await terminate({ child: postgres, stopSignal: 'SIGINT' })
    removeThrowaway()
    throw error
  }

  const upstream = JSON.parse(await readFile(build.setupConfiguration, 'utf8')) as Record<
    string,
    unknown
  >
  let gateway: ChildProcess | undefined
  let port = opts.requestedPort
  for (let attempt = 1; ; attempt++) {
    port = opts.requestedPort === 0 ? await freePort() : opts.requestedPort
    await writeFile(
      paths.gatewayConfig,
      `${JSON.stringify(
        {
          ...upstream,
          PostgresHostName: paths.socketDir,
          PostgresPort: PG_PORT,
          PostgresSystemUser: PG_SUPERUSER,
          GatewayListenPort: port,
          UseLocalHost: true,
          // Upstream's file is tuned for its own tests (5 s transactions, 10 s cursors and commands);
          // a CMS request on a busy laptop can hold a transaction longer than that.
          TransactionTimeoutSecs: 60,
          CursorTimeoutSecs: 600,
          PostgresCommandTimeoutSecs: 120,
          CertificateOptions: {
            CertType: 'pem_file',
            FilePath: paths.cert,
            KeyFilePath: paths.key,
          },
        },
        null,
        2,
      )}\n`,
    )
    const candidate = spawnLogged(build.gateway, [paths.gatewayConfig], paths.gatewayLog, undefined)
    const uri = await documentDbUri(dir, port, opts.dbName)
    let ready = false
    while (!hasExited(candidate) && Date.now() < deadline) {
      if (await probe(uri, 1000)) {
        ready = true
        break
      }
      await sleep(150)
    }
    if (ready) {
      gateway = candidate
      break
    }
    await terminate({ child: candidate })
    // Another process can take a free port between our check and the gateway's bind.
    if (opts.requestedPort === 0 && attempt < 3 && Date.now() < deadline) continue
    await terminate({ child: postgres, stopSignal: 'SIGINT' })
    removeThrowaway()
    throw new Error(
      `DocumentDB's gateway did not answer on ${HOST}:${port} (${hasExited(candidate) ? `exited with ${describeExit(candidate)}` : 'timed out'}):\n${await logTail(paths.gatewayLog)}`,
    )
  }

  const watchdog = spawnWatchdog(gateway, postgres)
  const uri = await documentDbUri(dir, port, opts.dbName)
  const handle = ownProcesses([{ child: gateway }, { child: postgres, stopSignal: 'SIGINT' }], {
    dataDir: opts.memory ? undefined : opts.dataDir,
    base: { uri, kind: 'documentdb' },
    cleanup: () => {
      if (!hasExited(watchdog)) watchdog.kill('SIGKILL')
      removeThrowaway()
    },
  })
  if (!opts.memory) {
    await writeMarker(opts.dataDir, {
      pid: gateway.pid ?? 0,
      postmasterPid: postgres.pid ?? 0,
      ownerPid: process.pid,
      port,
      kind: 'documentdb',
      startedAt: new Date().toISOString(),
    })
  }
  log(`DocumentDB ready on ${HOST}:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return handle
}
