import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { constants as osConstants, homedir } from 'node:os'
import { parse, resolve } from 'node:path'
import { createInterface } from 'node:readline/promises'

import { ensureDocumentDbBuilt } from './documentdb/build.ts'
import type { DatabaseHandle, EnsureDatabaseOptions } from './ensure.ts'
import { databaseExited, ensureDatabase, liveMarker } from './ensure.ts'
import { childEnv, packageDir, readEnv, repoRoot } from './env.ts'
import { sleep, stderrLog } from './util.ts'

const USAGE = `usage: copydesk-devdb <command> [options]

commands:
  start                     start the local database and keep it running until Ctrl-C
  exec [options] -- <cmd>   run <cmd> with DATABASE_URI set; stop the database after
  reset [--yes]             delete the data directory (asks first on a terminal)
  build                     only build and cache DocumentDB (extensions and gateway)

options:
  --port <n>        port on 127.0.0.1 (default DEVDB_PORT or 27017; 0 picks a free one)
  --data-dir <dir>  data directory (default DEVDB_DATA_DIR or <repo>/.data)
  --memory          keep nothing: a throwaway cluster in a temporary folder, fsync off
  --db <name>       database name in the URI (default copydesk)
  --yes             reset without asking`

class UsageError extends Error {
  override name = 'UsageError'
}

type Parsed = {
  command: string | undefined
  ensure: EnsureDatabaseOptions
  yes: boolean
  rest: string[]
}

function parseArgs(argv: string[]): Parsed {
  const parsed: Parsed = { command: undefined, ensure: {}, yes: false, rest: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const value = (): string => {
      const next = argv[++i]
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value.`)
      return next
    }
    if (arg === '--') {
      parsed.rest = argv.slice(i + 1)
      break
    }
    switch (arg) {
      case '--port': {
        const text = value()
        if (!/^\d+$/.test(text) || Number(text) > 65535)
          throw new UsageError(`--port must be 0-65535, got "${text}".`)
        parsed.ensure.port = Number(text)
        break
      }
      case '--data-dir':
        parsed.ensure.dataDir = resolve(value())
        break
      case '--memory':
        parsed.ensure.memory = true
        break
      case '--db':
        parsed.ensure.dbName = value()
        break
      case '--yes':
      case '-y':
        parsed.yes = true
        break
      case '--help':
      case '-h':
        parsed.command = 'help'
        break
      default:
        if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`)
        if (parsed.command === undefined) {
          parsed.command = arg
        } else if (parsed.command === 'exec') {
          // `exec cmd args` without `--` also works as long as cmd's own options come after it.
          parsed.rest = argv.slice(i)
          i = argv.length
        } else {
          throw new UsageError(`Unexpected argument ${arg}.`)
        }
    }
  }
  return parsed
}

/**
 * One line naming the database. A URI from outside (DATABASE_URI) is someone's secret: its password
 * is never printed. A database started here is local, and its URI is what a developer connects with.
 */
function describe(handle: DatabaseHandle): string {
  return `database: ${handle.kind === 'external' ? withoutPassword(handle.uri) : handle.uri} (${handle.kind})`
}

function withoutPassword(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/[^:@/]+):[^@/]*@/, '$1:***@')
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      resolveSignal(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}

async function start(options: EnsureDatabaseOptions): Promise<number> {
  const handle = await ensureDatabase({ ...options, log: stderrLog })
  console.log(describe(handle))
  if (handle.kind === 'reused') {
    console.log('A database is already running on that port; nothing to start.')
    return 0
  }
  if (handle.kind === 'external') {
    console.log('DATABASE_URI is set; nothing to start.')
    return 0
  }

  console.log('Press Ctrl-C to stop.')
  let isDone = false
  const supervised = superviseRestarts(handle, options, () => isDone)
  await waitForSignal()
  isDone = true
  await supervised.stop()
  console.log('database stopped')
  return 0
}

/**
 * A database that dies on its own (killed, crashed) is started again on the same port, so the URI
 * the apps were given stays valid and they reconnect by themselves.
 */
function superviseRestarts(
  first: DatabaseHandle,
  options: EnsureDatabaseOptions,
  isDone: () => boolean,
): { stop: () => Promise<void> } {
  let current = first
  let restarting: Promise<void> | undefined
  const watch = (handle: DatabaseHandle) => {
    void databaseExited(handle)?.then(() => {
      if (isDone()) return
      restarting = (async () => {
        stderrLog('devdb: the database exited unexpectedly; starting it again…')
        await handle.stop()
        const port = Number(new URL(handle.uri).port)
        for (let attempt = 1; attempt <= 5 && !isDone(); attempt++) {
          try {
            current = await ensureDatabase({ ...options, port, log: stderrLog })
            stderrLog(`devdb: database restarted on port ${port} (${current.kind})`)
            watch(current)
            return
          } catch (error) {
            const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
            stderrLog(`devdb: restart attempt ${attempt} failed: ${reason}`)
            await sleep(1000 * attempt)
          }
        }
      })()
    })
  }
  watch(first)
  return {
    stop: async () => {
      await restarting
      await current.stop()
    },
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return osConstants.signals[signal] ?? 1
}

async function exec(options: EnsureDatabaseOptions, command: string[]): Promise<number> {
  const [program, ...args] = command
  if (!program) throw new UsageError('exec needs a command: copydesk-devdb exec -- <cmd> [args…].')

  const handle = await ensureDatabase({ ...options, log: stderrLog })
  // stdout belongs to the command, so our own lines go to stderr.
  stderrLog(describe(handle))

  const forwarded: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
  let child: ReturnType<typeof spawn> | undefined
  // Installed before spawning so a signal in between cannot take the database down under the command.
  const forward = (signal: NodeJS.Signals) => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  for (const signal of forwarded) process.on(signal, forward)
  let commandDone = false
  const supervised = superviseRestarts(handle, options, () => commandDone)

  try {
    child = spawn(program, args, {
      stdio: 'inherit',
      env: childEnv({ DATABASE_URI: handle.uri }),
    })

    const spawned = child
    const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolveExit, reject) => {
        spawned.once('error', (error: NodeJS.ErrnoException) => {
          reject(
            error.code === 'ENOENT'
              ? new Error(`Command not found: ${program}`)
              : new Error(`Could not run ${program}: ${error.message}`),
          )
        })
        spawned.once('exit', (code, signal) => resolveExit({ code, signal }))
      },
    )
    if (result.signal) return 128 + signalNumber(result.signal)
    return result.code ?? 1
  } finally {
    commandDone = true
    await supervised.stop()
    for (const signal of forwarded) process.off(signal, forward)
  }
}

function isUnsafeToDelete(dir: string): boolean {
  const target = resolve(dir)
  return [parse(target).root, homedir(), repoRoot, packageDir, resolve(repoRoot, 'packages')].some(
    (protectedDir) => resolve(protectedDir) === target,
  )
}

async function reset(options: EnsureDatabaseOptions, yes: boolean): Promise<number> {
  const dataDir = resolve(options.dataDir ?? readEnv().devdbDataDir)
  if (isUnsafeToDelete(dataDir)) {
    throw new Error(
      `Refusing to delete ${dataDir}: that is not a data directory; check DEVDB_DATA_DIR.`,
    )
  }

  const marker = await liveMarker(dataDir)
  if (marker) {
    throw new Error(
      `The database for ${dataDir} is running (pid ${marker.pid}, port ${marker.port}); stop it before resetting.`,
    )
  }
  if (!existsSync(dataDir)) {
    console.log(`Nothing to delete: ${dataDir} does not exist.`)
    return 0
  }

  if (!yes) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new Error(
        `Refusing to delete ${dataDir} without confirmation (no terminal to ask on); pass --yes.`,
      )
    }
    const prompt = createInterface({ input: process.stdin, output: process.stdout })
    const answer = await prompt.question(`Delete ${dataDir}? [y/N] `).finally(() => prompt.close())
    if (!/^y(es)?$/i.test(answer.trim())) {
      console.log('Nothing deleted.')
      return 1
    }
  }

  await rm(dataDir, { recursive: true, force: true })
  console.log(`Deleted ${dataDir}.`)
  return 0
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv)
  switch (parsed.command) {
    case 'start':
      return start(parsed.ensure)
    case 'exec':
      return exec(parsed.ensure, parsed.rest)
    case 'reset':
      return reset(parsed.ensure, parsed.yes)
    case 'build':
      console.log((await ensureDocumentDbBuilt({ log: stderrLog })).gateway)
      return 0
    case 'help':
      console.log(USAGE)
      return 0
    case undefined:
      throw new UsageError('Missing command.')
    default:
      throw new UsageError(`Unknown command "${parsed.command}".`)
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    console.error(
      error instanceof UsageError ? `${message} Run "copydesk-devdb --help" for usage.` : message,
    )
    process.exit(1)
  },
)
