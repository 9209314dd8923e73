import { ObjectId } from 'mongodb'
import type { Collection, Document } from 'mongodb'
import type { Payload } from 'payload'

import { richTextBlocks } from '@copydesk/search/richText'
import { SEARCH_TEXT_VERSION, searchText } from '@copydesk/search/searchText'

import { searchFieldValues } from '../../search/fields'
import type { ArchiveAuthor, ArchiveKind, ArchiveStory, ArchiveTopic } from './generate'
import { ARCHIVE_ID_PREFIX, archiveAuthors, archiveStory, archiveTopics } from './generate'

/**
 * Writes the archive through the collections Payload's MongoDB adapter built, in batches: the
 * documents have the shape Payload stores (a published document plus its latest version, ids
 * and dates as BSON), but no hook runs. Payload's Local API (`create` per story, every hook,
 * a version, a revalidation and a workflow entry each) manages about 10 stories a second here;
 * this path writes hundreds. What is skipped: workflow history, revalidation (the site is told
 * nothing; a fresh site has nothing cached) and per-document access checks (the writer is the
 * system).
 */

type Collections = Record<ArchiveKind, { main: Collection; versions: Collection | null }>

const collectionsOf = (payload: Payload): Collections => {
  const pick = (slug: ArchiveKind) => {
    const main = payload.db.collections[slug]?.collection
    if (!main) throw new Error(`No ${slug} collection in the database adapter.`)
    return { main, versions: payload.db.versions[slug]?.collection ?? null }
  }
  return {
    topics: pick('topics'),
    authors: pick('authors'),
    faqs: pick('faqs'),
    articles: pick('articles'),
  }
}

const idRange = (kind: ArchiveKind) => ({
  $gte: new ObjectId(`${ARCHIVE_ID_PREFIX[kind]}${'0'.repeat(16)}`),
  $lte: new ObjectId(`${ARCHIVE_ID_PREFIX[kind]}${'f'.repeat(16)}`),
})

/** How many documents of these collections were not written by the archive seeder. */
export const foreignDocuments = async (payload: Payload): Promise<Record<ArchiveKind, number>> => {
  const collections = collectionsOf(payload)
  const counts = {} as Record<ArchiveKind, number>
  for (const kind of Object.keys(collections) as ArchiveKind[]) {
    const range = idRange(kind)
    counts[kind] = await collections[kind].main.countDocuments({
      $or: [{ _id: { $lt: range.$gte } }, { _id: { $gt: range.$lte } }],
    })
  }
  return counts
}

/** Removes what an earlier run wrote (and only that), so a run always starts from nothing. */
export const removeArchive = async (payload: Payload): Promise<void> => {
  const collections = collectionsOf(payload)
  for (const kind of Object.keys(collections) as ArchiveKind[]) {
    const { main, versions } = collections[kind]
    await main.deleteMany({ _id: idRange(kind) })
    await versions?.deleteMany({ parent: idRange(kind) })
  }
}

const published = { _status: 'published', workflowState: 'published', owners: [] } as const

/**
 * A document and its latest version, as Payload writes a publish. `extra` fields (derived, like
 * the folded search copy) go on the document only.
 */
const withVersion = (doc: Document, at: Date, extra: Document = {}) => ({
  doc: { ...doc, ...extra, createdAt: at, updatedAt: at },
  version: {
    _id: new ObjectId(),
    parent: doc._id,
    version: { ...doc, _id: undefined, createdAt: at, updatedAt: at },
    createdAt: at,
    updatedAt: at,
    latest: true,
    autosave: false,
  },
})

const insertAll = async (collection: Collection | null, docs: Document[]) => {
  if (!collection || docs.length === 0) return
  await collection.insertMany(docs, { ordered: false })
}

const writeTopics = async (collections: Collections, topics: ArchiveTopic[], at: Date) =>
  insertAll(
    collections.topics.main,
    topics.map((topic) => ({
      _id: new ObjectId(topic.id),
      name: topic.name,
      slug: topic.slug,
      description: topic.description,
      meta: {},
      createdAt: at,
      updatedAt: at,
    })),
  )

const writeAuthors = async (collections: Collections, authors: ArchiveAuthor[], at: Date) => {
  const pairs = authors.map((author) =>
    withVersion(
      {
        _id: new ObjectId(author.id),
        name: author.name,
        slug: author.slug,
        role: author.role,
        links: [],
        ...published,
      },
      at,
    ),
  )
  await insertAll(
    collections.authors.main,
    pairs.map((pair) => pair.doc),
  )
  await insertAll(
    collections.authors.versions,
    pairs.map((pair) => pair.version),
  )
}

const articleDocument = (story: ArchiveStory): Document => ({
  _id: new ObjectId(story.id),
  title: story.title,
  slug: story.slug,
  dek: story.dek,
  hero: {},
  body: story.body,
  faqsHeading: story.faqsHeading,
  faqs: story.faqs.map((faq) => new ObjectId(faq.id)),
  meta: {},
  publishedAt: story.publishedAt,
  authors: story.authorIds.map((id) => new ObjectId(id)),
  topics: story.topicIds.map((id) => new ObjectId(id)),
  source: {},
  corrections: [],
  ...published,
})

/** The folded search copy of a story, as the search hooks would store it. */
const searchFieldsOf = (story: ArchiveStory, authorNames: Map<string, string>): Document =>
  searchFieldValues({
    text: searchText({
      title: story.title,
      dek: story.dek,
      body: richTextBlocks({ value: story.body }),
      authors: story.authorIds.flatMap((id) => authorNames.get(id) ?? []),
      keyQuestions: story.faqs.map((faq) => ({
        question: faq.question,
        answer: richTextBlocks({ value: faq.answer }),
      })),
    }),
    version: SEARCH_TEXT_VERSION,
    publishedAt: story.publishedAt,
    status: 'published',
  })

/**
 * Writes the whole archive: topics, authors, then stories (with their Key Questions) in batches,
 * reporting progress after each batch.
 */
export const writeArchive = async ({
  payload,
  stories,
  batchSize = 500,
  onProgress = () => {},
}: {
  payload: Payload
  stories: number
  batchSize?: number
  onProgress?: (written: number) => void
}): Promise<void> => {
  const collections = collectionsOf(payload)
  const at = new Date()
  const authors = archiveAuthors()
  const authorNames = new Map(authors.map((author) => [author.id, author.name]))
  await writeTopics(collections, archiveTopics(), at)
  await writeAuthors(collections, authors, at)
  // The next batch is built while the database stores the previous one.
  let storing: Promise<void> = Promise.resolve()
  for (let start = 0; start < stories; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, stories - start) }, (_, i) =>
      archiveStory({ index: start + i, total: stories }),
    )
    const faqs = batch.flatMap((story) =>
      story.faqs.map((faq) =>
        withVersion(
          {
            _id: new ObjectId(faq.id),
            question: faq.question,
            slug: faq.slug,
            answer: faq.answer,
            ...published,
          },
          story.publishedAt,
        ),
      ),
    )
    const articles = batch.map((story) =>
      withVersion(articleDocument(story), story.publishedAt, searchFieldsOf(story, authorNames)),
    )
    const half = Math.ceil(articles.length / 2)
    const written = start + batch.length
    await storing
    // Two streams of articles: the database works on both cores.
    storing = Promise.all([
      insertAll(
        collections.faqs.main,
        faqs.map((pair) => pair.doc),
      ),
      insertAll(
        collections.faqs.versions,
        faqs.map((pair) => pair.version),
      ),
      ...[articles.slice(0, half), articles.slice(half)].flatMap((part) => [
        insertAll(
          collections.articles.main,
          part.map((pair) => pair.doc),
        ),
        insertAll(
          collections.articles.versions,
          part.map((pair) => pair.version),
        ),
      ]),
    ]).then(() => onProgress(written))
  }
  await storing
}
