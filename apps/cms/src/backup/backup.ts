import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

import { BSON, MongoClient } from 'mongodb'

import type { ArchiveRecord, IndexSpec, Manifest } from './archive'
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, archiveTally } from './archive'
import { lineWriter } from './stream'

// Index options worth keeping; servers add others (`v`, `ns`, engine specifics) on their own.
const INDEX_OPTIONS = [
  'unique',
  'sparse',
  'expireAfterSeconds',
  'partialFilterExpression',
  'collation',
  'weights',
  'default_language',
  'language_override',
  'textIndexVersion',
] as const

/** An index as createIndexes takes it back. */
export const indexSpec = (index: Record<string, unknown>): IndexSpec => ({
  key: index.key as Record<string, unknown>,
  name: String(index.name),
  ...Object.fromEntries(
    INDEX_OPTIONS.filter((option) => index[option] !== undefined).map((option) => [
      option,
      index[option],
    ]),
  ),
})

/** Every file under a folder, as paths relative to it with `/` separators, sorted. */
export const listFiles = async (dir: string, prefix = ''): Promise<string[]> => {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    },
  )
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)))
    else if (entry.isFile()) files.push(relative)
  }
  return files
}

export type BackupResult = { file: string; manifest: Manifest; bytes: number; ms: number }

/** The database's collections, without the server's own. */
export const userCollections = async (db: ReturnType<MongoClient['db']>): Promise<string[]> =>
  (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((collection) => collection.name)
    .filter((name) => !name.startsWith('system.'))
    .sort()

/**
 * Writes one archive of the whole database behind `uri` (every collection with its indexes:
 * documents, versions, workflow history, comments, notifications, users with their password
 * hashes, jobs) and of every file under `mediaDir`. The archive is written beside its name and
 * renamed at the end, so a failed backup never leaves a partial file that looks complete.
 */
export const backupDatabase = async ({
  uri,
  mediaDir,
  file,
  log = () => {},
}: {
  uri: string
  mediaDir: string
  file: string
  log?: (line: string) => void
}): Promise<BackupResult> => {
  const startedAt = Date.now()
  const target = path.resolve(file)
  const parent = await stat(path.dirname(target)).catch(() => null)
  if (!parent?.isDirectory()) throw new Error(`${path.dirname(target)}: no such folder`)
  const partial = `${target}.partial`
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 })
  const writer = lineWriter(partial)
  const tally = archiveTally()
  const emit = async (record: ArchiveRecord) => {
    const text = JSON.stringify(record)
    tally.line(text, record)
    await writer.write(text)
  }
  try {
    const db = client.db()
    await emit({
      type: 'header',
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      database: db.databaseName,
    })
    for (const name of await userCollections(db)) {
      const collection = db.collection(name)
      const indexes = (await collection.listIndexes().toArray())
        .filter((index) => index.name !== '_id_')
        .map((index) => indexSpec(index as Record<string, unknown>))
      await emit({ type: 'collection', name, indexes })
      let count = 0
      // Sorted by _id, so two backups of the same data are the same archive but for the date.
      for await (const doc of collection.find({}).sort({ _id: 1 })) {
        await emit({
          type: 'doc',
          collection: name,
          doc: BSON.EJSON.serialize(doc, { relaxed: false }),
        })
        count += 1
      }
      log(`  ${name.padEnd(32)} ${count} documents`)
    }
    const files = await listFiles(mediaDir)
    for (const relative of files) {
      const data = await readFile(path.join(mediaDir, relative))
      await emit({ type: 'file', path: relative, data: data.toString('base64') })
    }
    log(`  ${'media files'.padEnd(32)} ${files.length} files`)
    const manifest = tally.manifest()
    await writer.write(JSON.stringify(manifest))
    await writer.close()
    await mkdir(path.dirname(target), { recursive: true })
    await rename(partial, target)
    return { file: target, manifest, bytes: (await stat(target)).size, ms: Date.now() - startedAt }
  } catch (error) {
    await writer.close().catch(() => undefined)
    await rm(partial, { force: true })
    throw error
  } finally {
    await client.close()
  }
}
