import { describe, expect, it } from 'vitest'

import { archiveStory } from './generate'
import { PLACES } from './words'

const bodyText = (index: number) => JSON.stringify(archiveStory({ index, total: 1000 }).body)

describe('archiveStory', () => {
  it('gives the same story for the same index', () => {
    expect(archiveStory({ index: 42, total: 1000 })).toEqual(
      archiveStory({ index: 42, total: 1000 }),
    )
  })

  it('writes about its headline: the place of the headline comes back in the body', () => {
    for (let index = 0; index < 50; index += 1) {
      const story = archiveStory({ index, total: 1000 })
      const place = PLACES.find((p) => story.title.startsWith(p))
      expect(place).toBeDefined()
      expect(bodyText(index)).toContain(place)
    }
  })

  it('keeps a place to the stories about it, as a real archive does, so searches stay selective', () => {
    const bodies = Array.from({ length: 300 }, (_, index) => bodyText(index))
    const shares = PLACES.map(
      (place) => bodies.filter((b) => b.includes(place)).length / bodies.length,
    )
    // Stories name their own place and, now and then, another one: no place is in most stories.
    expect(Math.max(...shares)).toBeLessThan(0.35)
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeLessThan(0.2)
  })
})
