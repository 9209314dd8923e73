import YAML from 'yaml'

/**
 * The content files the import reads (seed/content.ts), written from documents: YAML front
 * matter in the order the newsroom writes it, empty fields left out, and the Markdown body.
 * What one file says, the import turns back into the same document.
 */

type Maybe<T> = T | null | undefined

const present = (value: unknown): boolean =>
  value !== null &&
  value !== undefined &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)

/** Keeps the keys that hold something, in the order given. */
const compact = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => present(value)))

/**
 * A publish date as the newsroom writes it: a stored noon UTC is the day the story ran (the
 * import stores a date-only value at noon), anything else is a full timestamp.
 *
 * @example
 * contentDate('2024-07-16T12:00:00.000Z') // '2024-07-16'
 */
export const contentDate = (value: string): string =>
  value.endsWith('T12:00:00.000Z') ? value.slice(0, 10) : value

/**
 * Markdown from Payload's converter, made readable by its own importer. The exporter writes bold
 * italic text as `***text***`, which the importer reads as bold `*text` followed by a literal
 * `*`; `_**text**_` says the same and comes back as bold italic. Literal asterisks are escaped
 * (`\*`) by the exporter, so an unescaped run of three is always formatting.
 *
 * @example
 * importableMarkdown('a ***b*** c') // 'a _**b**_ c'
 */
export const importableMarkdown = (markdown: string): string =>
  markdown.replace(/(?<!\\)\*\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*\*/g, '_**$1**_')

/**
 * One content file: `---`, the fields as YAML, `---`, and the body after a blank line.
 *
 * @example
 * contentFile({ fields: { name: 'Claire Jimenez', slug: 'claire-jimenez' }, body: '' })
 * // '---\nname: Claire Jimenez\nslug: claire-jimenez\n---\n'
 */
export const contentFile = ({
  fields,
  body,
}: {
  fields: Record<string, unknown>
  body: string
}): string => {
  // lineWidth 0: long values stay on one line, as people write them.
  const yaml = YAML.stringify(compact(fields), { lineWidth: 0 })
  const text = body.trim()
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`
}

export type ArticleFields = {
  title: string
  slug: string
  dek?: Maybe<string>
  authorSlugs: string[]
  publishedAt?: Maybe<string>
  source?: Maybe<{ name?: Maybe<string>; url?: Maybe<string> }>
  topics?: Maybe<string[]>
  faqsHeading?: Maybe<string>
  faqsIntro?: Maybe<string>
  faqSlugs: string[]
}

/** The front matter of `articles/<slug>.md`. */
export const articleFields = (article: ArticleFields): Record<string, unknown> => ({
  title: article.title,
  slug: article.slug,
  dek: article.dek,
  authors: article.authorSlugs,
  publishedAt: article.publishedAt ? contentDate(article.publishedAt) : undefined,
  source: compact({ name: article.source?.name, url: article.source?.url }),
  topics: article.topics,
  keyQuestions: compact({
    heading: article.faqsHeading,
    intro: article.faqsIntro,
    faqs: article.faqSlugs,
  }),
})

/** The front matter of `authors/<slug>.md`. */
export const authorFields = (author: {
  name: string
  slug: string
  role?: Maybe<string>
  email?: Maybe<string>
  links?: Maybe<{ label: string; url: string }[]>
}): Record<string, unknown> => ({
  name: author.name,
  slug: author.slug,
  role: author.role,
  email: author.email,
  links: author.links?.map(({ label, url }) => ({ label, url })),
})

/** The front matter of `topics/<slug>.md` (the description is the body). */
export const topicFields = (topic: {
  name: string
  slug: string
  meta?: Maybe<{ title?: Maybe<string>; description?: Maybe<string> }>
}): Record<string, unknown> => ({
  name: topic.name,
  slug: topic.slug,
  seo: compact({ title: topic.meta?.title, description: topic.meta?.description }),
})

/** The front matter of `faqs/<slug>.md`. */
export const faqFields = (faq: { question: string; slug: string }): Record<string, unknown> => ({
  question: faq.question,
  slug: faq.slug,
})
