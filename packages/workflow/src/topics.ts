import type { MaybeUser } from './roles'
import { isEditor } from './roles'
import { slugify } from './slug'

/** A stored document id: 24 hexadecimal digits (MongoDB's ObjectId). */
const DOCUMENT_ID = /^[0-9a-f]{24}$/i

/** A topic as an article may name it: its id, a populated topic, or a human name. */
export type TopicValue = string | { id: string } | null | undefined

export type TopicReferences = {
  /** Values that already are topic ids, in order. */
  ids: string[]
  /** Names to find (or create) by slug, each once, in order, with the slug each one maps to. */
  names: { name: string; slug: string }[]
}

/**
 * Splits what a client sent as an article's topics into ids and human names, so an import or an
 * API client may say `topics: ['North Korea']` and get the topic whose slug is `north-korea`.
 * Blank names, and names whose slug is empty, are dropped.
 *
 * @example
 * topicReferences({ values: ['6650f0c2a1b2c3d4e5f60718', 'North Korea', 'north korea'] })
 * // { ids: ['6650f0c2a1b2c3d4e5f60718'], names: [{ name: 'North Korea', slug: 'north-korea' }] }
 */
export const topicReferences = ({
  values,
}: {
  values: readonly TopicValue[] | null | undefined
}): TopicReferences => {
  const ids: string[] = []
  const names: { name: string; slug: string }[] = []
  for (const value of values ?? []) {
    if (value && typeof value === 'object') ids.push(value.id)
    else if (typeof value === 'string' && DOCUMENT_ID.test(value)) ids.push(value)
    else if (typeof value === 'string' && value.trim()) {
      const name = value.trim()
      const slug = slugify({ text: name })
      if (slug && !names.some((known) => known.slug === slug)) names.push({ name, slug })
    }
  }
  return { ids, names }
}

/**
 * Puts resolved topics back in the order the client gave them, each id once.
 *
 * @example
 * orderedTopicIds({ values: ['Cuba', 'a'.repeat(24)], idsBySlug: new Map([['cuba', 'c'.repeat(24)]]) })
 * // ['ccc…', 'aaa…']
 */
export const orderedTopicIds = ({
  values,
  idsBySlug,
}: {
  values: readonly TopicValue[] | null | undefined
  idsBySlug: ReadonlyMap<string, string>
}): string[] => {
  const ordered: string[] = []
  for (const value of values ?? []) {
    const { ids, names } = topicReferences({ values: [value] })
    const id = ids[0] ?? (names[0] ? idsBySlug.get(names[0].slug) : undefined)
    if (id && !ordered.includes(id)) ordered.push(id)
  }
  return ordered
}

/**
 * Who may add a topic by naming it on an article: the people who manage topics (editors and
 * admins), and server code acting for nobody (the import, a migration). Writers pick from the
 * topics that exist.
 *
 * @example
 * canCreateTopicByName({ user: { roles: ['writer'] } }) // false
 * canCreateTopicByName({ user: null })                  // true: the system
 */
export const canCreateTopicByName = ({ user }: { user: MaybeUser }): boolean =>
  !user || isEditor({ user })
