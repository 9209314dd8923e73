/**
 * Rich text reduced to what the Markdown says. Payload's Markdown converter gives every link node
 * a fresh random `id` (an ObjectId string), and the stored tree keeps the one it was saved with, so
 * two conversions of the same file never compare equal. Node ids carry no content: dropping them
 * (and `undefined`s, which JSON never stores) leaves what a reader sees.
 *
 * @example
 * withoutNodeIds({ root: { type: 'root', children: [{ type: 'link', id: '65f…', fields: {} }] } })
 * // { root: { type: 'root', children: [{ type: 'link', fields: {} }] } }
 */
export const withoutNodeIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNodeIds)
  if (!value || typeof value !== 'object') return value
  const isNode = 'type' in value && 'version' in value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, entry]) => entry !== undefined && !(isNode && key === 'id'))
      .map(([key, entry]) => [key, withoutNodeIds(entry)]),
  )
}

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)

/**
 * Leaves out fields that hold nothing. A document made in the admin lacks the fields nobody
 * filled in (no `dek`, an empty `source` group), where the import sends `null`: both mean "not
 * set", and must not count as a change.
 *
 * @example
 * withoutEmptyFields({ dek: null, source: { name: null }, topics: [], title: 'T' }) // { title: 'T' }
 */
export const withoutEmptyFields = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutEmptyFields)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, entry]) => [key, withoutEmptyFields(entry)] as const)
      .filter(([, entry]) => !isEmpty(entry)),
  )
}

/**
 * A document as the import compares it: JSON as stored, without generated node ids and without
 * empty fields.
 */
export const comparable = (value: unknown): unknown =>
  withoutEmptyFields(withoutNodeIds(JSON.parse(JSON.stringify(value ?? null))))
