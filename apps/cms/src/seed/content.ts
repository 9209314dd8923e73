import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import matter from 'gray-matter'
import YAML from 'yaml'
import { z } from 'zod'

import { SLUG_PATTERN } from '@copydesk/workflow/slug'

import { TITLE_MAX_LENGTH } from '../collections/Articles/constants'

const slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be kebab-case: lowercase letters, digits and single hyphens')

// A date-only value is the day the story ran; noon UTC keeps it on that calendar day for
// readers from UTC−11 to UTC+11. Full timestamps are taken as written.
const publishDate = z
  .string()
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

export type ContentKind = 'authors' | 'faqs' | 'articles'

type Schemas = {
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

const schemas: Schemas = { authors: authorSchema, faqs: faqSchema, articles: articleSchema }

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

/**
 * Reads every content file and checks all of them (shape, file name, cross references) before
 * anything is written; throws one `ContentValidationError` listing every problem.
 */
export const loadContent = async ({ contentDir }: { contentDir: string }): Promise<ContentSet> => {
  const problems: ContentProblem[] = []
  const set: ContentSet = { authors: [], faqs: [], articles: [] }

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
      const result = schemas[kind].safeParse(parsed.data)
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push({ file, field: fieldPath(issue.path), message: issue.message })
        }
        continue
      }
      if (`${result.data.slug}.md` !== name) {
        problems.push({
          file,
          field: 'slug',
          message: `"${result.data.slug}" must match the file name (${result.data.slug}.md)`,
        })
      }
      ;(set[kind] as ContentFile<typeof kind>[]).push({
        kind,
        file,
        data: result.data,
        body: parsed.content.trim(),
      } as ContentFile<typeof kind>)
    }
  }

  const known = {
    authors: new Set(set.authors.map((a) => a.data.slug)),
    faqs: new Set(set.faqs.map((f) => f.data.slug)),
  }
  for (const article of set.articles) {
    article.data.authors.forEach((author, i) => {
      if (!known.authors.has(author)) {
        problems.push({
          file: article.file,
          field: `authors[${i}]`,
          message: `no author "${author}" (expected authors/${author}.md)`,
        })
      }
    })
    article.data.keyQuestions?.faqs?.forEach((faq, i) => {
      if (!known.faqs.has(faq)) {
        problems.push({
          file: article.file,
          field: `keyQuestions.faqs[${i}]`,
          message: `no FAQ "${faq}" (expected faqs/${faq}.md)`,
        })
      }
    })
  }
  for (const kind of ['authors', 'faqs', 'articles'] as const) {
    const seen = new Map<string, string>()
    for (const { file, data } of set[kind]) {
      const other = seen.get(data.slug)
      if (other)
        problems.push({ file, field: 'slug', message: `"${data.slug}" is also used by ${other}` })
      seen.set(data.slug, file)
    }
  }
  for (const faq of set.faqs) {
    if (!faq.body)
      problems.push({
        file: faq.file,
        field: '(body)',
        message: 'an FAQ needs an answer below the front matter',
      })
  }
  for (const article of set.articles) {
    if (!article.body)
      problems.push({
        file: article.file,
        field: '(body)',
        message: 'an article needs a body below the front matter',
      })
  }

  if (problems.length > 0) throw new ContentValidationError(problems)
  return set
}
