import { slugify } from '@copydesk/workflow/slug'

import type { Random } from './random'
import { seededRandom } from './random'
import {
  ACTORS,
  CONNECTORS,
  FIRST_NAMES,
  LAST_NAMES,
  NOUNS,
  PLACES,
  ROLES,
  SUBJECTS,
  VERBS,
  WORDS,
} from './words'

/**
 * The archive, as pure data: the same options give the same documents (ids, slugs, words and
 * dates) on every run and machine, so measurements and tests can name what they expect.
 */

export const ARCHIVE_TOPICS = 300
export const ARCHIVE_AUTHORS = 800
/** The newest story's date; the oldest is ten years before. */
export const ARCHIVE_END = Date.UTC(2026, 10, 30, 18, 0, 0)
export const ARCHIVE_SPAN_MS = 3652 * 86_400_000

/**
 * Archive documents have ids of their own, one 8-digit prefix per kind then the index, so a run
 * can find (and replace) exactly what an earlier run wrote and nothing else.
 */
export const ARCHIVE_ID_PREFIX = {
  topics: 'a7c10001',
  authors: 'a7c10002',
  faqs: 'a7c10003',
  articles: 'a7c10004',
} as const

export type ArchiveKind = keyof typeof ARCHIVE_ID_PREFIX

/**
 * @example
 * archiveId('articles', 255) // 'a7c1000400000000000000ff'
 */
export const archiveId = (kind: ArchiveKind, index: number): string =>
  `${ARCHIVE_ID_PREFIX[kind]}${index.toString(16).padStart(16, '0')}`

type LexicalNode = { type: string; version: number; [key: string]: unknown }

const textNode = (value: string): LexicalNode => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: value,
  version: 1,
})

const element = (
  type: string,
  children: LexicalNode[],
  extra: Record<string, unknown> = {},
): LexicalNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

const paragraphNode = (value: string) =>
  element('paragraph', [textNode(value)], { textFormat: 0, textStyle: '' })

/** A Lexical document, as Payload stores rich text. */
export type RichText = { root: LexicalNode }

const rootOf = (children: LexicalNode[]): RichText => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Filler words: the general vocabulary of news copy, without the nouns headlines are built from,
 * so a headline's words (its place, its actor, its subject) appear in the stories about them
 * rather than in every story of the archive. That keeps searches as selective as a real
 * archive's: a search for a place finds that place's stories.
 */
const FILLER: readonly string[] = WORDS.filter(
  (word) => !(NOUNS as readonly string[]).includes(word),
)

/** What a story is about: its words come back in its dek, body and Key Questions. */
type Subject = readonly string[]

const sentence = (random: Random, words: number, about: Subject): string => {
  const parts: string[] = []
  for (let i = 0; i < words; i += 1) {
    if (i > 3 && i < words - 2 && random.next() < 0.08) parts.push(random.pick(CONNECTORS))
    else if (random.next() < 0.06) parts.push(random.pick(about))
    else if (random.next() < 0.005) parts.push(random.pick(PLACES))
    else parts.push(random.pick(FILLER))
  }
  return `${capitalise(parts.join(' '))}.`
}

const paragraphText = (random: Random, words: number, about: Subject): string => {
  const sentences: string[] = []
  let left = words
  while (left > 0) {
    const length = Math.min(left, random.int(8, 22))
    sentences.push(sentence(random, length, about))
    left -= length
  }
  return sentences.join(' ')
}

/** A story body of `words` words: paragraphs under subheadings, with a list now and then. */
export const storyBody = (random: Random, words: number, about: Subject): RichText => {
  const children: LexicalNode[] = []
  let left = words
  let sinceHeading = 0
  while (left > 0) {
    if (sinceHeading >= 3 && random.next() < 0.5) {
      children.push(
        element('heading', [textNode(capitalise(sentence(random, 5, about).slice(0, -1)))], {
          tag: 'h2',
        }),
      )
      sinceHeading = 0
    }
    if (children.length > 2 && random.next() < 0.15) {
      const items = Array.from({ length: random.int(3, 5) }, () =>
        sentence(random, random.int(4, 9), about),
      )
      children.push(
        element(
          'list',
          items.map((item, i) => element('listitem', [textNode(item)], { value: i + 1 })),
          { listType: 'bullet', start: 1, tag: 'ul' },
        ),
      )
      left -= items.join(' ').split(' ').length
    }
    const length = Math.min(left, random.int(50, 110))
    children.push(paragraphNode(paragraphText(random, length, about)))
    left -= length
    sinceHeading += 1
  }
  return rootOf(children)
}

export type ArchiveTopic = { id: string; name: string; slug: string; description: string }

/** The 300 topics: the subjects, then subjects in places. */
export const archiveTopics = (): ArchiveTopic[] => {
  const names: string[] = [...SUBJECTS]
  const random = seededRandom(300)
  const seen = new Set(names)
  while (names.length < ARCHIVE_TOPICS) {
    const name = `${random.pick(SUBJECTS)} in ${random.pick(PLACES)}`
    if (!seen.has(name)) {
      seen.add(name)
      names.push(name)
    }
  }
  return names.map((name, index) => ({
    id: archiveId('topics', index),
    name,
    slug: slugify({ text: name }),
    description: `Our reporting on ${name.toLowerCase()}.`,
  }))
}

export type ArchiveAuthor = { id: string; name: string; slug: string; role: string }

/** The 800 authors, each name once. */
export const archiveAuthors = (): ArchiveAuthor[] => {
  const random = seededRandom(800)
  const seen = new Set<string>()
  const authors: ArchiveAuthor[] = []
  while (authors.length < ARCHIVE_AUTHORS) {
    const base = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`
    const name = seen.has(base) ? `${base} ${random.pick(LAST_NAMES)}` : base
    if (seen.has(name)) continue
    seen.add(name)
    const index = authors.length
    authors.push({
      id: archiveId('authors', index),
      name,
      slug: slugify({ text: name }),
      role: random.pick(ROLES),
    })
  }
  return authors
}

export type ArchiveFaq = { id: string; question: string; slug: string; answer: RichText }

export type ArchiveStory = {
  id: string
  index: number
  title: string
  slug: string
  dek: string
  publishedAt: Date
  authorIds: string[]
  topicIds: string[]
  body: RichText
  faqs: ArchiveFaq[]
  faqsHeading: string | null
}

/**
 * An index skewed towards the start of the list, as a newsroom files most stories under a few
 * big topics and a few prolific bylines: about 6% of picks land on the first item.
 */
const skewed = (random: Random, size: number): number =>
  Math.min(size - 1, Math.floor(size * random.next() ** 2))

const distinct = (random: Random, count: number, size: number): number[] => {
  const picked = new Set<number>()
  while (picked.size < count) picked.add(skewed(random, size))
  return [...picked]
}

/** Every ninth story has Key Questions: two to four FAQs of its own. */
const hasKeyQuestions = (index: number) => index % 9 === 4

/**
 * Story `index` of an archive of `total`: published over ten years (index 0 the oldest, one
 * distinct millisecond each), 1–3 authors, 1–4 topics, 400–1,500 words.
 *
 * @example
 * archiveStory({ index: 0, total: 1000 }).slug // always the same slug
 */
export const archiveStory = ({ index, total }: { index: number; total: number }): ArchiveStory => {
  const random = seededRandom(0x9e3779b9 ^ index)
  const place = random.pick(PLACES)
  const [actor, noun] = [random.pick(ACTORS), random.pick(NOUNS)]
  const about: Subject = [place, actor, noun]
  const title = `${place} ${actor} ${random.pick(VERBS)} ${noun}`
  const step = ARCHIVE_SPAN_MS / Math.max(total, 1)
  const publishedAt = new Date(
    ARCHIVE_END -
      ARCHIVE_SPAN_MS +
      Math.floor(index * step) +
      Math.floor(random.next() * step * 0.5),
  )
  const faqs: ArchiveFaq[] = hasKeyQuestions(index)
    ? Array.from({ length: random.int(2, 4) }, (_, n) => {
        const question = `What does the ${noun} mean for ${place} ${random.pick(FILLER)}?`
        return {
          id: archiveId('faqs', index * 4 + n),
          question,
          slug: `${slugify({ text: question })}-${index}-${n}`,
          answer: rootOf([paragraphNode(paragraphText(random, random.int(30, 70), about))]),
        }
      })
    : []
  return {
    id: archiveId('articles', index),
    index,
    title: capitalise(title),
    slug: `${slugify({ text: title })}-${index}`,
    dek: sentence(random, random.int(14, 26), about),
    publishedAt,
    authorIds: distinct(random, random.int(1, 3), ARCHIVE_AUTHORS).map((n) =>
      archiveId('authors', n),
    ),
    topicIds: distinct(random, random.int(1, 4), ARCHIVE_TOPICS).map((n) => archiveId('topics', n)),
    body: storyBody(random, random.int(400, 1500), about),
    faqs,
    faqsHeading: faqs.length > 0 ? 'Key Questions' : null,
  }
}
