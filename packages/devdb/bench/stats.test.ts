import { describe, expect, it } from 'vitest'

import {
  formatDuration,
  formatMs,
  formatRate,
  formatRatio,
  formatTable,
  percentile,
  summarizePlan,
} from './stats.ts'

describe('percentile', () => {
  it('takes the nearest rank of the sorted samples', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10]
    expect(percentile({ samples, p: 50 })).toBe(5)
    expect(percentile({ samples, p: 95 })).toBe(10)
    expect(percentile({ samples, p: 10 })).toBe(1)
    expect(percentile({ samples, p: 100 })).toBe(10)
  })

  it('gives the 29th of 30 sorted samples for p95', () => {
    const samples = Array.from({ length: 30 }, (_, i) => 30 - i)
    expect(percentile({ samples, p: 95 })).toBe(29)
    expect(percentile({ samples, p: 50 })).toBe(15)
  })

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2]
    percentile({ samples, p: 50 })
    expect(samples).toEqual([3, 1, 2])
  })

  it('refuses no samples and a p outside (0, 100]', () => {
    expect(() => percentile({ samples: [], p: 50 })).toThrow()
    expect(() => percentile({ samples: [1], p: 0 })).toThrow()
    expect(() => percentile({ samples: [1], p: 101 })).toThrow()
  })
})

describe('number formatting', () => {
  it('keeps about three significant digits of milliseconds', () => {
    expect(formatMs(0.4321)).toBe('0.43 ms')
    expect(formatMs(12.345)).toBe('12.3 ms')
    expect(formatMs(1234.5)).toBe('1,235 ms')
  })

  it('writes ratios with one decimal below 10', () => {
    expect(formatRatio(1)).toBe('×1.0')
    expect(formatRatio(9.94)).toBe('×9.9')
    expect(formatRatio(1520.2)).toBe('×1,520')
  })

  it('writes rates and durations', () => {
    expect(formatRate(1234.56)).toBe('1,235/s')
    expect(formatDuration(4_210)).toBe('4.2 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
  })
})

describe('formatTable', () => {
  it('pads every column to its widest cell and marks right-aligned columns', () => {
    const text = formatTable({
      header: ['query', 'p50'],
      align: ['left', 'right'],
      rows: [
        ['by slug', '1.20 ms'],
        ['newest 20', '1,020 ms'],
      ],
    })
    expect(text.split('\n')).toEqual([
      '| query     |      p50 |',
      '| --------- | -------: |',
      '| by slug   |  1.20 ms |',
      '| newest 20 | 1,020 ms |',
    ])
  })

  it('refuses a row with the wrong number of cells', () => {
    expect(() => formatTable({ header: ['a', 'b'], rows: [['1']] })).toThrow(/1 cells/)
  })
})

// Shapes as DocumentDB answers `explain` with verbosity 'executionStats' (trimmed).
const indexLookup = {
  queryPlanner: {
    winningPlan: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: 'slug_1' } },
  },
  executionStats: {
    totalDocsExamined: 1,
    executionStages: {
      stage: 'FETCH',
      totalDocsExamined: 1,
      inputStage: { stage: 'IXSCAN', totalKeysExamined: 1, indexName: 'slug_1' },
    },
  },
}

const scanAndSort = {
  executionStats: {
    executionStages: {
      stage: 'LIMIT',
      totalDocsExamined: 20,
      inputStage: {
        stage: 'SORT',
        totalDocsExamined: 20,
        inputStage: {
          stage: 'FETCH',
          totalDocsExamined: 5000,
          inputStage: { stage: 'IXSCAN', totalKeysExamined: 5000, indexName: '_id_' },
        },
      },
    },
  },
}

const aggregateCount = {
  stages: [
    {
      $cursor: {
        executionStats: {
          executionStages: {
            stage: 'FETCH',
            totalDocsExamined: 4500,
            inputStage: { stage: 'IXSCAN', totalKeysExamined: 4500, indexName: '_status_1' },
          },
        },
      },
    },
    { $group: { executionStats: { executionStages: { stage: 'GROUP', totalDocsExamined: 1 } } } },
  ],
}

describe('summarizePlan', () => {
  it('names the index that narrowed a lookup', () => {
    expect(summarizePlan({ explain: indexLookup, collectionSize: 5000 })).toEqual({
      indexes: ['slug_1'],
      isSortedAfterFetch: false,
      docsExamined: 1,
    })
  })

  it('counts an index walked end to end as a full scan, and sees the sort', () => {
    expect(summarizePlan({ explain: scanAndSort, collectionSize: 5000 })).toEqual({
      indexes: [],
      isSortedAfterFetch: true,
      docsExamined: 5000,
    })
  })

  it('reads the stages of an aggregate', () => {
    expect(summarizePlan({ explain: aggregateCount, collectionSize: 5000 })).toEqual({
      indexes: ['_status_1'],
      isSortedAfterFetch: false,
      docsExamined: 4500,
    })
  })

  it('takes the documents read from the totals when the stages omit them', () => {
    const byId = {
      executionStats: {
        totalDocsExamined: 1,
        executionStages: {
          stage: 'FETCH',
          inputStage: { stage: 'IXSCAN', totalKeysExamined: 1, indexName: '_id_' },
        },
      },
    }
    expect(summarizePlan({ explain: byId, collectionSize: 5000 })).toEqual({
      indexes: ['_id_'],
      isSortedAfterFetch: false,
      docsExamined: 1,
    })
  })

  it('ignores the planner’s estimates and reads only what ran', () => {
    const plannerOnly = { queryPlanner: indexLookup.queryPlanner }
    expect(summarizePlan({ explain: plannerOnly, collectionSize: 5000 }).indexes).toEqual([])
  })
})
