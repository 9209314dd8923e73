/**
 * Pure helpers for the scale benchmark: percentiles, number formatting, a Markdown table and a
 * one-line reading of DocumentDB's `explain` output.
 */

/**
 * The nearest-rank percentile of a list of samples (the smallest value with at least p % of the
 * samples at or below it).
 *
 * @example
 * percentile({ samples: [5, 1, 3, 2, 4], p: 50 }) // 3
 */
export function percentile({ samples, p }: { samples: readonly number[]; p: number }): number {
  if (samples.length === 0) throw new Error('percentile of no samples')
  if (!(p > 0 && p <= 100)) throw new Error(`p must be in (0, 100], got ${p}`)
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(rank, sorted.length) - 1] as number
}

/**
 * Milliseconds with about three significant digits.
 *
 * @example
 * formatMs(0.4321) // '0.43 ms'
 * formatMs(1234.5) // '1,235 ms'
 */
export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`
  if (ms < 100) return `${ms.toFixed(1)} ms`
  return `${Math.round(ms).toLocaleString('en-US')} ms`
}

/**
 * A ratio to the baseline, one decimal below 10.
 *
 * @example
 * formatRatio(1.04) // '×1.0'
 * formatRatio(1520.2) // '×1,520'
 */
export function formatRatio(ratio: number): string {
  if (ratio < 10) return `×${ratio.toFixed(1)}`
  return `×${Math.round(ratio).toLocaleString('en-US')}`
}

/**
 * A rate per second, rounded to whole units.
 *
 * @example
 * formatRate(1234.56) // '1,235/s'
 */
export function formatRate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')}/s`
}

/**
 * Seconds with one decimal below a minute, else minutes and seconds.
 *
 * @example
 * formatDuration(4_210) // '4.2 s'
 * formatDuration(125_000) // '2 min 5 s'
 */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000
  if (seconds < 60) return `${seconds.toFixed(1)} s`
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)} min ${whole % 60} s`
}

export type Align = 'left' | 'right'

/**
 * A Markdown table whose columns are padded to the same width, so it reads the same in a terminal
 * and in a rendered document.
 *
 * @example
 * formatTable({ header: ['query', 'p50'], align: ['left', 'right'], rows: [['by slug', '1.2 ms']] })
 */
export function formatTable({
  header,
  rows,
  align = [],
}: {
  header: readonly string[]
  rows: readonly (readonly string[])[]
  align?: readonly Align[]
}): string {
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`row has ${row.length} cells, header has ${header.length}`)
    }
  }
  const widths = header.map((cell, column) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    `| ${cells
      .map((cell, column) => {
        const width = widths[column] ?? 0
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width)
      })
      .join(' | ')} |`
  const rule = `| ${widths
    .map((width, column) =>
      align[column] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
    )
    .join(' | ')} |`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

type Stage = {
  stage: string
  indexName?: string
  totalKeysExamined?: number
  totalDocsExamined?: number
}

function isStage(value: unknown): value is Stage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { stage?: unknown }).stage === 'string'
  )
}

/** Every plan stage nested anywhere in `value` (find plans nest `inputStage(s)`, aggregates `stages`). */
function collectStages(value: unknown, into: Stage[] = []): Stage[] {
  if (Array.isArray(value)) {
    for (const item of value) collectStages(item, into)
  } else if (typeof value === 'object' && value !== null) {
    if (isStage(value)) into.push(value)
    for (const child of Object.values(value)) collectStages(child, into)
  }
  return into
}

function executionStatsOf(value: unknown, into: unknown[] = []): unknown[] {
  if (Array.isArray(value)) {
    for (const item of value) executionStatsOf(item, into)
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'executionStats') into.push(child)
      else executionStatsOf(child, into)
    }
  }
  return into
}

export type PlanSummary = {
  /** Indexes that narrowed the read (an index walked end to end is a full scan and not listed). */
  indexes: string[]
  /** True when the plan sorts the matching documents itself instead of reading them in order. */
  isSortedAfterFetch: boolean
  /** The most documents any stage read. */
  docsExamined: number
}

/**
 * Reads an `explain` answer given with `verbosity: 'executionStats'`: which indexes narrowed the
 * read, whether the engine sorted after fetching, and how many documents it read. An index scan
 * that examined as many keys as the collection holds counts as a full scan.
 *
 * @example
 * summarizePlan({ explain, collectionSize: 100_000 }) // { indexes: ['slug_1'], isSortedAfterFetch: false, docsExamined: 1 }
 */
export function summarizePlan({
  explain,
  collectionSize,
}: {
  explain: unknown
  collectionSize: number
}): PlanSummary {
  const stats = executionStatsOf(explain)
  const stages = collectStages(stats)
  const indexes = new Set<string>()
  // The totals sit beside the stages: a primary-key lookup reports its one document only there.
  let docsExamined = Math.max(
    0,
    ...stats.map((entry) =>
      typeof entry === 'object' && entry !== null
        ? Number((entry as { totalDocsExamined?: unknown }).totalDocsExamined ?? 0) || 0
        : 0,
    ),
  )
  let isSortedAfterFetch = false
  for (const stage of stages) {
    if (stage.stage === 'SORT') isSortedAfterFetch = true
    if (stage.stage === 'IXSCAN' && stage.indexName) {
      const keys = stage.totalKeysExamined ?? 0
      if (keys < collectionSize) indexes.add(stage.indexName)
    }
    docsExamined = Math.max(docsExamined, stage.totalDocsExamined ?? 0)
  }
  return { indexes: [...indexes], isSortedAfterFetch, docsExamined }
}
