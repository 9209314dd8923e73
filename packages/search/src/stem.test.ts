import { describe, expect, it } from 'vitest'

import { stem } from './stem'

describe('stem', () => {
  it('gives inflected forms of one word the same stem', () => {
    const same = (...forms: string[]) =>
      expect(new Set(forms.map((word) => stem({ word }))).size).toBe(1)
    same('defects', 'defection', 'defected', 'defecting', 'defect')
    same('blackout', 'blackouts')
    same('studies', 'study')
  })

  it('keeps short words and words without a known suffix', () => {
    expect(stem({ word: 'cuba' })).toBe('cuba')
    expect(stem({ word: 'red' })).toBe('red')
    expect(stem({ word: 'guiteras' })).toBe('guitera')
    expect(stem({ word: 'nunez' })).toBe('nunez')
  })
})
