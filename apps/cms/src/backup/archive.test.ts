import { describe, expect, it } from 'vitest'

import type { ArchiveRecord } from './archive'
import { ArchiveError, archiveTally, manifestMismatch, parseRecord } from './archive'

const tallyOf = (records: ArchiveRecord[]) => {
  const tally = archiveTally()
  for (const record of records) tally.line(JSON.stringify(record), record)
  return tally.manifest()
}

const records: ArchiveRecord[] = [
  { type: 'header', format: 'copydesk-backup', version: 1, createdAt: 'x', database: 'd' },
  { type: 'collection', name: 'articles', indexes: [] },
  { type: 'doc', collection: 'articles', doc: { _id: { $oid: '65f000000000000000000001' } } },
  { type: 'collection', name: 'empty', indexes: [] },
  { type: 'file', path: 'a.png', data: Buffer.from('png').toString('base64') },
]

describe('archiveTally', () => {
  it('counts documents per collection, empty ones too, and sizes files', () => {
    const manifest = tallyOf(records)
    expect(manifest.collections.articles?.count).toBe(1)
    expect(manifest.collections.empty?.count).toBe(0)
    expect(manifest.files['a.png']?.bytes).toBe(3)
  })
})

describe('manifestMismatch', () => {
  it('agrees with itself', () => {
    expect(manifestMismatch({ stated: tallyOf(records), found: tallyOf(records) })).toBeNull()
  })

  it('names the collection whose documents changed', () => {
    const changed = records.map((r) =>
      r.type === 'doc' ? { ...r, doc: { _id: { $oid: '65f000000000000000000002' } } } : r,
    )
    expect(manifestMismatch({ stated: tallyOf(records), found: tallyOf(changed) })).toBe(
      'collection "articles" does not match its checksum',
    )
  })

  it('names a missing document, file or collection', () => {
    const stated = tallyOf(records)
    expect(
      manifestMismatch({ stated, found: tallyOf(records.filter((r) => r.type !== 'doc')) }),
    ).toBe('collection "articles": 0 documents, the manifest says 1')
    expect(
      manifestMismatch({ stated, found: tallyOf(records.filter((r) => r.type !== 'file')) }),
    ).toBe('file "a.png" is missing')
    expect(
      manifestMismatch({
        stated,
        found: tallyOf(records.filter((r) => !(r.type === 'collection' && r.name === 'empty'))),
      }),
    ).toBe('collection "empty" is missing')
  })
})

describe('parseRecord', () => {
  it('refuses a line that is not a record', () => {
    expect(() => parseRecord('{', 3)).toThrow(new ArchiveError('line 3 is not JSON'))
    expect(() => parseRecord('{"type":"other"}', 4)).toThrow('line 4 is not a backup record')
  })
})
