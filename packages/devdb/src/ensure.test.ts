import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { MongoClient } from 'mongodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureStandinBuilt } from './standin/build.ts'
import type { DatabaseHandle, Marker } from './ensure.ts'
import { ensureDatabase, markerPath } from './ensure.ts'
import { childEnv, packageDir } from './env.ts'
import { isPortOpen, sleep } from './util.ts'

const quiet = (): void => {}
const cliPath = join(packageDir, 'bin', 'copydesk-devdb.js')

let tmp: string

beforeAll(async () => {
  // The first build downloads Maven plugins and compiles; later runs hit the cache.
  await ensureStandinBuilt({ log: quiet })
  tmp = await mkdtemp(join(tmpdir(), 'devdb-test-'))
}, 600_000)

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
  const match = /^mongodb:\/\/127\.0\.0\.1:(\d+)\//.exec(uri)
  if (!match) throw new Error(`unexpected uri ${uri}`)
  return Number(match[1])
}

async function waitForPortClosed(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!(await isPortOpen(port))) return true
    await sleep(200)
  }
  return false
}

async function withClient<T>(uri: string, work: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 })
  try {
    await client.connect()
    return await work(client)
  } finally {
    await client.close()
  }
}

describe('ensureDatabase', () => {
  it('starts a memory stand-in, serves the driver, is reused on the same port and frees the port on stop', async () => {
    const dataDir = join(tmp, 'memory')
    const db = await ensureDatabase({ port: 0, memory: true, dataDir, log: quiet })
    const port = portOf(db.uri)
    try {
      expect(db.kind).toBe('stand-in')
      expect(db.compat).toBe('mongo-java-server')
      expect(db.uri).toBe(`mongodb://127.0.0.1:${port}/copydesk`)
      expect(existsSync(markerPath(dataDir))).toBe(false)

      const found = await withClient(db.uri, async (client) => {
        const articles = client.db().collection('articles')
        await articles.insertOne({ slug: 'hello', title: 'Hello' })
        return articles.findOne({ slug: 'hello' })
      })
      expect(found?.title).toBe('Hello')

      const again = await ensureDatabase({ port, dataDir, log: quiet })
      expect(again.kind).toBe('reused')
      expect(again.uri).toBe(db.uri)
      // No marker for memory servers; the server's buildInfo gives it away.
      expect(again.compat).toBe('mongo-java-server')
      await again.stop()
      expect(await isPortOpen(port)).toBe(true)
    } finally {
      await db.stop()
    }
    expect(await isPortOpen(port)).toBe(false)
  })

  it('keeps h2 data across a stop and a start, with a marker only while running', async () => {
    const dataDir = join(tmp, 'h2')
    const first = await ensureDatabase({ port: 0, dataDir, dbName: 'persist', log: quiet })
    try {
      expect(first.kind).toBe('stand-in')
      const marker = JSON.parse(await readFile(markerPath(dataDir), 'utf8')) as Marker
      expect(marker.port).toBe(portOf(first.uri))
      expect(marker.compat).toBe('mongo-java-server')
      await withClient(first.uri, (client) =>
        client
          .db()
          .collection('notes')
          .insertOne({ _id: 'kept' as never, n: 42 }),
      )
    } finally {
      await first.stop()
    }
    expect(existsSync(markerPath(dataDir))).toBe(false)

    const second = await ensureDatabase({ port: 0, dataDir, dbName: 'persist', log: quiet })
    try {
      const doc = await withClient(second.uri, (client) =>
        client
          .db()
          .collection('notes')
          .findOne({ _id: 'kept' as never }),
      )
      expect(doc?.n).toBe(42)
    } finally {
      await second.stop()
    }
  })
})

describe('copydesk-devdb exec', () => {
  it('passes DATABASE_URI through untouched and starts nothing', async () => {
    const result = await runCli(
      [
        'exec',
        '--',
        process.execPath,
        '-e',
        'console.log(process.env.DATABASE_URI, process.env.DATABASE_COMPAT)',
      ],
      {
        DATABASE_URI: 'mongodb://db.example:27017/x',
        DATABASE_COMPAT: 'mongo-java-server',
      },
    )
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe('mongodb://db.example:27017/x mongo-java-server')
    expect(result.stderr).toContain('(external)')
  })

  it('runs the command with DATABASE_URI set and releases the port when it exits', async () => {
    const dataDir = join(tmp, 'exec')
    const result = await runCli(
      [
        'exec',
        '--',
        process.execPath,
        '-e',
        'console.log(process.env.DATABASE_URI + " " + process.env.DATABASE_COMPAT)',
      ],
      { DEVDB_PORT: '0', DEVDB_DATA_DIR: dataDir },
    )
    expect(result.code, result.stderr).toBe(0)
    const [uri, compat] = result.stdout.trim().split(' ')
    expect(uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/copydesk$/)
    expect(compat).toBe('mongo-java-server')
    expect(await isPortOpen(portOf(uri as string))).toBe(false)
    expect(existsSync(markerPath(dataDir))).toBe(false)
  })

  it("exits with the command's exit code", async () => {
    const result = await runCli(
      ['exec', '--memory', '--port', '0', '--', process.execPath, '-e', 'process.exit(7)'],
      {},
    )
    expect(result.code).toBe(7)
  })
})

describe('copydesk-devdb start', () => {
  it('leaves no database behind when its Node process is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, [cliPath, 'start', '--memory', '--port', '0'], {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const uri = await new Promise<string>((resolveUri, reject) => {
      let stdout = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk
        const match = /^database: (\S+) \(stand-in\)$/m.exec(stdout)
        if (match) resolveUri(match[1] as string)
      })
      child.once('exit', (code) => reject(new Error(`start exited early with ${code}: ${stderr}`)))
    })
    const port = portOf(uri)
    expect(await isPortOpen(port)).toBe(true)

    child.kill('SIGKILL')
    expect(await waitForPortClosed(port, 10_000)).toBe(true)
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

  it('refuses while a database started for that directory is running', async () => {
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
    // A PATH with node alone: no java, no mvn, no mongod; and no DATABASE_URI.
    const nodeOnly = await mkdtemp(join(tmpdir(), 'devdb-path-'))
    try {
      await symlink(process.execPath, join(nodeOnly, 'node'))
      const result = await runCli(['start', '--port', '0', '--data-dir', join(tmp, 'nothing')], {
        PATH: nodeOnly,
        DATABASE_URI: '',
      })
      expect(result.code).toBe(1)
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringContaining(
          'install Java 17 and Maven (to build the bundled MongoDB-wire stand-in), put mongod on PATH, or set DATABASE_URI',
        ),
      ])
    } finally {
      await rm(nodeOnly, { recursive: true, force: true })
    }
  })
})
