/**
 * Article-like documents for the scale benchmark, shaped as Payload's MongoDB adapter stores the
 * CMS's `articles` collection (apps/cms/src/collections/Articles): relationship ids as ObjectIds,
 * `topics` as strings, the body as a Lexical JSON tree, drafts without a `publishedAt`.
 * Deterministic for a given seed, so two runs insert the same data.
 */

const WORDS = (
  'city council budget harbour river school hospital election court police housing transit ' +
  'library museum festival market farmers weather storm flood drought wildfire bridge tunnel ' +
  'railway airport port factory union strike wages rent tenants landlord mayor governor senate ' +
  'report audit inquiry verdict appeal ruling contract tender plan zoning permit license tax ' +
  'levy fund grant deficit surplus pension clinic nurses doctors patients vaccine study data ' +
  'survey census climate energy solar wind grid outage water sewage waste recycling park ' +
  'forest trail coast beach island valley village suburb district neighbourhood street road ' +
  'cycle lane bus tram ferry fare ticket season team coach stadium league final record ' +
  'history archive letter memoir portrait gallery theatre concert opera choir film premiere ' +
  'chef restaurant kitchen bakery harvest vineyard orchard fishery trawler quota license board ' +
  'charter reform vote ballot turnout campaign debate speech protest march rally petition ' +
  'lawsuit settlement fine penalty warning recall inspection safety fire rescue volunteers ' +
  'donors charity shelter food bank winter summer spring autumn morning evening quiet loud ' +
  'new old first last long short rising falling delayed approved rejected hidden open closed'
).split(' ')

/** The word the "regex on title" query looks for; it is in the vocabulary, so some titles have it. */
export const REGEX_WORD = 'Harbour'
/** A word no generated title contains: a regex for it reads every document. */
export const MISSING_WORD = 'Zyzzyva'

export const TOPIC_COUNT = 50
export const AUTHOR_COUNT = 200
/** Years the publication dates span, ending at `end`. */
export const YEARS = 10
const DAY_MS = 86_400_000
const SPAN_MS = YEARS * 365 * DAY_MS

/** A small seeded generator (mulberry32): fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export const topicName = (index: number): string => `topic-${String(index).padStart(2, '0')}`

export type ArticleIds<Id> = {
  /** The author ids articles are attributed to (AUTHOR_COUNT of them). */
  authors: readonly Id[]
  /** The staff users who own articles. */
  users: readonly Id[]
  /** A new id for each article. */
  next: () => Id
}

type LexicalText = {
  type: 'text'
  text: string
  format: number
  detail: number
  mode: 'normal'
  style: string
  version: 1
}

type LexicalParagraph = {
  type: 'paragraph'
  children: LexicalText[]
  direction: 'ltr'
  format: ''
  indent: 0
  textFormat: 0
  version: 1
}

export type ArticleDoc<Id> = {
  _id: Id
  title: string
  slug: string
  dek: string
  hero: { caption: string; credit: string }
  body: {
    root: {
      type: 'root'
      children: LexicalParagraph[]
      direction: 'ltr'
      format: ''
      indent: 0
      version: 1
    }
  }
  meta: { title: string; description: string }
  publishedAt?: Date
  authors: Id[]
  topics: string[]
  workflowState: 'published' | 'draft' | 'in_review'
  owners: Id[]
  createdBy: Id
  _status: 'published' | 'draft'
  createdAt: Date
  updatedAt: Date
  __v: 0
}

/**
 * Builds article number `index` of `count`. Articles are created in date order (as a newsroom
 * writes them), spread evenly over YEARS years up to `end`; 9 in 10 are published.
 *
 * @example
 * const make = articleFactory({ seed: 1, count: 100_000, end: new Date(), ids })
 * const first = make(0)
 */
export function articleFactory<Id>({
  seed,
  count,
  end,
  ids,
}: {
  seed: number
  count: number
  end: Date
  ids: ArticleIds<Id>
}): (index: number) => ArticleDoc<Id> {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS))
  const sentence = (n: number) => {
    const text = words(n).join(' ')
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }
  const capitalize = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`
  const start = end.getTime() - SPAN_MS
  const step = SPAN_MS / Math.max(count, 1)

  return (index) => {
    const title = words(int(5, 10)).map(capitalize).join(' ')
    const isPublished = random() < 0.9
    // Date order with a little jitter, never past `end`.
    const at = Math.min(end.getTime(), start + index * step + random() * step)
    const createdAt = new Date(at - int(1, 72) * 3_600_000)
    const publishedAt = new Date(at)
    const updatedAt = new Date(Math.min(end.getTime(), at + random() * 30 * DAY_MS))
    const topicCount = int(1, 3)
    const topics = new Set<string>()
    while (topics.size < topicCount) topics.add(topicName(int(0, TOPIC_COUNT - 1)))
    const byline = new Set<Id>()
    const authorCount = random() < 0.8 ? 1 : 2
    while (byline.size < authorCount) byline.add(pick(ids.authors))
    const owner = pick(ids.users)
    const paragraphs = Array.from({ length: int(3, 6) }, (): LexicalParagraph => {
      const text = Array.from({ length: int(2, 4) }, () => sentence(int(8, 16))).join(' ')
      return {
        type: 'paragraph',
        children: [
          { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
        ],
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        version: 1,
      }
    })
    const dek = sentence(int(14, 24))

    const doc: ArticleDoc<Id> = {
      _id: ids.next(),
      title,
      // Titles repeat words, so the index keeps slugs unique as the collection's unique index demands.
      slug: `${title.toLowerCase().replaceAll(' ', '-')}-${index}`,
      dek,
      hero: { caption: sentence(int(4, 8)), credit: capitalize(pick(WORDS)) },
      body: {
        root: {
          type: 'root',
          children: paragraphs,
          direction: 'ltr',
          format: '',
          indent: 0,
          version: 1,
        },
      },
      meta: { title, description: dek },
      authors: [...byline],
      topics: [...topics],
      workflowState: isPublished ? 'published' : pick(['draft', 'in_review'] as const),
      owners: [owner],
      createdBy: owner,
      _status: isPublished ? 'published' : 'draft',
      createdAt,
      updatedAt: isPublished ? updatedAt : createdAt,
      __v: 0,
    }
    // Payload sets publishedAt on first publish; a draft that never went live has none.
    if (isPublished) doc.publishedAt = publishedAt
    return doc
  }
}
