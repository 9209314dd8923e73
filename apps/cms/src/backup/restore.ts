import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { AnyBulkWriteOperation, Document } from 'mongodb'
import { BSON, MongoClient } from 'mongodb'

import type { ArchiveRecord, IndexSpec, Manifest } from './archive'
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ArchiveError,
  archiveTally,
  manifestMismatch,
  parseRecord,
} from './archive'
import { listFiles, userCollections } from './backup'
import { readLines } from './stream'

/** The target is not empty and the caller did not say to replace it: one line, nothing done. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RestoreRefusedError'
  }
}

const BATCH = 500

/** A media path from an archive, refused if it would land outside the media folder. */
const safeMediaPath = (mediaDir: string, relative: string): string => {
  const target = path.resolve(mediaDir, relative)
  if (path.isAbsolute(relative) || !target.startsWith(`${path.resolve(mediaDir)}${path.sep}`))
    throw new ArchiveError(`file "${relative}" would be written outside the media folder`)
  return target
}

/** Reads a whole archive and checks it against its manifest; returns the manifest. */
export const verifyArchive = async (file: string): Promise<Manifest> => {
  const tally = archiveTally()
  let manifest: Manifest | undefined
  let lineNumber = 0
  for await (const text of readLines(file)) {
    lineNumber += 1
    if (manifest) throw new ArchiveError(`line ${lineNumber} follows the manifest`)
    const record = parseRecord(text, lineNumber)
    if (lineNumber === 1) {
      if (record.type !== 'header' || record.format !== ARCHIVE_FORMAT)
        throw new ArchiveError('is not a Copydesk backup (no header)')
      if (record.version !== ARCHIVE_VERSION)
        throw new ArchiveError(
          `is a version ${record.version} backup; this CMS reads version ${ARCHIVE_VERSION}`,
        )
    }
    if (record.type === 'manifest') manifest = record
    else tally.line(text, record)
  }
  if (lineNumber === 0) throw new ArchiveError('is empty')
  if (!manifest) throw new ArchiveError('is damaged: it ends early (no manifest)')
  const mismatch = manifestMismatch({ stated: manifest, found: tally.manifest() })
  if (mismatch) throw new ArchiveError(`is damaged: ${mismatch}`)
  return manifest
}

export type RestoreResult = { manifest: Manifest; ms: number }

/**
 * Loads an archive written by `backupDatabase` into the database behind `uri` and `mediaDir`.
 * The archive is checked whole first, so a damaged one changes nothing. The target must be
 * empty (no documents, no media files) unless `replace` is set, which drops its collections and
 * empties the media folder first.
 */
export const restoreDatabase = async ({
  uri,
  mediaDir,
  file,
  replace = false,
  log = () => {},
}: {
  uri: string
  mediaDir: string
  file: string
  replace?: boolean
  log?: (line: string) => void
}): Promise<RestoreResult> => {
  const startedAt = Date.now()
  const manifest = await verifyArchive(file)
  log(
    `  archive checked: ${Object.keys(manifest.collections).length} collections, ${Object.keys(manifest.files).length} files`,
  )

  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 })
  try {
    const db = client.db()
    const existing = await userCollections(db)
    const occupied: string[] = []
    for (const name of existing) {
      const count = await db.collection(name).countDocuments({}, { limit: 1 })
      if (count > 0) occupied.push(name)
    }
    const mediaFiles = await listFiles(mediaDir)
    if (!replace && (occupied.length > 0 || mediaFiles.length > 0)) {
      const what = [
        occupied.length > 0
          ? `database "${db.databaseName}" has documents in ${occupied.slice(0, 3).join(', ')}${occupied.length > 3 ? ` and ${occupied.length - 3} more` : ''}`
          : '',
        mediaFiles.length > 0 ? `${mediaDir} holds ${mediaFiles.length} files` : '',
      ]
        .filter(Boolean)
        .join('; ')
      throw new RestoreRefusedError(
        `not restoring over existing data (${what}); restore into an empty database, or add --replace to delete it first`,
      )
    }
    if (replace) {
      for (const name of existing) await db.collection(name).drop()
      for (const entry of await readdir(mediaDir).catch(() => [] as string[]))
        await rm(path.join(mediaDir, entry), { recursive: true, force: true })
      if (existing.length > 0 || mediaFiles.length > 0)
        log(
          `  replaced: dropped ${existing.length} collections, removed ${mediaFiles.length} media files`,
        )
    }

    const indexes = new Map<string, IndexSpec[]>()
    let batch: { collection: string; docs: Document[] } = { collection: '', docs: [] }
    const flush = async () => {
      if (batch.docs.length === 0) return
      const operations: AnyBulkWriteOperation[] = batch.docs.map((document) => ({
        insertOne: { document },
      }))
      await db.collection(batch.collection).bulkWrite(operations, { ordered: true })
      batch = { collection: batch.collection, docs: [] }
    }
    for await (const text of readLines(file)) {
      const record = JSON.parse(text) as ArchiveRecord
      if (record.type === 'collection') {
        await flush()
        log(`  restoring ${record.name}`)
        await db.createCollection(record.name).catch(() => undefined)
        indexes.set(record.name, record.indexes)
        batch = { collection: record.name, docs: [] }
      } else if (record.type === 'doc') {
        if (record.collection !== batch.collection) await flush()
        batch.collection = record.collection
        batch.docs.push(
          BSON.EJSON.deserialize(record.doc as Document, { relaxed: false }) as Document,
        )
        if (batch.docs.length >= BATCH) await flush()
      } else if (record.type === 'file') {
        await flush()
        const target = safeMediaPath(mediaDir, record.path)
        await mkdir(path.dirname(target), { recursive: true })
        await writeFile(target, Buffer.from(record.data, 'base64'))
      }
    }
    await flush()
    for (const [name, specs] of indexes) {
      if (specs.length > 0) await db.collection(name).createIndexes(specs as never)
    }
    return { manifest, ms: Date.now() - startedAt }
  } finally {
    await client.close()
  }
}
