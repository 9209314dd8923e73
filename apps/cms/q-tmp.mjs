import { MongoClient } from 'mongodb'
import { readFileSync } from 'node:fs'
const c = new MongoClient(readFileSync('/tmp/prof/uri','utf8').trim())
await c.connect()
const db = c.db()
const x = db.collection('scratch_search')
const a = db.collection('articles')
const proj = { _id: 1, publishedAt: 1, searchTitle: 1, searchDek: 1, searchExtra: 1 }
const t = async (fn) => { const s = performance.now(); const r = await fn(); return [performance.now() - s, r] }
for (const w of ['ministry', 'blackout', 'nunez', 'harvest', 'riga']) {
  const out = [w.padEnd(9)]
  let total = 0, got = 0, q = 0
  for (let year = 2026; year >= 2016 && got < 201; year--) {
    const [ms, r] = await t(() => x.find({ searchYear: year, $text: { $search: w } }, { projection: proj }).sort({ publishedAt: -1 }).limit(201 - got).toArray())
    total += ms; got += r.length; q++
  }
  out.push(`years: ${total.toFixed(0)}ms ${q}q ${got}rows`)
  const [ms2, r2] = await t(() => a.find({ $text: { $search: w }, publishedAt: { $gte: new Date('2025-12-01') } }, { projection: proj }).sort({ publishedAt: -1 }).limit(201).toArray())
  out.push(`old366d: ${ms2.toFixed(0)}ms ${r2.length}`)
  console.log(out.join('  '))
}
await c.close()
