import type { FieldError } from './databaseErrors'

/** Parameters that take one value of a fixed form. */
const SCALAR_PARAMS = ['depth', 'limit', 'page', 'sort', 'draft', 'pagination'] as const

// Large enough for any real page, small enough that (page - 1) × limit stays a safe integer.
const MAX_COUNT = 1_000_000_000

const WHOLE = /^\d{1,10}$/
const SORT_ITEM = /^-?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/

/** `where[title][equals]` → ['where', 'title', 'equals'] (qs's bracket syntax, also `a.b`). */
const segmentsOf = (key: string): string[] => {
  const [head = '', ...rest] = key.split('[')
  return [head, ...rest.map((part) => part.replace(/\]$/, ''))]
}

const wholeNumber = ({
  name,
  value,
  min,
}: {
  name: string
  value: string
  min: number
}): FieldError | undefined => {
  if (!WHOLE.test(value) || Number(value) < min || Number(value) > MAX_COUNT)
    return {
      path: name,
      message: `“${name}” must be a whole number from ${min} to ${MAX_COUNT.toLocaleString('en')}, not “${value.slice(0, 40)}”.`,
    }
  return undefined
}

/**
 * What is wrong with a request's query string: `$` operators anywhere (in `where` or elsewhere),
 * and `depth`, `limit`, `page`, `sort`, `draft` or `pagination` values Payload would silently
 * ignore or choke on. `isSortable` says whether a field path exists to sort by.
 *
 * @example
 * queryProblems({ params: new URLSearchParams('limit=abc') })
 * // → [{ path: 'limit', message: '“limit” must be a whole number from 0 to 1,000,000,000, not “abc”.' }]
 */
export const queryProblems = ({
  params,
  isSortable = () => true,
}: {
  params: URLSearchParams
  isSortable?: (path: string) => boolean
}): FieldError[] => {
  const problems: FieldError[] = []
  const seen = new Set<string>()
  for (const key of params.keys()) {
    if (seen.has(key)) continue
    seen.add(key)
    const segments = segmentsOf(key)
    const name = segments[0] ?? key
    if (segments.some((segment) => segment.startsWith('$'))) {
      problems.push({
        path: key,
        message: `“${key}”: operators starting with “$” are not accepted; use equals, in, like, greater_than…`,
      })
      continue
    }
    if (key === 'where') {
      problems.push({
        path: 'where',
        message: '“where” takes conditions such as where[title][equals]=…, not a single value.',
      })
      continue
    }
    if (!(SCALAR_PARAMS as readonly string[]).includes(name)) continue
    const values = params.getAll(key)
    if (segments.length > 1 || values.length > 1) {
      problems.push({ path: name, message: `“${name}” takes a single value.` })
      continue
    }
    const value = values[0] ?? ''
    let problem: FieldError | undefined
    switch (name) {
      case 'depth':
      case 'limit':
        problem = wholeNumber({ name, value, min: 0 })
        break
      case 'page':
        problem = wholeNumber({ name, value, min: 1 })
        break
      case 'draft':
      case 'pagination':
        if (value !== 'true' && value !== 'false')
          problem = { path: name, message: `“${name}” must be true or false.` }
        break
      case 'sort': {
        const bad = value
          .split(',')
          .map((item) => item.trim())
          .find((item) => !SORT_ITEM.test(item) || !isSortable(item.replace(/^-/, '')))
        if (bad !== undefined)
          problem = {
            path: 'sort',
            message: `“sort” takes field names separated by commas, each optionally after a “-”; “${bad.slice(0, 60)}” is not one.`,
          }
        break
      }
    }
    if (problem) problems.push(problem)
  }
  return problems
}
