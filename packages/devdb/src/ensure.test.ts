import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureDocumentDbBuilt } from './documentdb/build.ts'
import { isRoot } from './documentdb/packages.ts'
import type { DatabaseHandle } from './ensure.ts'
import { ensureDatabase, markerPath } from './ensure.ts'
import { childEnv, packageDir } from './env.ts'
import { isPortOpen } from './util.ts'

const quiet = (): void => {}
const cliPath = join(packageDir, 'bin', 'copydesk-devdb.js')

let tmp: string

/** Starting DocumentDB needs its build, which needs root once (Debian packages, `make install`). */
const canStart = isRoot()

beforeAll(async () => {
  if (canStart) await ensureDocumentDbBuilt({ log: quiet })
  tmp = await mkdtemp(join(tmpdir(), 'devdb-test-'))
  // As root, PostgreSQL runs as the postgres user, which must be able to pass through.
  await chmod(tmp, 0o755)
}, 1_800_000)

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

type CliResult = { code: number | null; stdout: string; stderr: string }

function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: childEnv(env),
      // A pipe, not a terminal: the CLI must behave as it does under CI or turbo.
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdin.end()
    child.once('error', reject)
    child.once('close', (code) => resolveRun({ code, stdout, stderr }))
  })
}

function portOf(uri: string): number {
  const url = new URL(uri)
  if (url.hostname !== '127.0.0.1' || !url.port) throw new Error(`unexpected uri ${uri}`)
  return Number(url.port)
}

describe('copydesk-devdb exec', () => {
  it('passes DATABASE_URI through untouched and starts nothing', async () => {
    const result = await runCli(
      ['exec', '--', process.execPath, '-e', 'console.log(process.env.DATABASE_URI)'],
      { DATABASE_URI: 'mongodb://db.example:27017/x' },
    )
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe('mongodb://db.example:27017/x')
    expect(result.stderr).toContain('(external)')
  })

  it('never prints the password of a DATABASE_URI it was given', async () => {
    const result = await runCli(['exec', '--', process.execPath, '-e', ''], {
      DATABASE_URI: 'mongodb://newsroom:s3cret-pass@db.example:27017/x?tls=true',
    })
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('s3cret-pass')
    expect(result.stderr).toContain('mongodb://newsroom:***@db.example:27017/x?tls=true (external)')
  })

  it.runIf(canStart)(
    'runs the command with DATABASE_URI set and releases the port and data dir when it exits',
    async () => {
      const dataDir = join(tmp, 'exec')
      const result = await runCli(
        ['exec', '--', process.execPath, '-e', 'console.log(process.env.DATABASE_URI)'],
        { DEVDB_PORT: '0', DEVDB_DATA_DIR: dataDir },
      )
      expect(result.code, result.stderr).toBe(0)
      const uri = result.stdout.trim()
      expect(uri).toMatch(/^mongodb:\/\/copydesk:[^@]+@127\.0\.0\.1:\d+\/copydesk\?tls=true/)
      expect(await isPortOpen(portOf(uri))).toBe(false)
      expect(existsSync(markerPath(dataDir))).toBe(false)
    },
  )

  it.runIf(canStart)("exits with the command's exit code", async () => {
    const result = await runCli(
      ['exec', '--memory', '--port', '0', '--', process.execPath, '-e', 'process.exit(7)'],
      {},
    )
    expect(result.code).toBe(7)
  })
})

describe('copydesk-devdb reset', () => {
  it('refuses without --yes when there is no terminal, and deletes with --yes', async () => {
    const dataDir = join(tmp, 'reset')
    await mkdir(dataDir, { recursive: true })
    await writeFile(join(dataDir, 'keep.txt'), 'x')

    const refused = await runCli(['reset'], { DEVDB_DATA_DIR: dataDir })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('--yes')
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(existsSync(join(dataDir, 'keep.txt'))).toBe(true)

    const deleted = await runCli(['reset', '--yes'], { DEVDB_DATA_DIR: dataDir })
    expect(deleted.code, deleted.stderr).toBe(0)
    expect(existsSync(dataDir)).toBe(false)
  })

  it.runIf(canStart)('refuses while a database started for that directory is running', async () => {
    const dataDir = join(tmp, 'reset-running')
    let db: DatabaseHandle | undefined
    try {
      db = await ensureDatabase({ port: 0, dataDir, log: quiet })
      const refused = await runCli(['reset', '--yes'], { DEVDB_DATA_DIR: dataDir })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(/is running/)
      expect(existsSync(dataDir)).toBe(true)
    } finally {
      await db?.stop()
    }
  })
})

describe('without any database to use', () => {
  it('stops with one line saying what to install or set', async () => {
    // A PATH with node alone: no apt-get, no cargo, no mongod; and no DATABASE_URI.
    const nodeOnly = await mkdtemp(join(tmpdir(), 'devdb-path-'))
    try {
      await symlink(process.execPath, join(nodeOnly, 'node'))
      const result = await runCli(['start', '--port', '0', '--data-dir', join(tmp, 'nothing')], {
        PATH: nodeOnly,
        DATABASE_URI: '',
      })
      expect(result.code).toBe(1)
      const lines = result.stderr.trim().split('\n')
      // Progress lines may come first; the reason is the last line and names every way out.
      expect(lines.at(-1)).toMatch(/^DocumentDB needs .*Or put mongod on PATH, or set DATABASE_URI/)
    } finally {
      await rm(nodeOnly, { recursive: true, force: true })
    }
  })
})
