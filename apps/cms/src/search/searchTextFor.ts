import type { Payload, PayloadRequest } from 'payload'

import { richTextBlocks } from '@copydesk/search/richText'
import { SEARCH_TEXT_VERSION, searchText } from '@copydesk/search/searchText'

import { relationIds } from '../revalidate/lookups'
import { searchFieldValues } from './fields'

/** The article fields that feed its search text. */
export type SearchSource = {
  title?: string | null
  dek?: string | null
  body?: unknown
  authors?: unknown
  faqs?: unknown
  publishedAt?: string | null
  _status?: string | null
}

type Related = {
  names: Map<string, string>
  faqs: Map<string, { question: string; answer?: unknown }>
}

/**
 * The names of the authors and the questions and answers of the FAQs these articles use, read
 * in one query each (as stored now, which is the published version once one exists).
 */
const loadRelated = async ({
  articles,
  payload,
  req,
}: {
  articles: readonly SearchSource[]
  payload: Payload
  req?: PayloadRequest
}): Promise<Related> => {
  const authorIds = [...new Set(articles.flatMap((article) => relationIds(article.authors)))]
  const faqIds = [...new Set(articles.flatMap((article) => relationIds(article.faqs)))]
  const [authors, faqs] = await Promise.all([
    authorIds.length === 0
      ? []
      : payload
          .find({
            collection: 'authors',
            where: { id: { in: authorIds } },
            select: { name: true },
            depth: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
          .then(({ docs }) => docs),
    faqIds.length === 0
      ? []
      : payload
          .find({
            collection: 'faqs',
            where: { id: { in: faqIds } },
            select: { question: true, answer: true },
            depth: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
          .then(({ docs }) => docs),
  ])
  return {
    names: new Map(authors.map((author) => [String(author.id), author.name])),
    faqs: new Map(faqs.map((faq) => [String(faq.id), faq])),
  }
}

const fieldsFrom = ({ article, names, faqs }: { article: SearchSource } & Related) =>
  searchFieldValues({
    text: searchText({
      title: article.title,
      dek: article.dek,
      body: richTextBlocks({ value: article.body }),
      authors: relationIds(article.authors).flatMap((id) => names.get(id) ?? []),
      keyQuestions: relationIds(article.faqs).flatMap((id) => {
        const faq = faqs.get(id)
        return faq
          ? [{ question: faq.question, answer: richTextBlocks({ value: faq.answer }) }]
          : []
      }),
    }),
    version: SEARCH_TEXT_VERSION,
    publishedAt: article.publishedAt,
    status: article._status,
  })

/**
 * The stored search fields of each of these articles, in order, with their authors' names and
 * Key Questions read from their own collections once for all of them.
 *
 * @example
 * const [fields] = await searchTextsFor({ articles: [data], payload: req.payload, req })
 */
export const searchTextsFor = async ({
  articles,
  payload,
  req,
}: {
  articles: readonly SearchSource[]
  payload: Payload
  req?: PayloadRequest
}): Promise<Record<string, string | number | null>[]> => {
  const related = await loadRelated({ articles, payload, req })
  return articles.map((article) => fieldsFrom({ article, ...related }))
}
