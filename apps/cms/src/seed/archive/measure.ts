import config from '@payload-config'
import type { Where } from 'payload'
import { getPayload } from 'payload'

import { archiveId } from './generate'

// Times the reader site's list queries on the archive (`payload run`, after seed:archive): a
// topic's first and deepest pages, an author's, a story by slug and the front page's window.
// Each query runs five times; the median is reported, in milliseconds.
const published: Where = { _status: { equals: 'published' } }
const PER_PAGE = 20

const main = async () => {
  const payload = await getPayload({ config })
  const median = async (run: () => Promise<unknown>) => {
    const times: number[] = []
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now()
      await run()
      times.push(performance.now() - start)
    }
    return Math.round(times.sort((a, b) => a - b)[2] ?? 0)
  }
  const list =
    (where: Where, page: number, depth = 1) =>
    () =>
      payload.find({
        collection: 'articles',
        where: { and: [published, where] },
        sort: '-publishedAt',
        limit: PER_PAGE,
        page,
        depth,
        overrideAccess: false,
      })
  const total = (await payload.count({ collection: 'articles', where: published })).totalDocs
  const topic = { topics: { in: [archiveId('topics', 0)] } }
  const author = { authors: { in: [archiveId('authors', 0)] } }
  const topicCount = (await payload.count({ collection: 'articles', where: topic })).totalDocs
  const authorCount = (await payload.count({ collection: 'articles', where: author })).totalDocs
  const topicPages = Math.max(1, Math.ceil(topicCount / PER_PAGE))
  const authorPages = Math.max(1, Math.ceil(authorCount / PER_PAGE))
  const deep = Math.min(500, topicPages)
  const since = new Date(Date.UTC(2026, 10, 23)).toISOString()
  const [first] = (await list(topic, 1)()).docs
  const rows: [string, number][] = [
    [`topic page 1 (${topicCount} stories)`, await median(list(topic, 1))],
    [`topic page ${deep} of ${topicPages}`, await median(list(topic, deep))],
    ['topic page 1, depth 0 (the query alone)', await median(list(topic, 1, 0))],
    [`topic page ${deep}, depth 0`, await median(list(topic, deep, 0))],
    [`author page 1 (${authorCount} stories)`, await median(list(author, 1))],
    [`author page ${authorPages}`, await median(list(author, authorPages))],
    ['story by slug', await median(list({ slug: { equals: first?.slug ?? '' } }, 1))],
    [
      'front page 1, 7-day window',
      await median(list({ publishedAt: { greater_than_equal: since } }, 1)),
    ],
    ['front page 1 unnarrowed (what the site never runs)', await median(list({}, 1))],
  ]
  console.log(`archive of ${total} published stories, median of 5 runs (Local API, depth 1):`)
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(52)} ${String(ms).padStart(6)} ms`)
  await payload.destroy()
  process.exit(0)
}

await main()
