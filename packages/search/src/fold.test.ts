import { describe, expect, it } from 'vitest'

import { fold, queryTerms, words } from './fold'

describe('fold', () => {
  it('strips accents and case so the accented and plain spellings match', () => {
    expect(fold({ text: 'Núñez' })).toBe('nunez')
    expect(fold({ text: 'NUNEZ' })).toBe(fold({ text: 'Núñez' }))
    expect(fold({ text: 'Ri Il-gyu’s São Paulo café' })).toBe('ri il-gyu’s sao paulo cafe')
  })

  it('spells out letters that have no accent to strip', () => {
    expect(fold({ text: 'Straße Œuvre Øresund Łódź' })).toBe('strasse oeuvre oresund lodz')
  })

  it('decomposes compatibility characters (ligatures, full-width)', () => {
    expect(fold({ text: 'ﬁnal ＡＢＣ' })).toBe('final abc')
  })
})

describe('words', () => {
  it('gives each word with its offsets in the original text', () => {
    expect(words({ text: 'Hi, Núñez!' })).toEqual([
      { word: 'Hi', start: 0, end: 2 },
      { word: 'Núñez', start: 4, end: 9 },
    ])
  })
})

describe('queryTerms', () => {
  it('folds, deduplicates and drops text-search operators', () => {
    expect(queryTerms({ query: '  Núñez "nunez" -Blackout ' })).toEqual(['nunez', 'blackout'])
  })

  it('keeps at most max terms and nothing for a query of punctuation', () => {
    expect(queryTerms({ query: 'a b c d', max: 2 })).toEqual(['a', 'b'])
    expect(queryTerms({ query: ' -"" ' })).toEqual([])
  })
})
