import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { MongoClient, MongoServerError } from 'mongodb'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ensureDatabase, readMarker } from '../ensure.ts'
import { childEnv, packageDir } from '../env.ts'
import { isPidAlive, isPortOpen, sleep } from '../util.ts'
import { ensureDocumentDbBuilt } from './build.ts'
import { isRoot } from './packages.ts'
import { documentDbDir } from './start.ts'

const quiet = (): void => {}
const cliPath = join(packageDir, 'bin', 'copydesk-devdb.js')
let tmp: string

const portOf = (uri: string): number => Number(new URL(uri).port)

async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(200)
  }
  return false
}

async function withClient<T>(uri: string, work: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 })
  try {
    await client.connect()
    return await work(client)
  } finally {
    await client.close()
  }
}

// Building needs root (Debian packages, `make install` into PostgreSQL); elsewhere the build has to
// have been done once by someone who could.
describe.runIf(isRoot())('DocumentDB engine', () => {
  beforeAll(async () => {
    await ensureDocumentDbBuilt({ log: quiet })
    tmp = await mkdtemp(join(tmpdir(), 'devdb-documentdb-test-'))
    // PostgreSQL runs as the postgres user, which must be able to pass through.
    await chmod(tmp, 0o755)
  }, 1_800_000)

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true })
  })

  it('serves a throwaway cluster over TLS with a password: unique indexes at once, MongoDB-shaped duplicate errors, exact counts', async () => {
    const db = await ensureDatabase({ port: 0, memory: true, dbName: 'scratch', log: quiet })
    try {
      expect(db.kind).toBe('documentdb')
      expect(db.uri).toMatch(/^mongodb:\/\/copydesk:[^@]+@127\.0\.0\.1:\d+\/scratch\?tls=true/)
      await withClient(db.uri, async (client) => {
        const things = client.db().collection('things')
        await things.insertOne({ slug: 'first' })
        // Indexes on an existing collection are built before createIndexes answers (patch 0003).
        await things.createIndex({ slug: 1 }, { unique: true })
        const error = await things.insertOne({ slug: 'first' }).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(MongoServerError)
        expect((error as MongoServerError).code).toBe(11000)
        // Payload reads the field from "index: <name>" (patch 0004).
        expect((error as MongoServerError).message).toMatch(/index: slug_1/)
        await things.insertMany(Array.from({ length: 120 }, (_, i) => ({ slug: `s-${i}` })))
        // Without a filter the count must be exact, not PostgreSQL's estimate (patch 0005).
        expect(await things.estimatedDocumentCount()).toBe(121)
      })
    } finally {
      await db.stop()
    }
    expect(await isPortOpen(portOf(db.uri))).toBe(false)
  })

  it('builds a compound index as one ordered key: an equality on both fields reads a few index blocks, however many documents share one value', async () => {
    const db = await ensureDatabase({ port: 0, memory: true, dbName: 'scratch', log: quiet })
    try {
      await withClient(db.uri, async (client) => {
        const stories = client.db().collection('stories')
        await stories.insertMany(
          Array.from({ length: 20_000 }, (_, i) => ({ slug: `story-${i}`, _status: 'published' })),
        )
        await stories.createIndex({ _status: 1 })
        await stories.createIndex({ slug: 1, _status: 1 })
        const explained = (await stories
          .find({ $and: [{ slug: 'story-12345' }, { _status: 'published' }] })
          .explain('executionStats')) as unknown as {
          executionStats: {
            nReturned: number
            executionStages: {
              inputStage: {
                indexName: string
                numBlocksFromCache: number
                numBlocksFromDisk: number
              }
            }
          }
        }
        const scan = explained.executionStats.executionStages.inputStage
        expect(explained.executionStats.nReturned).toBe(1)
        expect(scan.indexName).toBe('slug_1__status_1')
        // One posting list per field would intersect the slug's entry with all 20,000
        // "published" entries: dozens of blocks.
        expect(scan.numBlocksFromCache + scan.numBlocksFromDisk).toBeLessThanOrEqual(6)
      })
    } finally {
      await db.stop()
    }
  })

  it('keeps data in its data dir across restarts, with a 0600 password, a certificate per data dir and a marker while running', async () => {
    const dataDir = join(tmp, 'persist')
    const first = await ensureDatabase({ port: 0, dataDir, dbName: 'persist', log: quiet })
    const dir = documentDbDir(dataDir)
    try {
      expect((await stat(join(dir, 'password'))).mode & 0o777).toBe(0o600)
      expect(existsSync(join(dir, 'gateway-cert.pem'))).toBe(true)
      const marker = await readMarker(dataDir)
      expect(marker?.kind).toBe('documentdb')
      expect(marker?.postmasterPid).toBeGreaterThan(0)
      await withClient(first.uri, (client) => client.db().collection('kept').insertOne({ n: 1 }))

      const reused = await ensureDatabase({
        port: portOf(first.uri),
        dataDir,
        dbName: 'persist',
        log: quiet,
      })
      expect(reused.kind).toBe('reused')
      expect(reused.uri).toBe(first.uri)
    } finally {
      await first.stop()
    }
    expect(await readMarker(dataDir)).toBeUndefined()
    const password = await readFile(join(dir, 'password'), 'utf8')

    const second = await ensureDatabase({ port: 0, dataDir, dbName: 'persist', log: quiet })
    try {
      expect(await readFile(join(dir, 'password'), 'utf8')).toBe(password)
      const count = await withClient(second.uri, (client) =>
        client.db().collection('kept').countDocuments(),
      )
      expect(count).toBe(1)
    } finally {
      await second.stop()
    }
  })

  it('gives a new cluster the password DEVDB_PASSWORD names, so a URI can be known before it starts', async () => {
    vi.stubEnv('DEVDB_PASSWORD', 'known-before-start')
    try {
      const db = await ensureDatabase({ port: 0, memory: true, dbName: 'known', log: quiet })
      try {
        expect(db.uri).toMatch(/^mongodb:\/\/copydesk:known-before-start@127\.0\.0\.1:\d+\/known\?/)
        const written = `mongodb://copydesk:known-before-start@127.0.0.1:${portOf(db.uri)}/known?tls=true&tlsAllowInvalidCertificates=true&authSource=admin`
        await withClient(written, (client) => client.db().command({ ping: 1 }))
      } finally {
        await db.stop()
      }
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('stops gateway and PostgreSQL when the process that started them is killed with SIGKILL', async () => {
    const dataDir = join(tmp, 'orphan')
    const child = spawn(process.execPath, [cliPath, 'start', '--port', '0'], {
      env: childEnv({ DEVDB_DATA_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const uri = await new Promise<string>((resolveUri, reject) => {
      let stdout = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk
        const match = /^database: (\S+) \(documentdb\)$/m.exec(stdout)
        if (match) resolveUri(match[1] as string)
      })
      child.once('exit', (code) => reject(new Error(`start exited early with ${code}: ${stderr}`)))
    })
    const marker = await readMarker(dataDir)
    const postmaster = marker?.postmasterPid ?? 0
    expect(isPidAlive(postmaster)).toBe(true)

    child.kill('SIGKILL')
    expect(await waitUntil(async () => !(await isPortOpen(portOf(uri))), 15_000)).toBe(true)
    expect(await waitUntil(() => !isPidAlive(postmaster), 15_000)).toBe(true)
  })

  it('starts a database that died under `exec` again on the same port, and says so', async () => {
    const dataDir = join(tmp, 'restart')
    const child = spawn(
      process.execPath,
      [
        cliPath,
        'exec',
        '--port',
        '0',
        '--',
        process.execPath,
        '-e',
        'setTimeout(() => {}, 120000)',
      ],
      {
        env: childEnv({ DEVDB_DATA_DIR: dataDir }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    try {
      expect(await waitUntil(() => /^database: \S+ \(documentdb\)$/m.test(stderr), 60_000)).toBe(
        true,
      )
      const uri = /^database: (\S+) \(documentdb\)$/m.exec(stderr)?.[1] as string
      const marker = await readMarker(dataDir)
      for (const pid of [marker?.pid, marker?.postmasterPid]) if (pid) process.kill(pid, 'SIGKILL')

      expect(
        await waitUntil(() => stderr.includes('database restarted on port'), 60_000),
        stderr,
      ).toBe(true)
      expect(stderr).toContain('the database exited unexpectedly')
      const count = await withClient(uri, (client) =>
        client.db().collection('after').countDocuments(),
      )
      expect(count).toBe(0)
    } finally {
      child.kill('SIGTERM')
      await new Promise((resolveExit) => child.once('exit', resolveExit))
    }
    expect(await readMarker(dataDir)).toBeUndefined()
  })
})
