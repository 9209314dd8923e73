import { describe, expect, it } from 'vitest'

import { describeIssue, describeValue } from './describeIssue'

describe('describeIssue', () => {
  it('names a missing or empty value as required', () => {
    expect(describeIssue({ code: 'invalid_type', expected: 'string', input: undefined })).toBe(
      'is required',
    )
    expect(describeIssue({ code: 'invalid_type', expected: 'string', input: null })).toBe(
      'is required',
    )
  })

  it('says what was expected and what was written, without library wording', () => {
    const message = describeIssue({ code: 'invalid_type', expected: 'array', input: 'Cuba' })
    expect(message).toBe('must be a list (one "- item" per line), not text ("Cuba")')
    expect(message).not.toMatch(/Invalid input|expected|received/)
  })

  it('counts characters and items', () => {
    expect(describeIssue({ code: 'too_big', origin: 'string', maximum: 120 })).toBe(
      'must have at most 120 characters',
    )
    expect(describeIssue({ code: 'too_small', origin: 'array', minimum: 1 })).toBe(
      'must list at least one item',
    )
  })

  it('names emails and URLs', () => {
    expect(describeIssue({ code: 'invalid_format', format: 'email' })).toBe(
      'must be an email address',
    )
    expect(describeIssue({ code: 'invalid_format', format: 'url' })).toBe('must be an http(s) URL')
  })
})

describe('describeValue', () => {
  it('describes YAML values in words', () => {
    expect(describeValue(3)).toBe('a number (3)')
    expect(describeValue(['a'])).toBe('a list')
    expect(describeValue('  ')).toBe('empty text')
    expect(describeValue({ a: 1 })).toBe('a group of fields')
  })
})
