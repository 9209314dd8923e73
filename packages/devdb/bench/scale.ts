/**
 * How DocumentDB answers the reader site's queries over a large `articles` collection.
 *
 * Starts a DocumentDB of its own with its data on disk (fsync on, as in development), creates the
 * indexes Payload creates for the collection, inserts article-like documents in batches of 1,000,
 * then times each query in rounds (every query once per round, so load from other processes falls
 * on all of them alike) and prints p50, p95 and each p50's ratio to finding one document by `_id`
 * in the same run. Absolute times depend on the machine and what else runs on it; the ratios are
 * the part to compare.
 *
 *   npm run bench:scale -w @copydesk/devdb -- [--count 100000] [--runs 30] [--warmups 3] [--port 0]
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'

import type { Collection, Db, Document, Filter, Sort } from 'mongodb'
import { MongoClient, ObjectId } from 'mongodb'

import type { DatabaseHandle } from '@copydesk/devdb/ensure'
import { ensureDatabase } from '@copydesk/devdb/ensure'

import type { ArticleDoc } from './articles.ts'
import {
  articleFactory,
  AUTHOR_COUNT,
  MISSING_WORD,
  REGEX_WORD,
  topicName,
  YEARS,
} from './articles.ts'
import type { Align } from './stats.ts'
import {
  formatDuration,
  formatMs,
  formatRate,
  formatRatio,
  formatTable,
  percentile,
  summarizePlan,
} from './stats.ts'

const BATCH = 1_000
const PROGRESS_EVERY_MS = 10_000
const SEED = 20_261_201
const DB_NAME = 'bench'
const COLLECTION = 'articles'
const DAY_MS = 86_400_000

const log = (line: string) => console.log(`[bench] ${line}`)

/** Set by Ctrl-C or SIGTERM. */
let isInterrupted = false

type Options = { count: number; runs: number; warmups: number; port: number }

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '30' },
      warmups: { type: 'string', default: '3' },
      port: { type: 'string', default: '0' },
    },
    strict: true,
  })
  const int = (name: keyof typeof values, min: number, max: number): number => {
    const text = values[name]
    const value = Number(text)
    if (!/^\d+$/.test(text) || value < min || value > max) {
      throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}".`)
    }
    return value
  }
  return {
    count: int('count', 1_000, 10_000_000),
    runs: int('runs', 2, 1_000),
    warmups: int('warmups', 0, 100),
    port: int('port', 0, 65_535),
  }
}

/**
 * The indexes Payload's MongoDB adapter creates for `articles`: `slug` (unique), the fields marked
 * `index: true` (publishedAt, workflowState, assignee, owners), `_status` from drafts, and the
 * timestamps Payload adds to every collection.
 */
const PAYLOAD_INDEXES = [
  { key: { slug: 1 }, name: 'slug_1', unique: true },
  { key: { publishedAt: 1 }, name: 'publishedAt_1' },
  { key: { workflowState: 1 }, name: 'workflowState_1' },
  { key: { assignee: 1 }, name: 'assignee_1' },
  { key: { owners: 1 }, name: 'owners_1' },
  { key: { _status: 1 }, name: '_status_1' },
  { key: { createdAt: 1 }, name: 'createdAt_1' },
  { key: { updatedAt: 1 }, name: 'updatedAt_1' },
] as const

/** Not declared by the collection; added after the first table to show what they change. */
const EXTRA_INDEXES = [
  { key: { topics: 1 }, name: 'topics_1' },
  { key: { authors: 1 }, name: 'authors_1' },
] as const

type QuerySpec =
  | { kind: 'find'; filter: Filter<Document>; sort?: Sort & Document; limit?: number }
  | { kind: 'count'; filter: Filter<Document> }

type Query = {
  name: string
  /** A new spec each run, so lookups by key spread over many documents. */
  spec: (run: number) => QuerySpec
}

/** Runs the query as the driver would for Payload: `find(…).toArray()` or `countDocuments`. */
async function runQuery(collection: Collection, spec: QuerySpec): Promise<number> {
  if (spec.kind === 'count') return collection.countDocuments(spec.filter)
  const cursor = collection.find(spec.filter)
  if (spec.sort) cursor.sort(spec.sort)
  if (spec.limit) cursor.limit(spec.limit)
  return (await cursor.toArray()).length
}

/** The same command as runQuery, in explain form (countDocuments is an aggregate). */
function explainCommand(spec: QuerySpec): Document {
  if (spec.kind === 'count') {
    return {
      aggregate: COLLECTION,
      pipeline: [{ $match: spec.filter }, { $group: { _id: 1, n: { $sum: 1 } } }],
      cursor: {},
    }
  }
  return {
    find: COLLECTION,
    filter: spec.filter,
    ...(spec.sort ? { sort: spec.sort } : {}),
    ...(spec.limit ? { limit: spec.limit } : {}),
  }
}

type Sample = { ms: number; returned: number }

/** Every query once per round, warm-ups first; a progress line every ~10 s. */
async function measure({
  collection,
  queries,
  warmups,
  runs,
  label,
}: {
  collection: Collection
  queries: readonly Query[]
  warmups: number
  runs: number
  label: string
}): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>(queries.map((query) => [query.name, []]))
  const started = performance.now()
  let lastReport = started
  const rounds = warmups + runs
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const t0 = performance.now()
      const returned = await runQuery(collection, query.spec(round))
      const ms = performance.now() - t0
      if (round >= warmups) samples.get(query.name)?.push({ ms, returned })
    }
    const now = performance.now()
    if (now - lastReport >= PROGRESS_EVERY_MS || round === rounds - 1) {
      lastReport = now
      const phase =
        round < warmups ? `warm-up ${round + 1}/${warmups}` : `run ${round - warmups + 1}/${runs}`
      log(`${label}: ${phase} (${formatDuration(now - started)})`)
    }
  }
  return samples
}

type PlanCells = { index: string; sort: string; docsRead: string }

async function planOf(db: Db, spec: QuerySpec, collectionSize: number): Promise<PlanCells> {
  try {
    const explain = await db.command({ explain: explainCommand(spec), verbosity: 'executionStats' })
    const plan = summarizePlan({ explain, collectionSize })
    return {
      index: plan.indexes.length > 0 ? plan.indexes.join('+') : 'none',
      sort: plan.isSortedAfterFetch ? 'after' : '-',
      docsRead: plan.docsExamined.toLocaleString('en-US'),
    }
  } catch {
    return { index: '?', sort: '?', docsRead: '?' }
  }
}

const BASELINE = 'by _id (baseline)'

async function table({
  db,
  queries,
  samples,
  collectionSize,
}: {
  db: Db
  queries: readonly Query[]
  samples: Map<string, Sample[]>
  collectionSize: number
}): Promise<string> {
  const p50Of = (name: string) =>
    percentile({ samples: (samples.get(name) ?? []).map((s) => s.ms), p: 50 })
  const baseline = p50Of(BASELINE)
  const rows: string[][] = []
  for (const query of queries) {
    const runs = samples.get(query.name) ?? []
    const times = runs.map((sample) => sample.ms)
    const p50 = percentile({ samples: times, p: 50 })
    const p95 = percentile({ samples: times, p: 95 })
    const plan = await planOf(db, query.spec(0), collectionSize)
    // A count answers with a number, a find with documents: show what the caller gets.
    const returned = runs[0]?.returned ?? 0
    const spec = query.spec(0)
    rows.push([
      query.name,
      spec.kind === 'count'
        ? returned.toLocaleString('en-US')
        : `${returned} ${returned === 1 ? 'doc' : 'docs'}`,
      formatMs(p50),
      formatMs(p95),
      formatRatio(p50 / baseline),
      plan.index,
      plan.sort,
      plan.docsRead,
    ])
  }
  const align: Align[] = ['left', 'right', 'right', 'right', 'right', 'left', 'left', 'right']
  return formatTable({
    header: ['query', 'answer', 'p50', 'p95', 'p50 / baseline', 'index', 'sort', 'docs read'],
    rows,
    align,
  })
}

async function insertArticles({
  collection,
  count,
  end,
  sampleEvery,
}: {
  collection: Collection
  count: number
  end: Date
  sampleEvery: number
}): Promise<{ ids: ObjectId[]; slugs: string[]; authors: ObjectId[]; ms: number }> {
  const authors = Array.from({ length: AUTHOR_COUNT }, () => new ObjectId())
  const users = Array.from({ length: 12 }, () => new ObjectId())
  const make = articleFactory({
    seed: SEED,
    count,
    end,
    ids: { authors, users, next: () => new ObjectId() },
  })
  const ids: ObjectId[] = []
  const slugs: string[] = []
  const started = performance.now()
  let lastReport = started
  let inserted = 0
  while (inserted < count) {
    const batch: ArticleDoc<ObjectId>[] = []
    for (let i = inserted; i < Math.min(count, inserted + BATCH); i++) {
      const doc = make(i)
      if (i % sampleEvery === 0) {
        ids.push(doc._id)
        slugs.push(doc.slug)
      }
      batch.push(doc)
    }
    await collection.insertMany(batch, { ordered: true })
    inserted += batch.length
    const now = performance.now()
    if (now - lastReport >= PROGRESS_EVERY_MS || inserted === count) {
      lastReport = now
      const rate = inserted / ((now - started) / 1000)
      log(
        `inserted ${inserted.toLocaleString('en-US')}/${count.toLocaleString('en-US')} ` +
          `(${formatRate(rate)}, ${formatDuration(now - started)})`,
      )
    }
  }
  return { ids, slugs, authors, ms: performance.now() - started }
}

async function main(): Promise<void> {
  const options = parseOptions()
  const wallStart = performance.now()
  let database: DatabaseHandle | undefined
  let client: MongoClient | undefined
  let dataDir: string | undefined
  let cleaning: Promise<void> | undefined

  // One cleanup, however many callers: a signal and the failing operation it interrupts both wait on it.
  const cleanUp = (): Promise<void> => {
    cleaning ??= (async () => {
      await client?.close().catch(() => {})
      await database?.stop().catch(() => {})
      if (dataDir) await rm(dataDir, { recursive: true, force: true })
    })()
    return cleaning
  }
  // With handlers of our own, ensureDatabase leaves stopping the database to us.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (isInterrupted) return
      isInterrupted = true
      log(`${signal}: stopping the database and deleting its data`)
      void cleanUp().finally(() => process.exit(130))
    })
  }

  try {
    dataDir = await mkdtemp(path.join(tmpdir(), 'copydesk-bench-scale-'))
    // As root, DocumentDB's PostgreSQL runs as the postgres user, which must be able to enter it.
    await chmod(dataDir, 0o755)

    // ensureDatabase would hand back a database DATABASE_URI names; this run starts its own.
    // eslint-disable-next-line no-restricted-properties -- unsetting, not reading, the variable
    delete process.env.DATABASE_URI
    log(`starting DocumentDB with data on disk in ${dataDir}`)
    database = await ensureDatabase({
      port: options.port,
      dataDir,
      dbName: DB_NAME,
      log: (line) => log(line),
    })
    if (database.kind !== 'documentdb') {
      throw new Error(
        `expected DocumentDB, got ${database.kind} (mongod on PATH is used first; take it off PATH).`,
      )
    }
    client = new MongoClient(database.uri)
    await client.connect()
    const db = client.db(DB_NAME)
    const collection = db.collection(COLLECTION)

    log(`creating ${PAYLOAD_INDEXES.length} indexes as Payload does for articles`)
    await collection.createIndexes(PAYLOAD_INDEXES.map((index) => ({ ...index })))

    const end = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS)
    const sampleSize = options.warmups + options.runs
    const insert = await insertArticles({
      collection,
      count: options.count,
      end,
      sampleEvery: Math.max(1, Math.floor(options.count / sampleSize)),
    })
    const insertRate = options.count / (insert.ms / 1000)
    log(
      `${options.count.toLocaleString('en-US')} articles over ${YEARS} years in ${formatDuration(insert.ms)} (${formatRate(insertRate)})`,
    )

    const at = <T>(items: readonly T[], run: number): T => items[run % items.length] as T
    const windowStart = new Date(end.getTime() - 30 * DAY_MS)
    const topic = topicName(7)
    const author = insert.authors[3] as ObjectId
    const newest = { publishedAt: -1 } as const
    const published = { _status: 'published' }
    const queries: Query[] = [
      { name: BASELINE, spec: (run) => ({ kind: 'find', filter: { _id: at(insert.ids, run) } }) },
      {
        name: 'by slug',
        spec: (run) => ({ kind: 'find', filter: { slug: at(insert.slugs, run) } }),
      },
      {
        name: 'newest 20 published',
        spec: () => ({ kind: 'find', filter: published, sort: newest, limit: 20 }),
      },
      {
        name: 'newest 20 published, last 30 days',
        spec: () => ({
          kind: 'find',
          filter: { ...published, publishedAt: { $gte: windowStart } },
          sort: newest,
          limit: 20,
        }),
      },
      {
        name: 'newest 20 in a topic',
        spec: () => ({
          kind: 'find',
          filter: { ...published, topics: topic },
          sort: newest,
          limit: 20,
        }),
      },
      {
        name: 'newest 20 by an author',
        spec: () => ({
          kind: 'find',
          filter: { ...published, authors: author },
          sort: newest,
          limit: 20,
        }),
      },
      { name: 'count published', spec: () => ({ kind: 'count', filter: published }) },
      {
        name: `title ~ /${REGEX_WORD.toLowerCase()}/i, limit 20`,
        spec: () => ({
          kind: 'find',
          filter: { title: { $regex: REGEX_WORD.toLowerCase(), $options: 'i' } },
          limit: 20,
        }),
      },
      {
        name: `title ~ /${MISSING_WORD.toLowerCase()}/i (no match)`,
        spec: () => ({
          kind: 'find',
          filter: { title: { $regex: MISSING_WORD.toLowerCase(), $options: 'i' } },
          limit: 20,
        }),
      },
    ]

    const first = await measure({
      collection,
      queries,
      warmups: options.warmups,
      runs: options.runs,
      label: 'indexes as Payload creates them',
    })
    const firstTable = await table({
      db,
      queries,
      samples: first,
      collectionSize: options.count,
    })

    log(`adding ${EXTRA_INDEXES.map((index) => index.name).join(' and ')}`)
    const indexStart = performance.now()
    await collection.createIndexes(EXTRA_INDEXES.map((index) => ({ ...index })))
    const indexMs = performance.now() - indexStart
    const secondQueries = queries.filter((query) =>
      [BASELINE, 'newest 20 in a topic', 'newest 20 by an author'].includes(query.name),
    )
    const second = await measure({
      collection,
      queries: secondQueries,
      warmups: options.warmups,
      runs: options.runs,
      label: 'with topics_1 and authors_1',
    })
    const secondTable = await table({
      db,
      queries: secondQueries,
      samples: second,
      collectionSize: options.count,
    })

    const newestRatio =
      percentile({ samples: (first.get('newest 20 published') ?? []).map((s) => s.ms), p: 50 }) /
      percentile({ samples: (first.get(BASELINE) ?? []).map((s) => s.ms), p: 50 })
    const wallMs = performance.now() - wallStart
    console.log('')
    console.log(
      `${options.count.toLocaleString('en-US')} articles, ${options.runs} runs after ${options.warmups} warm-ups; ` +
        `insert ${formatRate(insertRate)} (insertMany of ${BATCH.toLocaleString('en-US')}, fsync on)`,
    )
    console.log('')
    console.log('Indexes as Payload creates them:')
    console.log('')
    console.log(firstTable)
    console.log('')
    console.log(`After adding topics_1 and authors_1 (built in ${formatDuration(indexMs)}):`)
    console.log('')
    console.log(secondTable)
    console.log('')
    log(
      `done in ${formatDuration(wallMs)}: ${options.count.toLocaleString('en-US')} articles at ` +
        `${formatRate(insertRate)}; newest 20 published is ${formatRatio(newestRatio)} a lookup by _id`,
    )
  } finally {
    await cleanUp()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // The signal handler exits once the database is stopped; the interrupted operation's error is noise.
    if (isInterrupted) return
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
