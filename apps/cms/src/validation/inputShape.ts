import type { Field } from 'payload'

/** One invalid value: where it is (Payload's dotted path) and a sentence saying what is wrong. */
export type InputProblem = { path: string; message: string; label?: string }

/** An id a relationship or upload field points at; whether it exists is asked of the database. */
export type RelationReference = {
  path: string
  relationTo: string
  id: string | number
  label?: string
}

export type InputCheck = { problems: InputProblem[]; references: RelationReference[] }

type CheckOptions = {
  /** The collection's fields as Payload sanitized them (including timestamps and `_status`). */
  fields: Field[]
  /** The write's data, exactly as the client sent it. */
  data: unknown
  /** Strings longer than this are refused everywhere (Payload's `defaultMaxTextLength`). */
  maxTextLength?: number
  /** Deeper nesting than this is refused (it only ever comes from a hostile client). */
  maxDepth?: number
  /** Auth collections take a `password` that is not a field. */
  isAuth?: boolean
}

type Context = {
  problems: InputProblem[]
  references: RelationReference[]
  maxTextLength: number
  maxDepth: number
}

type FieldLike = {
  type: string
  name?: string
  label?: unknown
  hasMany?: boolean
  relationTo?: string | string[]
  options?: unknown[]
  fields?: Field[]
  tabs?: { name?: string; label?: unknown; fields: Field[] }[]
  blocks?: { slug: string; fields: Field[] }[]
}

/** Keys that are not fields but have a type: row ids, block names, an auth password. */
type ExtraKeys = Record<string, { accepts: (value: unknown) => boolean; expected: string }>

const DEFAULT_MAX_TEXT = 40_000
const DEFAULT_MAX_DEPTH = 48
// Payload reads these as "no relation" (the admin's empty select sends them).
const EMPTY_RELATION = new Set(['', 'none', 'null'])
// Lexical keeps per-node state under a key named exactly `$`.
const LEXICAL_STATE_KEY = '$'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** How a value reads in a message: "an object", "a list", "a number"… */
export const describeValue = (value: unknown): string => {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return 'a date'
  switch (typeof value) {
    case 'string':
      return 'text'
    case 'number':
      return 'a number'
    case 'boolean':
      return 'true/false'
    case 'object':
      return 'an object'
    default:
      return typeof value
  }
}

const join = (base: string, key: string | number) => (base ? `${base}.${key}` : String(key))

const labelOf = (field: FieldLike): string | undefined =>
  typeof field.label === 'string' ? field.label : field.name

const report = (ctx: Context, path: string, message: string, field?: FieldLike) => {
  const label = field ? labelOf(field) : undefined
  ctx.problems.push({ path, message, ...(label ? { label } : {}) })
}

/**
 * Values nobody's form produces: keys starting with `$` (query operators smuggled into a
 * document) and absurd nesting. Walks anything, including data no field describes.
 */
const scanUntyped = (
  ctx: Context,
  value: unknown,
  path: string,
  depth: number,
  allowStateKey = false,
) => {
  if (typeof value === 'string') {
    if (value.length > ctx.maxTextLength)
      report(
        ctx,
        path,
        `Text here is limited to ${ctx.maxTextLength.toLocaleString('en')} characters.`,
      )
    return
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return
  if (depth > ctx.maxDepth) {
    report(ctx, path, `This value is nested more than ${ctx.maxDepth} levels deep.`)
    return
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => scanUntyped(ctx, item, join(path, i), depth + 1, allowStateKey))
    return
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = join(path, key)
    if (key.startsWith('$') && !(allowStateKey && key === LEXICAL_STATE_KEY)) {
      report(ctx, childPath, 'Keys starting with “$” are not allowed in a document.')
      continue
    }
    scanUntyped(ctx, child, childPath, depth + 1, allowStateKey)
  }
}

const optionValues = (field: FieldLike): string[] =>
  (field.options ?? []).map((option) => (isRecord(option) ? String(option.value) : String(option)))

const isValidDate = (value: unknown): boolean => {
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  // ISO-like only: `Date.parse` also reads "5" or "March" as dates.
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}/.test(value) &&
    !Number.isNaN(Date.parse(value))
  )
}

const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

const isId = (value: unknown): value is string | number =>
  (typeof value === 'string' && value.length > 0) ||
  (typeof value === 'number' && Number.isFinite(value))

/** A scalar (or a list of scalars for `hasMany`), each accepted by `isValid`. */
const checkScalar = (
  ctx: Context,
  field: FieldLike,
  value: unknown,
  path: string,
  expected: string,
  isValid: (item: unknown) => boolean,
) => {
  const check = (item: unknown, itemPath: string) => {
    if (item === null && field.hasMany)
      return report(ctx, itemPath, `Expected ${expected}, got null.`, field)
    if (isValid(item)) {
      if (typeof item === 'string' && item.length > ctx.maxTextLength)
        report(
          ctx,
          itemPath,
          `Text here is limited to ${ctx.maxTextLength.toLocaleString('en')} characters.`,
          field,
        )
      return
    }
    report(
      ctx,
      itemPath,
      typeof item === 'object' && item !== null
        ? `Expected ${expected}, got ${describeValue(item)}.`
        : `Expected ${expected}, got ${describeValue(item)}${typeof item === 'string' ? ` (“${item.slice(0, 40)}”)` : ''}.`,
      field,
    )
  }
  if (field.hasMany) {
    if (!Array.isArray(value))
      return report(
        ctx,
        path,
        `Expected a list of ${expected}, got ${describeValue(value)}.`,
        field,
      )
    value.forEach((item, i) => check(item, join(path, i)))
    return
  }
  check(value, path)
}

const checkRelation = (ctx: Context, field: FieldLike, value: unknown, path: string) => {
  const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo ?? '']
  const isPolymorphic = Array.isArray(field.relationTo)
  const what = field.type === 'upload' ? 'an uploaded file' : 'a document'
  const one = (item: unknown, itemPath: string) => {
    if (isPolymorphic) {
      if (!isRecord(item) || typeof item.relationTo !== 'string')
        return report(
          ctx,
          itemPath,
          `Expected { relationTo, value } naming ${what}, got ${describeValue(item)}.`,
          field,
        )
      if (!targets.includes(item.relationTo))
        return report(
          ctx,
          itemPath,
          `“${item.relationTo}” is not one of: ${targets.join(', ')}.`,
          field,
        )
      const id = isRecord(item.value) ? item.value.id : item.value
      if (!isId(id))
        return report(
          ctx,
          join(itemPath, 'value'),
          `Expected the id of ${what}, got ${describeValue(id)}.`,
          field,
        )
      ctx.references.push({
        path: itemPath,
        relationTo: item.relationTo,
        id,
        label: labelOf(field),
      })
      return
    }
    // A populated document stands for its id, as Payload itself reads it.
    const id = isRecord(item) && 'id' in item ? item.id : item
    if (!isId(id))
      return report(ctx, itemPath, `Expected the id of ${what}, got ${describeValue(id)}.`, field)
    ctx.references.push({ path: itemPath, relationTo: targets[0] ?? '', id, label: labelOf(field) })
  }
  if (typeof value === 'string' && EMPTY_RELATION.has(value)) return
  if (field.hasMany) {
    if (!Array.isArray(value))
      return report(ctx, path, `Expected a list of ids, got ${describeValue(value)}.`, field)
    value.forEach((item, i) => one(item, join(path, i)))
    return
  }
  one(value, path)
}

/** Rich text is a Lexical document: `{ root: { type: 'root', children: [nodes] } }`. */
const checkRichText = (
  ctx: Context,
  field: FieldLike,
  value: unknown,
  path: string,
  depth: number,
) => {
  const root = isRecord(value) ? value.root : undefined
  if (!isRecord(root) || root.type !== 'root' || !Array.isArray(root.children))
    return report(
      ctx,
      path,
      `Expected a rich text document ({ "root": { "type": "root", "children": […] } }), got ${describeValue(value)}.`,
      field,
    )
  const badNode = (node: unknown, nodePath: string, level: number): boolean => {
    if (level > ctx.maxDepth) {
      report(ctx, nodePath, `This value is nested more than ${ctx.maxDepth} levels deep.`, field)
      return true
    }
    if (!isRecord(node) || typeof node.type !== 'string') {
      report(
        ctx,
        nodePath,
        `Expected a rich text node with a "type", got ${describeValue(node)}.`,
        field,
      )
      return true
    }
    if (node.children === undefined) return false
    if (!Array.isArray(node.children)) {
      report(
        ctx,
        join(nodePath, 'children'),
        `Expected a list of rich text nodes, got ${describeValue(node.children)}.`,
        field,
      )
      return true
    }
    return node.children.some((child, i) =>
      badNode(child, join(join(nodePath, 'children'), i), level + 1),
    )
  }
  const rootPath = join(path, 'root')
  if (
    root.children.some((child, i) => badNode(child, join(join(rootPath, 'children'), i), depth + 2))
  )
    return
  scanUntyped(ctx, value, path, depth, true)
}

const checkFields = (
  ctx: Context,
  fields: Field[],
  data: Record<string, unknown>,
  path: string,
  depth: number,
  known: Set<string>,
) => {
  for (const raw of fields) {
    const field = raw as unknown as FieldLike
    switch (field.type) {
      case 'row':
      case 'collapsible':
        checkFields(ctx, field.fields ?? [], data, path, depth, known)
        continue
      case 'tabs':
        for (const tab of field.tabs ?? []) {
          if (tab.name) {
            known.add(tab.name)
            checkGroup(
              ctx,
              { type: 'group', name: tab.name, label: tab.label, fields: tab.fields },
              data[tab.name],
              join(path, tab.name),
              depth,
            )
          } else checkFields(ctx, tab.fields, data, path, depth, known)
        }
        continue
      case 'group':
        if (!field.name) {
          checkFields(ctx, field.fields ?? [], data, path, depth, known)
          continue
        }
        break
      case 'ui':
        continue
      default:
        if (!field.name) continue
    }
    const name = field.name as string
    known.add(name)
    const value = data[name]
    if (value === undefined || value === null) continue
    checkValue(ctx, field, value, join(path, name), depth + 1)
  }
}

const checkGroup = (
  ctx: Context,
  field: FieldLike,
  value: unknown,
  path: string,
  depth: number,
) => {
  if (value === undefined || value === null) return
  if (!isRecord(value))
    return report(
      ctx,
      path,
      `Expected a group of fields (an object), got ${describeValue(value)}.`,
      field,
    )
  checkObject(ctx, field.fields ?? [], value, path, depth + 1)
}

/** The fields of one object level, then whatever else it carries. */
const checkObject = (
  ctx: Context,
  fields: Field[],
  value: Record<string, unknown>,
  path: string,
  depth: number,
  extraKeys: ExtraKeys = {},
) => {
  if (depth > ctx.maxDepth)
    return report(ctx, path, `This value is nested more than ${ctx.maxDepth} levels deep.`)
  const known = new Set<string>()
  checkFields(ctx, fields, value, path, depth, known)
  for (const [key, child] of Object.entries(value)) {
    if (known.has(key)) continue
    const childPath = join(path, key)
    if (key.startsWith('$')) {
      report(ctx, childPath, 'Keys starting with “$” are not allowed in a document.')
      continue
    }
    const extra = extraKeys[key]
    if (extra && child !== undefined && child !== null && !extra.accepts(child)) {
      report(ctx, childPath, `Expected ${extra.expected}, got ${describeValue(child)}.`)
      continue
    }
    scanUntyped(ctx, child, childPath, depth + 1)
  }
}

const isText = (value: unknown): boolean => typeof value === 'string'

const ROW_KEYS: ExtraKeys = {
  id: { accepts: isId, expected: 'an id' },
  blockName: { accepts: isText, expected: 'text' },
}

function checkValue(ctx: Context, field: FieldLike, value: unknown, path: string, depth: number) {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return checkScalar(ctx, field, value, path, 'text', (v) => typeof v === 'string')
    // Form encodings Payload itself reads: '' clears a number or a date, 'true'/'false' are booleans.
    case 'number':
      return checkScalar(ctx, field, value, path, 'a number', (v) => v === '' || isNumeric(v))
    case 'checkbox':
      return checkScalar(ctx, field, value, path, 'true or false', (v) =>
        [true, false, 'true', 'false', ''].includes(v as never),
      )
    case 'date':
      return checkScalar(
        ctx,
        field,
        value,
        path,
        'a date (e.g. 2026-05-01T09:00:00.000Z)',
        (v) => v === '' || isValidDate(v),
      )
    case 'select':
    case 'radio': {
      const options = optionValues(field)
      return checkScalar(
        ctx,
        field,
        value,
        path,
        `one of: ${options.join(', ')}`,
        (v) => typeof v === 'string' && options.includes(v),
      )
    }
    case 'point':
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isNumeric))
        report(ctx, path, `Expected [longitude, latitude], got ${describeValue(value)}.`, field)
      return
    case 'relationship':
    case 'upload':
      return checkRelation(ctx, field, value, path)
    case 'richText':
      return checkRichText(ctx, field, value, path, depth)
    case 'group':
      return checkGroup(ctx, field, value, path, depth)
    case 'array':
      if (value === 0 || value === '0') return // Payload reads it as "no rows".
      if (!Array.isArray(value))
        return report(ctx, path, `Expected a list of rows, got ${describeValue(value)}.`, field)
      value.forEach((row, i) => {
        const rowPath = join(path, i)
        if (!isRecord(row))
          return report(
            ctx,
            rowPath,
            `Expected a row (an object), got ${describeValue(row)}.`,
            field,
          )
        checkObject(ctx, field.fields ?? [], row, rowPath, depth + 1, ROW_KEYS)
      })
      return
    case 'blocks':
      if (value === 0 || value === '0') return
      if (!Array.isArray(value))
        return report(ctx, path, `Expected a list of blocks, got ${describeValue(value)}.`, field)
      value.forEach((row, i) => {
        const rowPath = join(path, i)
        const block = isRecord(row)
          ? field.blocks?.find((b) => b.slug === row.blockType)
          : undefined
        if (!isRecord(row))
          return report(
            ctx,
            rowPath,
            `Expected a block (an object), got ${describeValue(row)}.`,
            field,
          )
        if (!block)
          return report(
            ctx,
            join(rowPath, 'blockType'),
            `Unknown block type; expected one of: ${(field.blocks ?? []).map((b) => b.slug).join(', ')}.`,
            field,
          )
        checkObject(ctx, block.fields, row, rowPath, depth + 1, {
          ...ROW_KEYS,
          blockType: { accepts: isText, expected: 'text' },
        })
      })
      return
    default:
      // json, join and anything newer: no shape to check beyond the generic one.
      scanUntyped(ctx, value, path, depth)
  }
}

/**
 * Checks a write's data against the collection's fields before Payload touches it: the JSON type
 * of every value (text where text belongs, lists where lists belong), dates, select options, the
 * shape of rich text and relationship values, and no `$` keys or absurd nesting anywhere. Returns
 * every problem at once, with Payload's field paths, and the ids relationships point at (whether
 * those exist is the caller's question for the database).
 *
 * @example
 * checkInput({ fields: collection.fields, data: { title: { $gt: '' } } }).problems
 * // → [{ path: 'title', label: 'Headline', message: 'Expected text, got an object.' }]
 */
export const checkInput = ({
  fields,
  data,
  maxTextLength = DEFAULT_MAX_TEXT,
  maxDepth = DEFAULT_MAX_DEPTH,
  isAuth = false,
}: CheckOptions): InputCheck => {
  const ctx: Context = { problems: [], references: [], maxTextLength, maxDepth }
  if (data === undefined || data === null) return ctx
  if (!isRecord(data)) {
    report(ctx, 'data', `The document must be a JSON object, not ${describeValue(data)}.`)
    return ctx
  }
  const extra: ExtraKeys = { id: { accepts: isId, expected: 'an id' } }
  if (isAuth) extra.password = { accepts: isText, expected: 'text' }
  checkObject(ctx, fields, data, '', 0, extra)
  return { problems: ctx.problems, references: ctx.references }
}
