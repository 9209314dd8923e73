import type { Endpoint } from 'payload'
import { ValidationError } from 'payload'
import { z } from 'zod'

import { queryTerms } from '@copydesk/search/fold'
import type { SearchResults } from '@copydesk/search/results'
import {
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  SEARCH_QUERY_MAX_LENGTH,
} from '@copydesk/search/results'
import { richTextBlocks } from '@copydesk/search/richText'
import { snippet } from '@copydesk/search/snippet'
import type { Article } from '@copydesk/types/payload-types'

import { articlesModel } from './store'

const whole = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `“${name}” must be a whole number from 1 to ${max}.`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= max, `“${name}” must be from 1 to ${max}.`)

const searchParams = z.object({
  q: z
    .string({ error: '“q” is required: the words to search for.' })
    .trim()
    .min(1, '“q” is required: the words to search for.')
    .max(SEARCH_QUERY_MAX_LENGTH, `“q” must be at most ${SEARCH_QUERY_MAX_LENGTH} characters.`)
    .refine((q) => queryTerms({ query: q }).length > 0, '“q” must contain a letter or a digit.'),
  page: whole('page', SEARCH_MAX_PAGE).default(1),
  limit: whole('limit', 50).default(SEARCH_PAGE_SIZE),
})

/** The texts a snippet may come from, in order of preference on a tie. */
const snippetSources = (article: Article): string[] => [
  article.dek ?? '',
  ...richTextBlocks({ value: article.body }),
  ...(article.faqs ?? []).flatMap((faq) =>
    typeof faq === 'object' ? [faq.question, ...richTextBlocks({ value: faq.answer })] : [],
  ),
]

/**
 * `GET /api/articles/search?q=&page=&limit=`: published articles matching any word of `q`
 * (folded, stemmed by the database's English text search), most relevant first and newest first
 * among equals, each with its headline and a snippet of the original text with the matched words
 * marked. Narrowed by the text index, so it never scans the archive.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const raw = Object.fromEntries(
      ['q', 'page', 'limit'].flatMap((name) => {
        const value = req.searchParams.get(name)
        return value === null ? [] : [[name, value]]
      }),
    )
    const parsed = searchParams.safeParse(raw)
    if (!parsed.success)
      throw new ValidationError({
        collection: 'articles',
        // The first problem of each parameter (a blank q is both empty and wordless).
        errors: [
          ...new Map(
            parsed.error.issues.map((issue) => {
              const path = issue.path.join('.') || 'q'
              return [path, { path, message: issue.message }] as const
            }),
          ).values(),
        ],
      })
    const { q, page, limit } = parsed.data
    const terms = queryTerms({ query: q })
    const filter = { $text: { $search: terms.join(' ') }, _status: 'published' }
    const model = articlesModel(req.payload)
    const [ranked, totalDocs] = await Promise.all([
      model
        .find(filter, { _id: 1, score: { $meta: 'textScore' } })
        .sort({ score: { $meta: 'textScore' }, publishedAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean(),
      model.countDocuments(filter),
    ])
    const ids = ranked.map((doc) => String(doc._id))
    // Payload's own read (its access rules and output shape, hidden fields left out).
    const { docs } = ids.length
      ? await req.payload.find({
          collection: 'articles',
          where: { id: { in: ids } },
          depth: 1,
          pagination: false,
          overrideAccess: false,
          req,
        })
      : { docs: [] }
    const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
    const totalPages = Math.ceil(totalDocs / limit)
    const results: SearchResults<Article> = {
      docs: ids.flatMap((id) => {
        const doc = byId.get(id)
        if (!doc) return []
        return [
          {
            doc,
            title: snippet({ texts: [doc.title], terms, maxLength: 1000 }),
            snippet: snippet({ texts: snippetSources(doc), terms }),
          },
        ]
      }),
      terms,
      totalDocs,
      limit,
      page,
      totalPages,
      hasPrevPage: page > 1,
      hasNextPage: page < totalPages,
    }
    return Response.json(results)
  },
}
