import { spawn } from 'node:child_process'

import { childEnv, readEnv } from '../env.ts'
import type { Log } from '../util.ts'
import { findOnPath } from '../util.ts'

/** Debian 12 packages the DocumentDB build and cluster need (PostgreSQL 15 and the extensions it requires). */
export const DEBIAN_PACKAGES = [
  'postgresql-15',
  'postgresql-server-dev-15',
  'postgresql-15-cron',
  'postgresql-15-rum',
  'postgresql-15-postgis-3',
  'libbson-dev',
  'libintelrdfpmath-dev',
  'libpcre2-dev',
  'pkg-config',
  'build-essential',
  'libssl-dev',
  'openssl',
  // PostgreSQL's server headers include gssapi.h.
  'libkrb5-dev',
] as const

export const PG_BIN = '/usr/lib/postgresql/15/bin'
export const PG_CONFIG = `${PG_BIN}/pg_config`

export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError'
}

type RunResult = { code: number | null; output: string }

/** Runs a command to completion, collecting stdout and stderr together. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void } = {},
): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let partial = ''
    const onData = (chunk: string) => {
      output += chunk
      // Keep memory bounded for long builds; failures only need the end.
      if (output.length > 400_000) output = output.slice(-200_000)
      if (!options.onLine) return
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) options.onLine(line)
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', onData)
    child.once('error', reject)
    child.once('close', (code) => resolveRun({ code, output }))
  })
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

/** The packages from the list that dpkg does not report as installed. */
export async function missingPackages(): Promise<string[]> {
  const result = await run('dpkg-query', [
    '-W',
    '-f=${Package} ${Status}\\n',
    ...DEBIAN_PACKAGES,
  ]).catch(() => undefined)
  if (!result) return [...DEBIAN_PACKAGES]
  const installed = new Set(
    result.output
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]),
  )
  return DEBIAN_PACKAGES.filter((name) => !installed.has(name))
}

/** Installs what is missing when we are root with apt; otherwise says in one line what to install. */
export async function ensurePackages(log: Log): Promise<void> {
  const missing = await missingPackages()
  if (missing.length === 0) return
  const line = `apt-get install -y ${missing.join(' ')}`
  if (!isRoot() || !(await findOnPath('apt-get', readEnv().pathDirs))) {
    throw new EngineUnavailableError(`DocumentDB needs Debian packages: run "sudo ${line}".`)
  }
  log(`documentdb: installing ${missing.length} Debian packages (${missing.join(', ')})…`)
  const started = Date.now()
  const env = childEnv({ DEBIAN_FRONTEND: 'noninteractive' })
  const update = await run('apt-get', ['update', '-qq'], { env })
  const install =
    update.code === 0 ? await run('apt-get', ['install', '-y', '-qq', ...missing], { env }) : update
  if (install.code !== 0) {
    const tail = install.output.trimEnd().split('\n').slice(-10).join('\n')
    throw new EngineUnavailableError(`"${line}" failed:\n${tail}`)
  }
  log(`documentdb: packages installed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}
