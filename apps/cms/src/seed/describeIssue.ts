import type { z } from 'zod'

type Issue = z.core.$ZodIssue

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list (one "- item" per line)',
  object: 'a group of fields (indented "name: value" lines)',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date',
}

/** What a YAML value is, in the words a writer uses for it. */
export const describeValue = (value: unknown): string => {
  if (value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return 'a date'
  switch (typeof value) {
    case 'string':
      return value.trim() === ''
        ? 'empty text'
        : `text ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`
    case 'number':
      return `a number (${value})`
    case 'boolean':
      return `${value}`
    case 'object':
      return 'a group of fields'
    default:
      return typeof value
  }
}

const unit = (origin: unknown) =>
  origin === 'array' ? 'item' : origin === 'string' ? 'character' : ''

const count = (n: number | bigint, origin: unknown) => {
  const word = unit(origin)
  return word ? `${n} ${word}${n === 1 ? '' : 's'}` : String(n)
}

/**
 * One sentence, in the project's words, for a problem the content schema found. Used as zod's
 * error map, so messages written on the schema itself win.
 *
 * @example
 * describeIssue({ code: 'invalid_type', expected: 'array', input: 'Cuba', path: [], message: '' })
 * // 'must be a list (one "- item" per line), not text ("Cuba")'
 */
export const describeIssue = (issue: Pick<Issue, 'code'> & Record<string, unknown>): string => {
  const input = issue.input
  switch (issue.code) {
    case 'invalid_type': {
      if (input == null) return 'is required'
      const expected = TYPE_WORDS[String(issue.expected)] ?? String(issue.expected)
      return `must be ${expected}, not ${describeValue(input)}`
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty'
      if (issue.origin === 'array' && Number(issue.minimum) === 1)
        return 'must list at least one item'
      return `must have at least ${count(issue.minimum as number, issue.origin)}`
    }
    case 'too_big':
      return `must have at most ${count(issue.maximum as number, issue.origin)}`
    case 'invalid_format':
      if (issue.format === 'email') return 'must be an email address'
      if (issue.format === 'url') return 'must be an http(s) URL'
      return `is not in the expected form (${String(issue.format)})`
    case 'invalid_value':
      return `must be one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'unrecognized_keys':
      return 'has fields the CMS does not know'
    default:
      return 'is not valid here'
  }
}
