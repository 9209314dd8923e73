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
}

/**
 * The stored search fields of an article, with its authors' names and its Key Questions read from their own
 * collections (as stored now, which is the published version once one exists).
 */
export const searchTextFor = async ({
  article,
  payload,
  req,
}: {
  article: SearchSource
  payload: Payload
  req?: PayloadRequest
}): Promise<Record<string, string | number>> => {
  const authorIds = relationIds(article.authors)
  const faqIds = relationIds(article.faqs)
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
  const nameOf = new Map(authors.map((author) => [String(author.id), author.name]))
  const faqOf = new Map(faqs.map((faq) => [String(faq.id), faq]))
  const text = searchText({
    title: article.title,
    dek: article.dek,
    body: richTextBlocks({ value: article.body }),
    authors: authorIds.flatMap((id) => nameOf.get(id) ?? []),
    keyQuestions: faqIds.flatMap((id) => {
      const faq = faqOf.get(id)
      return faq ? [{ question: faq.question, answer: richTextBlocks({ value: faq.answer }) }] : []
    }),
  })
  return searchFieldValues({ text, version: SEARCH_TEXT_VERSION })
}
