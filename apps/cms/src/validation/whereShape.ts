import type { FlattenedField, Where } from 'payload'

import type { FieldError } from './databaseErrors'
import { describeValue } from './inputShape'

type FieldLike = {
  type: string
  name: string
  relationTo?: string | string[]
  flattenedFields?: FlattenedField[]
}

/** What a `where` path leads to: a field of this collection, or nothing we can judge. */
type Target = { kind: 'id'; relationTo: string } | { kind: 'point' } | { kind: 'other' }

const ID_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'contains'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Follows a dotted path (`hero.image`) through groups, named tabs and arrays. */
const resolve = (
  fields: FlattenedField[],
  path: string,
  collection: string,
): Target | undefined => {
  if (path === 'id') return { kind: 'id', relationTo: collection }
  let level: FlattenedField[] | undefined = fields
  // Array rows are addressed by index (`links.0.url`) as well as directly (`links.url`).
  const segments = path.split('.').filter((segment) => !/^\d+$/.test(segment))
  for (const [i, segment] of segments.entries()) {
    const field = level?.find((each) => 'name' in each && each.name === segment) as
      FieldLike | undefined
    if (!field) return undefined
    const isLast = i === segments.length - 1
    if (field.type === 'relationship' || field.type === 'upload') {
      // Paths through a relationship (`authors.name`) query the related collection: not judged here.
      if (!isLast || typeof field.relationTo !== 'string') return undefined
      return { kind: 'id', relationTo: field.relationTo }
    }
    if (field.type === 'point') return isLast ? { kind: 'point' } : undefined
    if (isLast) return { kind: 'other' }
    level = field.flattenedFields
  }
  return undefined
}

const isEmpty = (value: unknown) =>
  value === '' || value === 'null' || value === null || value === undefined

/**
 * The conditions in a `where` that Payload's MongoDB adapter would silently drop or fail on:
 * an id that is not an id (the condition vanishes, so it matches every document, which turns a
 * bulk update or delete with a typo into one over the whole collection), a geo operator on a
 * field that is not a point (a 500), and an object where a value belongs. Unknown paths and
 * operators are left to Payload, which answers 400 naming them.
 *
 * @example
 * whereProblems({ where: { authors: { equals: 'zzz' } }, fields, collection: 'articles', isValidId })
 * // → [{ path: 'where[authors][equals]', message: '“zzz” is not a valid id.' }]
 */
export const whereProblems = ({
  where,
  fields,
  collection,
  isValidId,
  allowEmpty = true,
  path = 'where',
}: {
  where: unknown
  fields: FlattenedField[]
  collection: string
  /** Whether `value` has the form of an id of `relationTo`. */
  isValidId: (args: { relationTo: string; value: string }) => boolean
  /** Reads may leave an id condition empty; bulk writes may not. */
  allowEmpty?: boolean
  path?: string
}): FieldError[] => {
  const problems: FieldError[] = []
  if (where === undefined || where === null) return problems
  if (!isRecord(where))
    return [{ path, message: `Expected conditions (an object), got ${describeValue(where)}.` }]
  for (const [key, condition] of Object.entries(where as Where)) {
    const keyPath = `${path}[${key}]`
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(condition)) {
        problems.push({ path: keyPath, message: `“${key}” takes a list of conditions.` })
        continue
      }
      condition.forEach((nested, i) =>
        problems.push(
          ...whereProblems({
            where: nested,
            fields,
            collection,
            isValidId,
            allowEmpty,
            path: `${keyPath}[${i}]`,
          }),
        ),
      )
      continue
    }
    if (!isRecord(condition)) continue // Payload names the path itself.
    const target = resolve(fields, key, collection)
    if (!target) continue
    for (const [operator, value] of Object.entries(condition)) {
      const operatorPath = `${keyPath}[${operator}]`
      if (GEO_OPERATORS.has(operator)) {
        if (target.kind !== 'point')
          problems.push({
            path: operatorPath,
            message: `“${operator}” applies only to point (location) fields.`,
          })
        continue
      }
      if (operator === 'exists') {
        if (![true, false, 'true', 'false'].includes(value as never))
          problems.push({ path: operatorPath, message: '“exists” takes true or false.' })
        continue
      }
      if (isRecord(value)) {
        problems.push({
          path: operatorPath,
          message: `Expected a value, got ${describeValue(value)}.`,
        })
        continue
      }
      if (target.kind !== 'id' || !ID_OPERATORS.has(operator)) continue
      const values = LIST_OPERATORS.has(operator)
        ? Array.isArray(value)
          ? value
          : String(value ?? '').split(',')
        : [value]
      values.forEach((item, i) => {
        const itemPath = Array.isArray(value) ? `${operatorPath}[${i}]` : operatorPath
        if (isEmpty(item)) {
          if (!allowEmpty)
            problems.push({
              path: itemPath,
              message: 'An empty id here would match every document.',
            })
          return
        }
        if (
          typeof item === 'object' ||
          !isValidId({ relationTo: target.relationTo, value: String(item) })
        )
          problems.push({
            path: itemPath,
            message: `“${String(item).slice(0, 40)}” is not a valid id.`,
          })
      })
    }
  }
  return problems
}
