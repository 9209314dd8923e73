import type { Payload } from 'payload'

import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { isDeepStrictEqual } from 'node:util'

import { slugify } from '@copydesk/workflow/slug'

import { newsroomEditor, shortEditor } from '../fields/richText'
import type { ContentKind, ContentSet, FindStoredSlugs } from './content'
import { loadContent } from './content'
import { comparable } from './comparable'

export type SeedOutcome = 'created' | 'updated' | 'unchanged'

export type SeedSummary = Record<ContentKind, Record<SeedOutcome, number>>

type SeedArgs = {
  payload: Payload
  contentDir: string
  /** One line per file as it is written; silent by default. */
  log?: (line: string) => void
  /**
   * Tell the reader site about every change, through the same hooks a publish runs (on by
   * default: the site may have cached lists, pages and 404s the import changes).
   */
  announce?: boolean
}

const emptySummary = (): SeedSummary => ({
  topics: { created: 0, updated: 0, unchanged: 0 },
  authors: { created: 0, updated: 0, unchanged: 0 },
  faqs: { created: 0, updated: 0, unchanged: 0 },
  articles: { created: 0, updated: 0, unchanged: 0 },
})

// The newsroom's files were reviewed before they were committed, so the import publishes as the
// system. Each write runs the collection's revalidation hooks, as a publish in the admin does,
// unless the caller asks for silence (STYLE: context flags).
const writeContext = ({ announce }: { announce: boolean }) => ({
  disableRevalidate: !announce,
  isSeed: true,
  workflowSystem: true,
})
const published = { _status: 'published', workflowState: 'published' } as const

const relationIds = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((item) =>
        typeof item === 'object' && item && 'id' in item ? String(item.id) : String(item),
      )
    : []

const rowsWithoutIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map((row: unknown) => {
        if (!row || typeof row !== 'object') return row
        const { id: _id, ...rest } = row as Record<string, unknown>
        return rest
      })
    : value

/**
 * Imports the content folder: validates every file first (nothing is written if any is
 * invalid), then upserts by slug in dependency order and publishes. A second run with the
 * same files reports every document as unchanged.
 */
export const seed = async ({
  payload,
  contentDir,
  log = () => {},
  announce = true,
}: SeedArgs): Promise<SeedSummary> => {
  const context = writeContext({ announce })
  const storedIds: Record<'authors' | 'faqs', Map<string, string>> = {
    authors: new Map(),
    faqs: new Map(),
  }
  // References to authors and FAQs written in the admin rather than in content/.
  const findStored: FindStoredSlugs = async ({ collection, slugs }) => {
    const { docs } = await payload.find({
      collection,
      where: { slug: { in: slugs } },
      select: { slug: true },
      draft: true,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs) if (doc.slug) storedIds[collection].set(doc.slug, String(doc.id))
    return new Set(storedIds[collection].keys())
  }
  const content: ContentSet = await loadContent({ contentDir, findStored })
  const summary = emptySummary()

  const [articleEditor, shortEditorConfig] = await Promise.all([
    editorConfigFactory.fromEditor({ config: payload.config, editor: newsroomEditor }),
    editorConfigFactory.fromEditor({ config: payload.config, editor: shortEditor }),
  ])
  const toRichText = (markdown: string, editorConfig: typeof articleEditor) =>
    markdown ? convertMarkdownToLexical({ editorConfig, markdown }) : null

  const ids: Record<'authors' | 'faqs', Map<string, string>> = {
    authors: new Map(),
    faqs: new Map(),
  }

  const upsert = async <K extends ContentKind>(
    collection: K,
    file: string,
    slug: string,
    data: Record<string, unknown>,
  ): Promise<string> => {
    const { docs } = await payload.find({
      collection,
      where: { slug: { equals: slug } },
      draft: true,
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
    })
    const existing = docs[0] as (Record<string, unknown> & { id: string }) | undefined
    // Topics have no drafts or workflow: a save is live.
    const status = collection === 'topics' ? {} : published
    let outcome: SeedOutcome
    let id: string
    if (!existing) {
      const created = await payload.create({
        collection,
        data: { ...data, ...status } as never,
        overrideAccess: true,
        context,
      })
      id = String(created.id)
      outcome = 'created'
    } else {
      const stored = Object.fromEntries(
        Object.keys(data).map((key) => {
          const value = existing[key]
          if (key === 'authors' || key === 'faqs' || key === 'topics')
            return [key, relationIds(value)]
          // Array rows get an id when stored; files never carry one.
          if (key === 'links') return [key, rowsWithoutIds(value)]
          return [key, value]
        }),
      )
      const isSame =
        (collection === 'topics' ||
          (existing._status === 'published' && existing.workflowState === 'published')) &&
        isDeepStrictEqual(comparable(stored), comparable(data))
      id = String(existing.id)
      if (isSame) {
        outcome = 'unchanged'
      } else {
        await payload.update({
          collection,
          id,
          data: { ...data, ...status } as never,
          overrideAccess: true,
          context,
        })
        outcome = 'updated'
      }
    }
    summary[collection][outcome] += 1
    log(`  ${outcome.padEnd(9)} ${file}`)
    return id
  }

  const topicIds = new Map<string, string>()
  for (const { file, data, body } of content.topics) {
    const id = await upsert('topics', file, data.slug, {
      name: data.name,
      slug: data.slug,
      description: body || null,
      meta: { title: data.seo?.title ?? null, description: data.seo?.description ?? null },
    })
    topicIds.set(data.slug, id)
  }
  // Articles name their topics; a name without a file is found by its slug, or created.
  const topicIdFor = async (name: string): Promise<string> => {
    const slug = slugify({ text: name })
    const known = topicIds.get(slug)
    if (known) return known
    const { docs } = await payload.find({
      collection: 'topics',
      where: { slug: { equals: slug } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const found = docs[0]
    const id = found
      ? found.id
      : (
          await payload.create({
            collection: 'topics',
            data: { name, slug },
            overrideAccess: true,
            context,
          })
        ).id
    if (!found) {
      summary.topics.created += 1
      log(`  ${'created'.padEnd(9)} topic “${name}”`)
    }
    topicIds.set(slug, id)
    return id
  }

  for (const { file, data, body } of content.authors) {
    const id = await upsert('authors', file, data.slug, {
      name: data.name,
      slug: data.slug,
      role: data.role ?? null,
      email: data.email ?? null,
      links: data.links ?? [],
      bio: toRichText(body, shortEditorConfig),
    })
    ids.authors.set(data.slug, id)
  }

  for (const { file, data, body } of content.faqs) {
    const id = await upsert('faqs', file, data.slug, {
      question: data.question,
      slug: data.slug,
      answer: toRichText(body, shortEditorConfig),
    })
    ids.faqs.set(data.slug, id)
  }

  for (const { file, data, body } of content.articles) {
    // loadContent has already checked that every referenced slug has a file or a document.
    const lookup = (collection: 'authors' | 'faqs', slugs: string[] = []) =>
      slugs.map((s) => ids[collection].get(s) ?? storedIds[collection].get(s) ?? s)
    const topics: string[] = []
    for (const name of data.topics ?? []) {
      const id = await topicIdFor(name)
      if (!topics.includes(id)) topics.push(id)
    }
    await upsert('articles', file, data.slug, {
      title: data.title,
      slug: data.slug,
      dek: data.dek ?? null,
      body: toRichText(body, articleEditor),
      authors: lookup('authors', data.authors),
      faqsHeading: data.keyQuestions?.heading ?? null,
      faqsIntro: data.keyQuestions?.intro ?? null,
      faqs: lookup('faqs', data.keyQuestions?.faqs),
      topics,
      source: { name: data.source?.name ?? null, url: data.source?.url ?? null },
      publishedAt: data.publishedAt,
    })
  }

  return summary
}

/** The summary as a small table for terminals. */
export const formatSummary = (summary: SeedSummary): string => {
  const rows = (Object.keys(summary) as ContentKind[]).map((kind) => [
    kind,
    String(summary[kind].created),
    String(summary[kind].updated),
    String(summary[kind].unchanged),
  ])
  const header = ['collection', 'created', 'updated', 'unchanged']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export const isUnchanged = (summary: SeedSummary): boolean =>
  Object.values(summary).every((counts) => counts.created === 0 && counts.updated === 0)
