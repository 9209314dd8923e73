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
import type { SearchResultDoc } from '@copydesk/types/contract'
import type { Article } from '@copydesk/types/payload-types'

import { rankCandidates } from '@copydesk/search/relevance'

import { findCandidates, SEARCH_CANDIDATES } from './candidates'

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
const snippetSources = (article: Pick<Article, 'dek' | 'body' | 'faqs'>): string[] => [
  article.dek ?? '',
  ...richTextBlocks({ value: article.body }),
  ...(article.faqs ?? []).flatMap((faq) =>
    typeof faq === 'object' ? [faq.question, ...richTextBlocks({ value: faq.answer })] : [],
  ),
]

/** Durations of the parts of a request, for a `Server-Timing` header. */
const serverTiming = () => {
  let last = performance.now()
  const parts: string[] = []
  return {
    mark: (name: string) => {
      const now = performance.now()
      parts.push(`${name};dur=${(now - last).toFixed(1)}`)
      last = now
    },
    header: () => parts.join(', '),
  }
}

/**
 * `GET /api/articles/search?q=&page=&limit=`: published articles matching any word of `q`
 * (folded, stemmed by the database's English text search), most relevant first and newest first
 * among equals, each with its headline and a snippet of the original text with the matched words
 * marked. The text index finds the matches newest first within the smallest publishedAt window
 * that holds enough of them (candidates.ts), and they are ranked here (rankCandidates), so a word
 * in half the archive costs what a month of it does.
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
    const timing = serverTiming()
    const terms = queryTerms({ query: q })
    const { candidates, isComplete } = await findCandidates({
      payload: req.payload,
      search: terms.join(' '),
      need: Math.max(SEARCH_CANDIDATES, page * limit),
    })
    timing.mark('match')
    const ranked = rankCandidates({ candidates, terms }).slice((page - 1) * limit, page * limit)
    timing.mark('rank')
    const ids = ranked.map((candidate) => candidate.id)
    // Payload's own read (its access rules and output shape, hidden fields left out).
    const { docs } = ids.length
      ? await req.payload.find({
          collection: 'articles',
          where: { id: { in: ids } },
          depth: 1,
          pagination: false,
          overrideAccess: false,
          req,
          // A result card's fields, and the texts its snippet is cut from.
          select: {
            title: true,
            slug: true,
            dek: true,
            publishedAt: true,
            authors: true,
            topics: true,
            meta: { description: true },
            body: true,
            faqs: true,
          },
          populate: {
            authors: { name: true, slug: true },
            topics: { name: true, slug: true },
            faqs: { question: true, answer: true },
          },
        })
      : { docs: [] }
    timing.mark('read')
    const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
    const totalDocs = candidates.length
    const totalPages = Math.ceil(totalDocs / limit)
    const results: SearchResults<SearchResultDoc> = {
      docs: ids.flatMap((id) => {
        const doc = byId.get(id)
        if (!doc) return []
        const { id: docId, title, slug, dek, publishedAt, authors, topics, meta } = doc
        return [
          {
            doc: { id: docId, title, slug, dek, publishedAt, authors, topics, meta },
            title: snippet({ texts: [doc.title], terms, maxLength: 1000 }),
            snippet: snippet({ texts: snippetSources(doc), terms }),
          },
        ]
      }),
      terms,
      totalDocs,
      isTotalExact: isComplete,
      limit,
      page,
      totalPages,
      hasPrevPage: page > 1,
      hasNextPage: page < totalPages || (!isComplete && page * limit >= totalDocs),
    }
    timing.mark('snippet')
    return Response.json(results, { headers: { 'server-timing': timing.header() } })
  },
}
