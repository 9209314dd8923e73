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
