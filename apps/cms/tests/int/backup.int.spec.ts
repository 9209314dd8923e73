/**
 * Backup and restore (`npm run backup`, `npm run restore`): one archive of the whole database and
 * the media files; restored into an empty database it holds the same documents, indexes and files,
 * and the CMS serves the same answers from it. A damaged archive is refused in one line.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'

import { BSON, MongoClient } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ArchiveError } from '../../src/backup/archive'
import { backupDatabase, listFiles } from '../../src/backup/backup'
import { RestoreRefusedError, restoreDatabase } from '../../src/backup/restore'
import type { CmsServer } from '../helpers/http'
import { RICH_CONTENT_DIR } from '../helpers/content'
import { pngFile } from '../helpers/media'

const PASSWORD = 'backup-spec-password-1'

let payload: Payload
let server: CmsServer
let work: string
let sourceMedia: string
let sourceUri: string
let archive: string
const clients: MongoClient[] = []

/** A database of its own on the run's server, next to this file's. */
const siblingUri = (name: string) => {
  const uri = new URL(sourceUri)
  uri.pathname = `${uri.pathname}_${name}`
  return uri.toString()
}

const connect = async (uri: string) => {
  const client = await MongoClient.connect(uri)
  clients.push(client)
  return client.db()
}

/** Every collection's documents (canonical Extended JSON, by _id) and index names. */
const snapshot = async (uri: string) => {
  const db = await connect(uri)
  const out: Record<string, { docs: unknown[]; indexes: string[] }> = {}
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => !name.startsWith('system.'))
    .sort()
  for (const name of names) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray()
    const indexes = await db.collection(name).listIndexes().toArray()
    out[name] = {
      docs: docs.map((doc) => BSON.EJSON.serialize(doc, { relaxed: false })),
      indexes: indexes.map((index) => String(index.name)).sort(),
    }
  }
  return out
}

const filesOf = async (dir: string) => {
  const out: Record<string, string> = {}
  for (const file of await listFiles(dir))
    out[file] = (await readFile(path.join(dir, file))).toString('base64')
  return out
}

/** What readers and staff get over REST: the pages' data. */
const answers = async () => {
  const paths = [
    '/api/articles?depth=2&sort=slug',
    '/api/authors?sort=slug',
    '/api/topics?sort=slug',
    '/api/faqs?sort=slug&limit=50',
    '/api/media?sort=filename',
  ]
  const out: Record<string, unknown> = {}
  for (const p of paths) {
    const response = await fetch(`${server.url}${p}`)
    out[p] = { status: response.status, body: await response.json() }
  }
  const { docs } = (out['/api/media?sort=filename'] as { body: { docs: { url: string }[] } }).body
  for (const media of docs) {
    const response = await fetch(`${server.url}${new URL(media.url, server.url).pathname}`)
    out[media.url] = Buffer.from(await response.arrayBuffer()).toString('base64')
  }
  return out
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'copydesk-backup-'))
  sourceMedia = path.join(work, 'media')
  // The CMS reads its environment when the config is first imported.
  process.env.MEDIA_DIR = sourceMedia
  sourceUri = process.env.DATABASE_URI ?? ''
  payload = await (await import('../helpers/payload')).testPayload()
  server = await (await import('../helpers/http')).startCmsServer()
  const { seed } = await import('../../src/seed/seed')
  const { contentDir } = await import('../../src/env')

  // Content, versions, accounts, history, a comment, a notification, a job and an image.
  await seed({ payload, contentDir, announce: false })
  await seed({ payload, contentDir: RICH_CONTENT_DIR, announce: false })
  const editor = await payload.create({
    collection: 'users',
    data: {
      email: 'backup-editor@example.com',
      name: 'Édith Editor',
      roles: ['editor'],
      password: PASSWORD,
    },
  })
  const draft = await payload.create({
    collection: 'articles',
    data: { title: 'A draft in review', authors: [] },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
  await payload.create({
    collection: 'editorial-comments',
    data: {
      documentCollection: 'articles',
      document: draft.id,
      body: 'Check the second paragraph.',
    },
    user: editor,
    overrideAccess: false,
  })
  await payload.create({
    collection: 'notifications',
    data: { recipient: editor.id, message: 'A story waits for you.', kind: 'submitted' },
  })
  await payload.jobs.queue({
    task: 'revalidate',
    input: { tags: ['articles'] },
    waitUntil: new Date(Date.now() + 86_400_000),
  })
  await payload.create({
    collection: 'media',
    data: { alt: 'A blue square' },
    file: await pngFile({ width: 800, height: 600, name: 'blue.png' }),
  })
  archive = path.join(work, 'copydesk.backup.gz')
})

afterAll(async () => {
  for (const client of clients) {
    await client.close()
  }
  await server?.stop()
  await rm(work, { recursive: true, force: true })
})

describe('backup', () => {
  it('writes every collection and file with counts and checksums', async () => {
    const result = await backupDatabase({ uri: sourceUri, mediaDir: sourceMedia, file: archive })
    const { collections, files } = result.manifest
    for (const name of [
      'articles',
      '_articles_versions',
      'authors',
      'faqs',
      'topics',
      'media',
      'users',
      'workflow-events',
      'editorial-comments',
      'notifications',
      'payload-jobs',
    ])
      expect(collections[name]?.count, name).toBeGreaterThan(0)
    expect(Object.keys(files).length).toBeGreaterThan(1) // the image and its sizes
    const users = await (await connect(sourceUri)).collection('users').find({}).toArray()
    expect(users[0]).toHaveProperty('hash')
    const text = gunzipSync(await readFile(archive)).toString('utf8')
    expect(text).toContain('backup-editor@example.com')
    expect(text).toContain('"hash":')
    expect(text).not.toContain(PASSWORD)
  })

  it('restores into an empty database the same documents, indexes and files', async () => {
    const targetUri = siblingUri('restored')
    const targetMedia = path.join(work, 'restored-media')
    await restoreDatabase({ uri: targetUri, mediaDir: targetMedia, file: archive })
    expect(await snapshot(targetUri)).toEqual(await snapshot(sourceUri))
    expect(await filesOf(targetMedia)).toEqual(await filesOf(sourceMedia))

    // Not over data unless told.
    await expect(
      restoreDatabase({ uri: targetUri, mediaDir: targetMedia, file: archive }),
    ).rejects.toThrow(RestoreRefusedError)
    await restoreDatabase({ uri: targetUri, mediaDir: targetMedia, file: archive, replace: true })
    expect(await snapshot(targetUri)).toEqual(await snapshot(sourceUri))
  })

  it('gives back a CMS that serves the same answers, and the same sign-in', async () => {
    const before = await answers()
    await (await connect(sourceUri)).dropDatabase()
    await rm(sourceMedia, { recursive: true, force: true })
    expect((await fetch(`${server.url}/api/articles`).then((r) => r.json())).totalDocs).toBe(0)

    await restoreDatabase({ uri: sourceUri, mediaDir: sourceMedia, file: archive })
    expect(await answers()).toEqual(before)
    const { login } = await import('../helpers/http')
    await expect(
      login({ url: server.url, email: 'backup-editor@example.com', password: PASSWORD }),
    ).resolves.toMatch(/^JWT /)
  })
})

describe('a damaged archive', () => {
  const restoreInto = (file: string) =>
    restoreDatabase({ uri: siblingUri('damaged'), mediaDir: path.join(work, 'damaged'), file })

  it('is refused in one line when truncated, altered, not an archive or missing, and nothing is written', async () => {
    const bytes = await readFile(archive)
    const truncated = path.join(work, 'truncated.gz')
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await expect(restoreInto(truncated)).rejects.toThrow(
      /^is damaged: it ends early \(truncated\)$/,
    )

    const altered = path.join(work, 'altered.gz')
    const text = gunzipSync(bytes).toString('utf8')
    await writeFile(
      altered,
      gzipSync(text.replace('Check the second paragraph.', 'Check the third paragraph.')),
    )
    await expect(restoreInto(altered)).rejects.toThrow(
      'is damaged: collection "editorial-comments" does not match its checksum',
    )

    const cut = path.join(work, 'cut.gz')
    await writeFile(cut, gzipSync(text.split('\n').slice(0, 5).join('\n')))
    await expect(restoreInto(cut)).rejects.toThrow('is damaged: it ends early (no manifest)')

    const notGzip = path.join(work, 'notes.txt')
    await writeFile(notGzip, 'hello')
    await expect(restoreInto(notGzip)).rejects.toThrow('is not a backup archive (not gzip data)')
    await expect(restoreInto(path.join(work, 'missing.gz'))).rejects.toThrow(ArchiveError)
    await expect(restoreInto(path.join(work, 'missing.gz'))).rejects.toThrow('no such file')

    expect(await snapshot(siblingUri('damaged'))).toEqual({})
  })
})
