import { describe, expect, it } from 'vitest'

import { REDIRECT_PATH_MAX_LENGTH, redirectMoves, validateRedirectFrom } from './redirects.ts'

describe('redirectMoves', () => {
  it('sends the old slug of a published story to the story, and frees the new one', () => {
    expect(redirectMoves({ previousSlug: 'old', slug: 'new' })).toEqual({
      redirectFrom: 'old',
      clear: 'new',
    })
  })

  it('frees the slug of a first publish and redirects nothing', () => {
    expect(redirectMoves({ previousSlug: null, slug: 'fresh' })).toEqual({
      redirectFrom: null,
      clear: 'fresh',
    })
  })

  it('frees the slug again when a story changes back to an earlier one', () => {
    // A → B made A redirect; B → A must let A be the story's own address again.
    expect(redirectMoves({ previousSlug: 'b', slug: 'a' })).toEqual({
      redirectFrom: 'b',
      clear: 'a',
    })
  })

  it('moves nothing on a republish under the same slug', () => {
    expect(redirectMoves({ previousSlug: 'same', slug: 'same' })).toEqual({
      redirectFrom: null,
      clear: 'same',
    })
  })

  it('moves nothing when the story is not published after the save (a draft, an unpublish)', () => {
    expect(redirectMoves({ previousSlug: 'live', slug: null })).toEqual({
      redirectFrom: null,
      clear: null,
    })
    expect(redirectMoves({ previousSlug: null, slug: undefined })).toEqual({
      redirectFrom: null,
      clear: null,
    })
  })
})

describe('validateRedirectFrom', () => {
  it.each(['/articles/old-slug', '/articles/2024-talks'])('accepts %s', (from) => {
    expect(validateRedirectFrom({ from })).toBe(true)
  })

  it.each([
    ['', 'Enter the old address'],
    [42, 'Enter the old address'],
    ['articles/old', 'an article address'],
    ['/', 'an article address'],
    ['/authors/someone', 'an article address'],
    ['//evil.example/articles/x', 'an article address'],
    ['https://example.com/articles/x', 'an article address'],
    ['/articles/old?x=1', 'an article address'],
    ['/articles/a b', 'an article address'],
    ['/articles/a/b', 'an article address'],
    [`/${'a'.repeat(REDIRECT_PATH_MAX_LENGTH)}`, 'at most'],
  ])('refuses %j', (from, sentence) => {
    expect(validateRedirectFrom({ from })).toContain(sentence)
  })
})
