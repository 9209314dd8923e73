import { describe, expect, it } from 'vitest'

import { SLUG_MAX_LENGTH, slugify, validateSlug } from './slug.ts'

describe('slugify', () => {
  it.each([
    [
      'North Korean Diplomat Assigned to Cuba Defects to South Korea',
      'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea',
    ],
    [
      "What was Ri Il-gyu's role at the North Korean Embassy in Havana?",
      'what-was-ri-il-gyus-role-at-the-north-korean-embassy-in-havana',
    ],
    ['  Café — déjà vu!  ', 'cafe-deja-vu'],
    ['Kim Jong-un’s "two-state policy"', 'kim-jong-uns-two-state-policy'],
    ['2,700 defectors', '2-700-defectors'],
  ])('%s → %s', (text, slug) => {
    expect(slugify({ text })).toBe(slug)
    expect(validateSlug({ slug: slugify({ text }) })).toBe(true)
  })

  it('never ends a long slug with a hyphen', () => {
    const slug = slugify({ text: `${'a'.repeat(SLUG_MAX_LENGTH - 1)} b` })
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    expect(slug.endsWith('-')).toBe(false)
  })
})

describe('validateSlug', () => {
  it.each(['Hello-World', 'hello world', 'hello--world', '-hello', 'hello-', 'héllo', 'a/b'])(
    'refuses %j with a reason',
    (slug) => {
      expect(validateSlug({ slug })).toMatch(/kebab-case/)
    },
  )

  it('requires a value and bounds the length', () => {
    expect(validateSlug({ slug: '' })).toMatch(/required/)
    expect(validateSlug({ slug: 'a'.repeat(SLUG_MAX_LENGTH + 1) })).toMatch(/at most/)
  })
})
