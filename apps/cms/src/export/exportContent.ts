import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { convertLexicalToMarkdown, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Payload, Where } from 'payload'

import { newsroomEditor, shortEditor } from '../fields/richText'
import { relationIds } from '../revalidate/lookups'
import type { ContentKind } from '../seed/content'
import {
  articleFields,
  authorFields,
  contentFile,
  faqFields,
  importableMarkdown,
  topicFields,
} from './contentFiles'

export type ExportOutcome = 'created' | 'updated' | 'unchanged'

export type ExportSummary = {
  counts: Record<ContentKind, Record<ExportOutcome, number>>
  /** Markdown files already in the folder that no published document wrote (left as they were). */
  untouched: string[]
}

/** The folder to export to cannot be used: one line, nothing written. */
export class ExportPathError extends Error {
  constructor(dir: string, reason: string) {
    super(`${dir}: ${reason}`)
    this.name = 'ExportPathError'
  }
}

const isPublished: Where = { _status: { equals: 'published' } }

const KINDS = ['topics', 'authors', 'faqs', 'articles'] as const

const emptyCounts = (): ExportSummary['counts'] => ({
  topics: { created: 0, updated: 0, unchanged: 0 },
  authors: { created: 0, updated: 0, unchanged: 0 },
  faqs: { created: 0, updated: 0, unchanged: 0 },
  articles: { created: 0, updated: 0, unchanged: 0 },
})

const ensureFolder = async (dir: string) => {
  const info = await stat(dir).catch(() => null)
  if (info && !info.isDirectory()) throw new ExportPathError(dir, 'is not a folder')
  try {
    await mkdir(dir, { recursive: true })
    for (const kind of KINDS) await mkdir(path.join(dir, kind), { recursive: true })
  } catch (error) {
    throw new ExportPathError(
      dir,
      `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    )
  }
}

/**
 * Writes the CMS's topics and published articles, authors and FAQs to a content folder as the Markdown and
 * front matter the import reads. Drafts (and the draft over a published document), workflow
 * history, comments and images are not content files and are not written. A file whose bytes
 * already match is left untouched and counted as unchanged.
 */
export const exportContent = async ({
  payload,
  contentDir,
  log = () => {},
}: {
  payload: Payload
  contentDir: string
  /** One line per file; silent by default. */
  log?: (line: string) => void
}): Promise<ExportSummary> => {
  await ensureFolder(contentDir)
  const counts = emptyCounts()
  const written = new Set<string>()

  const [articleEditor, shortEditorConfig] = await Promise.all([
    editorConfigFactory.fromEditor({ config: payload.config, editor: newsroomEditor }),
    editorConfigFactory.fromEditor({ config: payload.config, editor: shortEditor }),
  ])
  const toMarkdown = (data: unknown, editorConfig: typeof articleEditor) =>
    data
      ? importableMarkdown(
          convertLexicalToMarkdown({ data: data as SerializedEditorState, editorConfig }),
        )
      : ''

  const write = async (kind: ContentKind, slug: string, text: string) => {
    const file = `${kind}/${slug}.md`
    const target = path.join(contentDir, file)
    const before = await readFile(target, 'utf8').catch(() => null)
    const outcome: ExportOutcome =
      before === null ? 'created' : before === text ? 'unchanged' : 'updated'
    if (outcome !== 'unchanged') await writeFile(target, text)
    counts[kind][outcome] += 1
    written.add(file)
    log(`  ${outcome.padEnd(9)} ${file}`)
  }

  const find = <K extends ContentKind>(collection: K, where?: Where) =>
    payload.find({
      collection,
      where,
      depth: 0,
      pagination: false,
      sort: 'slug',
      overrideAccess: true,
    })

  // Every slug by id, published or not: a byline may credit an author who is not published.
  const slugsById = {
    authors: new Map((await find('authors')).docs.map((doc) => [String(doc.id), doc.slug])),
    faqs: new Map((await find('faqs')).docs.map((doc) => [String(doc.id), doc.slug])),
  }
  const slugsOf = (collection: 'authors' | 'faqs', value: unknown): string[] =>
    relationIds(value).flatMap((id) => {
      const slug = slugsById[collection].get(id)
      return slug ? [slug] : []
    })

  // Topics have no drafts: every topic is content. Articles name theirs, as people write them.
  const topics = (await find('topics')).docs
  const topicNames = new Map(topics.map((topic) => [String(topic.id), topic.name]))
  for (const topic of topics) {
    if (!topic.slug) continue
    await write(
      'topics',
      topic.slug,
      contentFile({
        fields: topicFields({ ...topic, slug: topic.slug }),
        body: topic.description ?? '',
      }),
    )
  }

  for (const author of (await find('authors', isPublished)).docs) {
    if (!author.slug) continue
    await write(
      'authors',
      author.slug,
      contentFile({
        fields: authorFields({ ...author, slug: author.slug }),
        body: toMarkdown(author.bio, shortEditorConfig),
      }),
    )
  }

  for (const faq of (await find('faqs', isPublished)).docs) {
    if (!faq.slug) continue
    await write(
      'faqs',
      faq.slug,
      contentFile({
        fields: faqFields({ question: faq.question, slug: faq.slug }),
        body: toMarkdown(faq.answer, shortEditorConfig),
      }),
    )
  }

  for (const article of (await find('articles', isPublished)).docs) {
    if (!article.slug) continue
    await write(
      'articles',
      article.slug,
      contentFile({
        fields: articleFields({
          ...article,
          slug: article.slug,
          authorSlugs: slugsOf('authors', article.authors),
          faqSlugs: slugsOf('faqs', article.faqs),
          topics: relationIds(article.topics).flatMap((id) => {
            const name = topicNames.get(id)
            return name ? [name] : []
          }),
        }),
        body: toMarkdown(article.body, articleEditor),
      }),
    )
  }

  const untouched: string[] = []
  for (const kind of KINDS) {
    for (const name of (await readdir(path.join(contentDir, kind))).sort()) {
      if (name.endsWith('.md') && !written.has(`${kind}/${name}`)) untouched.push(`${kind}/${name}`)
    }
  }
  return { counts, untouched }
}

/** The summary as a small table for terminals, like the import's. */
export const formatExportSummary = ({ counts }: ExportSummary): string => {
  const header = ['collection', 'created', 'updated', 'unchanged']
  const rows = (Object.keys(counts) as ContentKind[]).map((kind) => [
    kind,
    String(counts[kind].created),
    String(counts[kind].updated),
    String(counts[kind].unchanged),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
