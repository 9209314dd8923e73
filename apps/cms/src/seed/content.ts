import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import matter from 'gray-matter'
import YAML from 'yaml'
import { z } from 'zod'

import { SLUG_PATTERN } from '@copydesk/workflow/slug'

import { TITLE_MAX_LENGTH } from '../collections/Articles/constants'
import { describeIssue } from './describeIssue'

const slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be kebab-case: lowercase letters, digits and single hyphens')

// A date-only value is the day the story ran; noon UTC keeps it on that calendar day for
// readers from UTC−11 to UTC+11. Full timestamps are taken as written.
const publishDate = z
  .string({
    error: (issue) =>
      issue.input == null
        ? 'is required'
        : 'must be a date like 2024-07-16, not a number or a list',
  })
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date like 2024-07-16')
  .transform((value) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00.000Z`).toISOString()
      : new Date(value).toISOString(),
  )

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })

export const authorSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(120),
  slug,
  role: z.string().trim().min(1).optional(),
  email: z.email('must be an email address').optional(),
  links: z.array(z.strictObject({ label: z.string().min(1), url: httpUrl })).optional(),
})

/** A topic's file: its name and slug; the body is the description on its page. */
export const topicSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(80),
  slug,
  seo: z
    .strictObject({
      title: z.string().trim().min(1).optional(),
      description: z.string().trim().min(1).optional(),
    })
    .optional(),
})

export const faqSchema = z.strictObject({
  question: z.string().trim().min(1, 'is required').max(300),
  slug,
})

export const articleSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(TITLE_MAX_LENGTH, `must be at most ${TITLE_MAX_LENGTH} characters`),
  slug,
  dek: z.string().trim().max(320).optional(),
  authors: z.array(slug).min(1, 'needs at least one author'),
  publishedAt: publishDate,
  source: z
    .strictObject({ name: z.string().min(1).optional(), url: httpUrl.optional() })
    .optional(),
  topics: z.array(z.string().trim().min(1)).optional(),
  keyQuestions: z
    .strictObject({
      heading: z.string().trim().min(1).optional(),
      intro: z.string().trim().min(1).optional(),
      faqs: z.array(slug).optional(),
    })
    .optional(),
})

export type ContentKind = 'topics' | 'authors' | 'faqs' | 'articles'

type Schemas = {
  topics: typeof topicSchema
  authors: typeof authorSchema
  faqs: typeof faqSchema
  articles: typeof articleSchema
}

export type ContentFile<K extends ContentKind> = {
  kind: K
  /** Path relative to the content folder, for messages. */
  file: string
  data: z.infer<Schemas[K]>
  /** The Markdown under the front matter. */
  body: string
}

export type ContentSet = { [K in ContentKind]: ContentFile<K>[] }

export type ContentProblem = { file: string; field: string; message: string }

export class ContentValidationError extends Error {
  readonly problems: ContentProblem[]

  constructor(problems: ContentProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in content; nothing was written:\n` +
        problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join('\n'),
    )
    this.name = 'ContentValidationError'
    this.problems = problems
  }
}

/** The content folder itself is missing or unreadable: one line, no list. */
export class ContentPathError extends Error {
  constructor(dir: string, reason: string) {
    super(`${dir}: ${reason}`)
    this.name = 'ContentPathError'
  }
}

/**
 * Which of these author or FAQ slugs the CMS already has. Content may refer to documents that
 * were written in the admin rather than in a file.
 */
export type FindStoredSlugs = (args: {
  collection: 'authors' | 'faqs'
  slugs: string[]
}) => Promise<Set<string>>

const schemas: Schemas = {
  topics: topicSchema,
  authors: authorSchema,
  faqs: faqSchema,
  articles: articleSchema,
}

const NOUN: Record<ContentKind, string> = {
  topics: 'a topic',
  authors: 'an author',
  faqs: 'an FAQ',
  articles: 'an article',
}

// YAML 1.2 core schema: dates stay strings, so the schema above decides what they mean.
const matterOptions = { engines: { yaml: (source: string) => YAML.parse(source) as object } }

const fieldPath = (issuePath: readonly PropertyKey[]) =>
  issuePath.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  ) || '(front matter)'

const listMarkdown = async (dir: string): Promise<string[]> => {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.md')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** The object schema inside optional, nullable and array wrappers. */
const unwrap = (schema: unknown): unknown => {
  let current = schema as { unwrap?: () => unknown; element?: unknown } | undefined
  while (current && typeof current.unwrap === 'function')
    current = current.unwrap() as typeof current
  if (current && 'element' in current && current.element) return unwrap(current.element)
  return current
}

/** Where in a schema a key may be written, for "known fields" hints. */
const knownKeys = (schema: z.ZodType, issuePath: readonly PropertyKey[]): string[] => {
  let current: unknown = schema
  for (const key of issuePath) {
    if (typeof key === 'number') continue
    const unwrapped = unwrap(current)
    const shape = (unwrapped as { shape?: Record<string, unknown> }).shape
    current = shape?.[String(key)]
  }
  const shape = (unwrap(current) as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

/** The schema's findings as problems (one per field, unknown fields named one by one), or the data. */
const checkSchema = (
  kind: ContentKind,
  file: string,
  data: unknown,
): { problems: ContentProblem[]; data?: unknown } => {
  const result = schemas[kind].safeParse(data, { error: (issue) => describeIssue(issue) })
  if (result.success) return { problems: [], data: result.data }
  const problems = result.error.issues.flatMap((issue): ContentProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schemas[kind], issue.path)
      return issue.keys.map((key) => ({
        file,
        field: fieldPath([...issue.path, key]),
        message: `is not a field of ${issue.path.length ? fieldPath(issue.path) : NOUN[kind]} (known: ${known.join(', ')})`,
      }))
    }
    if (issue.path.length === 0 && issue.code === 'invalid_type') {
      return [
        {
          file,
          field: '(front matter)',
          message: 'is missing: start the file with "---", the fields, and "---" again',
        },
      ]
    }
    return [{ file, field: fieldPath(issue.path), message: issue.message }]
  })
  return { problems }
}

type ReadFile = {
  kind: ContentKind
  file: string
  name: string
  /** The front matter as written, whatever its shape. */
  raw: Record<string, unknown>
  body: string
  /** Set when the schema accepted the front matter. */
  data?: unknown
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** String items of a list as written, with their positions, for reference checks. */
const listed = (value: unknown): [string, number][] =>
  Array.isArray(value)
    ? value.flatMap((item, i): [string, number][] => (typeof item === 'string' ? [[item, i]] : []))
    : []

/**
 * Reads every content file and checks all of them in one pass (shape, file name, duplicates,
 * references to authors and FAQs in content/ or, with `findStored`, in the CMS) before anything
 * is written; throws one `ContentValidationError` listing every problem.
 */
export const loadContent = async ({
  contentDir,
  findStored,
}: {
  contentDir: string
  findStored?: FindStoredSlugs
}): Promise<ContentSet> => {
  const info = await stat(contentDir).catch(() => null)
  if (!info) throw new ContentPathError(contentDir, 'no such folder')
  if (!info.isDirectory()) throw new ContentPathError(contentDir, 'is not a folder')

  const problems: ContentProblem[] = []
  const files: ReadFile[] = []

  for (const kind of Object.keys(schemas) as ContentKind[]) {
    for (const name of await listMarkdown(path.join(contentDir, kind))) {
      const file = `${kind}/${name}`
      let parsed: matter.GrayMatterFile<string>
      try {
        parsed = matter(await readFile(path.join(contentDir, kind, name), 'utf8'), matterOptions)
      } catch (error) {
        problems.push({
          file,
          field: '(front matter)',
          message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
        })
        continue
      }
      const raw = (parsed.data && typeof parsed.data === 'object' ? parsed.data : {}) as Record<
        string,
        unknown
      >
      if (parsed.matter.trim() === '') {
        problems.push({
          file,
          field: '(front matter)',
          message: 'is missing: start the file with "---", the fields, and "---" again',
        })
        continue
      }
      const checked = checkSchema(kind, file, parsed.data)
      problems.push(...checked.problems)
      files.push({ kind, file, name, raw, body: parsed.content.trim(), data: checked.data })
    }
  }

  // Checks across files read what was written even where the schema refused a field, so a
  // second run never finds problems the first one could have reported.
  const seen = new Map<string, string>()
  for (const { kind, file, name, raw } of files) {
    const slug = text(raw.slug)
    if (slug === undefined) continue
    if (`${slug}.md` !== name) {
      problems.push({
        file,
        field: 'slug',
        message: `"${slug}" must match the file name (${name} has "${name.replace(/\.md$/, '')}")`,
      })
    }
    const key = `${kind}/${slug}`
    const other = seen.get(key)
    if (other) problems.push({ file, field: 'slug', message: `"${slug}" is also used by ${other}` })
    else seen.set(key, file)
  }

  const inContent = {
    authors: new Set<string>(),
    faqs: new Set<string>(),
  }
  for (const { kind, name, raw } of files) {
    if (kind === 'articles' || kind === 'topics') continue
    inContent[kind].add(name.replace(/\.md$/, ''))
    const slug = text(raw.slug)
    if (slug) inContent[kind].add(slug)
  }
  const references = files
    .filter((f) => f.kind === 'articles')
    .flatMap(({ file, raw }) => {
      const keyQuestions = raw.keyQuestions as Record<string, unknown> | undefined
      return [
        ...listed(raw.authors).map(([slug, i]) => ({
          file,
          collection: 'authors' as const,
          slug,
          field: `authors[${i}]`,
        })),
        ...listed(
          keyQuestions && typeof keyQuestions === 'object' ? keyQuestions.faqs : undefined,
        ).map(([slug, i]) => ({
          file,
          collection: 'faqs' as const,
          slug,
          field: `keyQuestions.faqs[${i}]`,
        })),
      ]
    })
    .filter(({ collection, slug }) => !inContent[collection].has(slug))
  const stored = { authors: new Set<string>(), faqs: new Set<string>() }
  if (findStored) {
    for (const collection of ['authors', 'faqs'] as const) {
      const slugs = [
        ...new Set(references.filter((r) => r.collection === collection).map((r) => r.slug)),
      ]
      if (slugs.length > 0) stored[collection] = await findStored({ collection, slugs })
    }
  }
  for (const { file, collection, slug, field } of references) {
    if (stored[collection].has(slug)) continue
    problems.push({
      file,
      field,
      message:
        collection === 'authors'
          ? `no author "${slug}" in content/ or the CMS (add authors/${slug}.md)`
          : `no FAQ "${slug}" in content/ or the CMS (add faqs/${slug}.md)`,
    })
  }

  for (const { kind, file, body } of files) {
    if (body || kind === 'authors' || kind === 'topics') continue
    problems.push({
      file,
      field: '(body)',
      message:
        kind === 'faqs'
          ? 'an FAQ needs an answer below the front matter'
          : 'an article needs a body below the front matter',
    })
  }

  if (problems.length > 0) {
    // Each file's problems together, in the order they were found.
    throw new ContentValidationError(problems.sort((a, b) => a.file.localeCompare(b.file)))
  }
  const set: ContentSet = { topics: [], authors: [], faqs: [], articles: [] }
  for (const { kind, file, body, data } of files) {
    ;(set[kind] as ContentFile<typeof kind>[]).push({ kind, file, body, data } as ContentFile<
      typeof kind
    >)
  }
  return set
}
