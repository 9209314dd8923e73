import { describe, expect, it } from 'vitest'

import { snippet } from './snippet'

const marked = (parts: { text: string; isMatch: boolean }[]) =>
  parts.filter((part) => part.isMatch).map((part) => part.text)
const whole = (parts: { text: string }[]) => parts.map((part) => part.text).join('')

describe('snippet', () => {
  it('marks the original spelling of an accent-free query', () => {
    const parts = snippet({ texts: ['Ángel Núñez said so.'], terms: ['nunez'] })
    expect(parts).toEqual([
      { text: 'Ángel ', isMatch: false },
      { text: 'Núñez', isMatch: true },
      { text: ' said so.', isMatch: false },
    ])
  })

  it('marks words the stemmer matched', () => {
    const parts = snippet({
      texts: ['Reasons behind the Defection were many.'],
      terms: ['defects'],
    })
    expect(marked(parts)).toEqual(['Defection'])
  })

  it('cuts a long text around the match at word boundaries, with ellipses', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20)
    const text = `${filler}the Guiteras plant failed and ${filler}`
    const parts = snippet({ texts: [text], terms: ['guiteras'], maxLength: 100 })
    const shown = whole(parts)
    expect(shown.startsWith('…')).toBe(true)
    expect(shown.endsWith('…')).toBe(true)
    expect(shown.length).toBeLessThanOrEqual(102)
    expect(marked(parts)).toEqual(['Guiteras'])
    // Some of the text before the match is kept for context.
    expect(shown.indexOf('Guiteras')).toBeGreaterThan(15)
    // Whole words only at both cuts.
    expect(
      shown
        .slice(1, -1)
        .trim()
        .split(' ')
        .every((w) => /^[a-zA-Z]+$/.test(w)),
    ).toBe(true)
  })

  it('prefers the text and passage holding the most distinct query words', () => {
    const parts = snippet({
      texts: ['A blackout hit.', 'The Guiteras plant: a blackout across the island.'],
      terms: ['blackout', 'guiteras'],
    })
    expect(marked(parts)).toEqual(['Guiteras', 'blackout'])
  })

  it('opens the first text without marks when nothing matches', () => {
    expect(snippet({ texts: ['', 'Nothing here.'], terms: ['zebra'] })).toEqual([
      { text: 'Nothing here.', isMatch: false },
    ])
    expect(snippet({ texts: [], terms: ['zebra'] })).toEqual([])
  })
})
