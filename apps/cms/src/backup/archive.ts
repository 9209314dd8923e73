import { createHash } from 'node:crypto'

/**
 * The backup archive: gzip over one JSON record per line, so it is written and read as a stream
 * with nothing but Node's zlib. Documents are canonical Extended JSON (ObjectIds, dates and
 * number types survive exactly); media files are base64. The last line is the manifest: counts
 * and SHA-256 checksums of every collection and file, and one of every line before it, so a
 * truncated or altered archive is recognised before anything is restored.
 *
 * ```
 * {"type":"header","format":"copydesk-backup","version":1,"createdAt":"…","database":"copydesk"}
 * {"type":"collection","name":"articles","indexes":[…]}
 * {"type":"doc","collection":"articles","doc":{"_id":{"$oid":"…"},…}}
 * {"type":"file","path":"photo.png","data":"iVBORw0…"}
 * {"type":"manifest","collections":{…},"files":{…},"sha256":"…"}
 * ```
 */
export const ARCHIVE_FORMAT = 'copydesk-backup'
export const ARCHIVE_VERSION = 1

export type IndexSpec = { key: Record<string, unknown>; name: string } & Record<string, unknown>

export type ArchiveRecord =
  | { type: 'header'; format: string; version: number; createdAt: string; database: string }
  | { type: 'collection'; name: string; indexes: IndexSpec[] }
  /** `doc` is canonical Extended JSON, kept as text so its checksum is of the exact bytes. */
  | { type: 'doc'; collection: string; doc: unknown }
  | { type: 'file'; path: string; data: string }
  | Manifest

export type Manifest = {
  type: 'manifest'
  collections: Record<string, { count: number; sha256: string }>
  files: Record<string, { bytes: number; sha256: string }>
  /** Of every line before the manifest, newlines included. */
  sha256: string
}

/** A backup that cannot be restored: the message is the whole story, on one line. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ArchiveError'
  }
}

const sha256 = () => createHash('sha256')

/**
 * Adds up an archive as it is written or read: the checksums the manifest states.
 *
 * @example
 * const tally = archiveTally()
 * tally.line(text) // every line before the manifest
 * const manifest = tally.manifest()
 */
export const archiveTally = () => {
  const whole = sha256()
  const collections = new Map<string, { count: number; hash: ReturnType<typeof sha256> }>()
  const files: Manifest['files'] = {}
  const collection = (name: string) => {
    let entry = collections.get(name)
    if (!entry) {
      entry = { count: 0, hash: sha256() }
      collections.set(name, entry)
    }
    return entry
  }
  return {
    /** One line of the archive (without its newline) and the record it holds. */
    line: (text: string, record: ArchiveRecord) => {
      whole.update(`${text}\n`)
      if (record.type === 'collection') collection(record.name)
      if (record.type === 'doc') {
        const entry = collection(record.collection)
        entry.count += 1
        entry.hash.update(`${JSON.stringify(record.doc)}\n`)
      }
      if (record.type === 'file') {
        const bytes = Buffer.from(record.data, 'base64')
        files[record.path] = { bytes: bytes.length, sha256: sha256().update(bytes).digest('hex') }
      }
    },
    manifest: (): Manifest => ({
      type: 'manifest',
      collections: Object.fromEntries(
        [...collections].map(([name, { count, hash }]) => [
          name,
          { count, sha256: hash.copy().digest('hex') },
        ]),
      ),
      files,
      sha256: whole.copy().digest('hex'),
    }),
  }
}

/**
 * The first difference between the manifest an archive states and what its lines add up to,
 * in words, or `null` when they agree.
 *
 * @example
 * manifestMismatch({ stated, found }) // 'collection "articles": 12 documents, the manifest says 13'
 */
export const manifestMismatch = ({
  stated,
  found,
}: {
  stated: Manifest
  found: Manifest
}): string | null => {
  for (const [name, expected] of Object.entries(stated.collections)) {
    const actual = found.collections[name]
    if (!actual) return `collection "${name}" is missing`
    if (actual.count !== expected.count)
      return `collection "${name}": ${actual.count} documents, the manifest says ${expected.count}`
    if (actual.sha256 !== expected.sha256) return `collection "${name}" does not match its checksum`
  }
  for (const name of Object.keys(found.collections))
    if (!stated.collections[name]) return `collection "${name}" is not in the manifest`
  for (const [file, expected] of Object.entries(stated.files)) {
    const actual = found.files[file]
    if (!actual) return `file "${file}" is missing`
    if (actual.sha256 !== expected.sha256) return `file "${file}" does not match its checksum`
  }
  for (const file of Object.keys(found.files))
    if (!stated.files[file]) return `file "${file}" is not in the manifest`
  if (stated.sha256 !== found.sha256) return 'the archive does not match its checksum'
  return null
}

/** Reads one line as a record, or says why it is not one. */
export const parseRecord = (text: string, lineNumber: number): ArchiveRecord => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ArchiveError(`line ${lineNumber} is not JSON`)
  }
  const type = (value as { type?: unknown } | null)?.type
  if (!['header', 'collection', 'doc', 'file', 'manifest'].includes(String(type)))
    throw new ArchiveError(`line ${lineNumber} is not a backup record`)
  return value as ArchiveRecord
}
