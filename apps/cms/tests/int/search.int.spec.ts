/**
 * Full-text search (`GET /api/articles/search`) on a small corpus that includes the seed article:
 * accents and case ("Nunez" finds "Núñez"), English stems ("defects" finds "defection"), words in
 * the body, the byline and the Key Questions, headline matches ranked above body matches, recency
 * breaking ties, drafts never returned, pagination, highlighted snippets on the original text,
 * 400s naming the bad parameter, the search text kept up to date when an author or an FAQ
 * changes, filled in for older documents, and never shown to API readers.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SearchResults } from '@copydesk/search/results'
import type { SearchResultDoc } from '@copydesk/types/contract'
import type { Article } from '@copydesk/types/payload-types'

import { contentDir } from '../../src/env'
import { findCandidates, storyBeforeRanges } from '../../src/search/candidates'
import { TEXT_INDEX_NAME, articlesModel, backfillSearchText } from '../../src/search/store'
import { seed } from '../../src/seed/seed'
import type { CmsServer } from '../helpers/http'
import { startCmsServer } from '../helpers/http'
import { heading, list, paragraph, root, text } from '../helpers/lexical'
import { testPayload, uid } from '../helpers/payload'

const SEED_SLUG = 'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea'

let payload: Payload
let server: CmsServer
let authorId: string
const tag = uid()
const quietly = { context: { disableRevalidate: true } }

type Results = SearchResults<SearchResultDoc>

const search = async (query: string) => {
  const response = await fetch(`${server.url}/api/articles/search?${query}`)
  return {
    status: response.status,
    json: (await response.json()) as Results,
    timing: response.headers.get('server-timing'),
  }
}
const slugsFor = async (q: string, page = 1) =>
  (await search(`q=${encodeURIComponent(q)}&page=${page}`)).json.docs.map((hit) => hit.doc.slug)

const publish = async (
  data: Partial<Article> & { title: string; slug: string },
  publishedAt: string,
) =>
  payload.create({
    collection: 'articles',
    data: { authors: [authorId], ...data, publishedAt, _status: 'published' },
    ...quietly,
  })

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  await seed({ payload, contentDir })
  const author = await payload.create({
    collection: 'authors',
    data: { name: `Ana Quesada ${tag}`, _status: 'published' },
    ...quietly,
  })
  authorId = String(author.id)

  // Like the held-back test article: the words readers search for are in the body only.
  await publish(
    {
      title: 'Cuba goes dark again as its largest power plant fails',
      slug: `grid-${tag}`,
      dek: 'The island’s grid collapsed on Friday morning.',
      body: root(
        paragraph(
          text(
            'The Antonio Guiteras thermoelectric plant went offline at 11 a.m., and a nationwide blackout followed within minutes.',
          ),
        ),
        heading('h2', 'What officials said'),
        paragraph(
          text('“We are working to restore service,” said the minister, Vicente de la O Levy.'),
        ),
        list('bullet', ['Hospitals ran on generators.', 'Water pumping stopped.']),
        paragraph(text('Engineer Lázaro Núñez said the repairs would take days.')),
      ),
    },
    '2024-10-18T12:00:00.000Z',
  )
  // A headline match and a newer body-only match of the same word.
  await publish(
    { title: 'Hurricane Oscar makes landfall in Baracoa', slug: `oscar-${tag}` },
    '2024-10-20T12:00:00.000Z',
  )
  await publish(
    {
      title: 'Fishermen count their losses',
      slug: `fishermen-${tag}`,
      body: root(paragraph(text('Boats stayed in port for a week after the hurricane.'))),
    },
    '2024-11-01T12:00:00.000Z',
  )
  // Identical text: only the date tells them apart.
  for (const [suffix, date] of [
    ['older', '2023-03-01T12:00:00.000Z'],
    ['newer', '2023-04-01T12:00:00.000Z'],
  ] as const)
    await publish(
      { title: 'Sugar harvest falls short of the plan', slug: `sugar-${suffix}-${tag}` },
      date,
    )
  // Another form of the same word in a body: "defection" for the query "defects".
  await publish(
    {
      title: 'A pilot remembers 1991',
      slug: `pilot-${tag}`,
      body: root(paragraph(text('His defection made headlines around the world.'))),
    },
    '2022-01-01T12:00:00.000Z',
  )
  // Twelve stories for two pages.
  for (let i = 0; i < 12; i += 1)
    await publish(
      { title: `Tobacco growers report ${i}`, slug: `tobacco-${i}-${tag}` },
      new Date(Date.UTC(2021, 0, 1 + i)).toISOString(),
    )
  // A draft that was never published, and a published story with a newer draft.
  await payload.create({
    collection: 'articles',
    data: {
      title: 'Guiteras plant draft zeppelin',
      slug: `draft-${tag}`,
      authors: [authorId],
      _status: 'draft',
    },
    draft: true,
    ...quietly,
  })
  const live = await publish(
    { title: 'Marabou weed spreads', slug: `marabou-${tag}` },
    '2020-05-01T12:00:00.000Z',
  )
  await payload.update({
    collection: 'articles',
    id: live.id,
    data: { title: 'Marabou weed spreads zeppelin' },
    draft: true,
    ...quietly,
  })
})

afterAll(async () => {
  await server?.stop()
  for (const collection of ['articles', 'faqs', 'authors'] as const)
    await payload.delete({ collection, where: { slug: { exists: true } }, ...quietly })
})

describe('search relevance', () => {
  it('finds the story by an accented name typed with or without accents, in any case', async () => {
    for (const q of ['Núñez', 'Nunez', 'NUNEZ', 'núñez'])
      expect(await slugsFor(q), q).toEqual([`grid-${tag}`])
  })

  it('finds words that appear only in the body', async () => {
    expect(await slugsFor('blackout')).toEqual([`grid-${tag}`])
    expect(await slugsFor('Guiteras')).toEqual([`grid-${tag}`])
    expect(await slugsFor('generators')).toEqual([`grid-${tag}`])
  })

  it('matches English stems: "defects" finds "defection" and "Defects"', async () => {
    const slugs = await slugsFor('defects')
    expect(slugs).toContain(SEED_SLUG)
    expect(slugs).toContain(`pilot-${tag}`)
    expect(await slugsFor('defection')).toContain(`pilot-${tag}`)
  })

  it('searches the byline and the Key Questions', async () => {
    expect(await slugsFor('Claire Jimenez')).toEqual([SEED_SLUG])
  })

  it('ranks a headline match above a newer body match', async () => {
    expect(await slugsFor('hurricane')).toEqual([`oscar-${tag}`, `fishermen-${tag}`])
  })

  it('breaks ties by recency', async () => {
    expect(await slugsFor('sugar harvest')).toEqual([`sugar-newer-${tag}`, `sugar-older-${tag}`])
  })

  it('never returns drafts, nor the text of a newer draft of a published story', async () => {
    expect(await slugsFor('zeppelin')).toEqual([])
    expect(await slugsFor('Guiteras plant')).not.toContain(`draft-${tag}`)
    expect(await slugsFor('marabou')).toEqual([`marabou-${tag}`])
  })

  it('paginates with stable pages', async () => {
    const first = await search('q=tobacco&page=1')
    const second = await search('q=tobacco&page=2')
    expect(first.json).toMatchObject({
      totalDocs: 12,
      totalPages: 2,
      page: 1,
      hasPrevPage: false,
      hasNextPage: true,
    })
    expect(second.json).toMatchObject({ page: 2, hasPrevPage: true, hasNextPage: false })
    const slugs = [...first.json.docs, ...second.json.docs].map((hit) => hit.doc.slug)
    expect(first.json.docs).toHaveLength(10)
    expect(new Set(slugs).size).toBe(12)
    // Newest first among equals, across the page boundary.
    expect(slugs[0]).toBe(`tobacco-11-${tag}`)
    expect(slugs[11]).toBe(`tobacco-0-${tag}`)
    expect((await search('q=tobacco&page=2')).json.docs.map((hit) => hit.doc.slug)).toEqual(
      second.json.docs.map((hit) => hit.doc.slug),
    )
  })
})

describe('candidates', () => {
  it('reads the newest matches first, in windows, and says whether they are all', async () => {
    const few = await findCandidates({ payload, search: 'tobacco', need: 5 })
    expect(few.isComplete).toBe(false)
    const all = await findCandidates({ payload, search: 'tobacco', need: 50 })
    expect(all.isComplete).toBe(true)
    expect(all.candidates).toHaveLength(12)
    expect(few.candidates.map((c) => c.id)).toEqual(all.candidates.slice(0, 5).map((c) => c.id))
    // The folded fields relevance is ranked on, not the documents.
    expect(all.candidates[0]).toMatchObject({ title: 'tobacco growers report 11', dek: '' })
    const { json } = await search('q=tobacco')
    expect(json.isTotalExact).toBe(true)
  })

  it('reads a month at a time: the text index leads with the month a published story carries, a draft carries none', async () => {
    const model = articlesModel(payload)
    const index = (await model.collection.indexes()).find((i) => i.name === TEXT_INDEX_NAME)
    expect(Object.keys(index?.key ?? {})[0]).toBe('searchMonth')
    const pilot = await model.findOne({ slug: `pilot-${tag}` }, { searchMonth: 1 }).lean()
    expect(pilot).toMatchObject({ searchMonth: 202201 })
    const draft = await model
      .findOne({ slug: `draft-${tag}` }, { searchMonth: 1 })
      .lean<{ searchMonth?: number | null }>()
    expect(draft).not.toBeNull()
    expect(draft?.searchMonth ?? null).toBeNull()
    // Stories of 2023 (sugar) and 2021 (tobacco): months read newest first find both years'
    // matches, newest first, and go no further back than the oldest story.
    const both = await findCandidates({ payload, search: 'sugar tobacco', need: 50 })
    expect(both.isComplete).toBe(true)
    const dates = both.candidates.map((c) => c.publishedAt)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(new Set(dates.map((date) => date.slice(0, 4)))).toEqual(new Set(['2023', '2021']))
    expect(both.candidates).toHaveLength(14)
  })
})

describe('results', () => {
  it('highlights the original spelling in the snippet and the headline', async () => {
    const { json } = await search('q=Nunez%20blackout')
    const [hit] = json.docs
    expect(json.terms).toEqual(['nunez', 'blackout'])
    expect(hit?.snippet.filter((part) => part.isMatch).map((part) => part.text)).toEqual(
      expect.arrayContaining(['blackout']),
    )
    const nunez = await search('q=nunez')
    expect(nunez.json.docs[0]?.snippet.find((part) => part.isMatch)?.text).toBe('Núñez')
    const oscar = await search('q=hurricane')
    expect(oscar.json.docs[0]?.title).toEqual([
      { text: 'Hurricane', isMatch: true },
      { text: ' Oscar makes landfall in Baracoa', isMatch: false },
    ])
  })

  it('asks whether older stories exist through the date index, never reading the collection', async () => {
    const collection = articlesModel(payload).collection
    const planOf = async (filter: object) =>
      JSON.stringify(
        await collection
          .find(filter, { projection: { _id: 1 } })
          .limit(1)
          .explain(),
      )
    // Before the oldest story there is nothing: an open range was read end to end to say so.
    for (const range of storyBeforeRanges(new Date('1990-01-01T00:00:00.000Z'))) {
      const plan = await planOf(range)
      expect(plan).toContain('publishedAt_1')
      expect(plan).not.toContain('COLLSCAN')
    }
  })

  it('returns documents as Payload does, without the hidden search text', async () => {
    const { json, timing } = await search('q=blackout')
    const doc = json.docs[0]?.doc
    expect(doc?.title).toMatch(/Cuba goes dark/)
    expect(doc?.authors?.[0]).toMatchObject({ name: expect.any(String), slug: expect.any(String) })
    // A result card's fields only: the body and Key Questions its snippet came from stay behind.
    expect(Object.keys(doc ?? {})).not.toContain('body')
    expect(Object.keys(doc ?? {})).not.toContain('faqs')
    expect(json.docs[0]?.snippet.length).toBeGreaterThan(0)
    // How long each part took, for whoever runs the CMS.
    expect(timing).toMatch(
      /^match;dur=[\d.]+, rank;dur=[\d.]+, read;dur=[\d.]+, snippet;dur=[\d.]+$/,
    )
    const searchKeys = (value: unknown) =>
      Object.keys(value as object).filter((key) => key.startsWith('search'))
    expect(searchKeys(doc)).toEqual([])
    const rest = await fetch(`${server.url}/api/articles/${doc?.id}?depth=0`)
    expect(searchKeys(await rest.json())).toEqual([])
    const local = await payload.findByID({ collection: 'articles', id: String(doc?.id) })
    expect(searchKeys(local)).toEqual([])
    // …yet stored, folded.
    const stored = await articlesModel(payload).findById(doc?.id).lean()
    expect(stored).toMatchObject({ searchBody: expect.stringContaining('lazaro nunez') })
  })

  it('answers 400 naming the parameter for a missing or bad q, page or limit', async () => {
    for (const [query, path] of [
      ['', 'q'],
      ['q=%20%20', 'q'],
      ['q=%22-%22', 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=cuba&page=0', 'page'],
      ['q=cuba&page=abc', 'page'],
      ['q=cuba&limit=500', 'limit'],
    ] as const) {
      const response = await fetch(`${server.url}/api/articles/search?${query}`)
      expect(response.status, query).toBe(400)
      const body = (await response.json()) as {
        errors: { data?: { errors?: { path: string }[] } }[]
      }
      expect(
        body.errors[0]?.data?.errors?.map((e) => e.path),
        query,
      ).toEqual([path])
    }
  })
})

describe('keeping the search text current', () => {
  it('follows an author’s new name into the stories that credit them', async () => {
    expect(await slugsFor(`quesada`)).toContain(`grid-${tag}`)
    await payload.update({
      collection: 'authors',
      id: authorId,
      data: { name: `Ana Villalón ${tag}`, _status: 'published' },
      ...quietly,
    })
    expect(await slugsFor('villalon')).toContain(`grid-${tag}`)
    expect(await slugsFor('quesada')).toEqual([])
  })

  it('follows an FAQ used as a Key Question when it is published', async () => {
    const faq = await payload.create({
      collection: 'faqs',
      data: { question: `Why did the grid fail? ${tag}`, _status: 'published' },
      ...quietly,
    })
    const article = await publish(
      { title: 'Power cuts explained', slug: `explained-${tag}`, faqs: [faq.id] },
      '2024-10-25T12:00:00.000Z',
    )
    expect(await slugsFor('grid fail')).toContain(article.slug)
    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { question: `When will the manatees come back? ${tag}`, _status: 'published' },
      ...quietly,
    })
    expect(await slugsFor('manatees')).toEqual([article.slug])
  })

  it('fills in the search text of documents stored without it, once', async () => {
    const model = articlesModel(payload)
    await model.updateMany({}, { $unset: { searchVersion: '', searchBody: '', searchMonth: '' } })
    expect(await slugsFor('blackout')).toEqual([])
    const filled = await backfillSearchText({ payload })
    expect(filled).toBeGreaterThanOrEqual(20)
    expect(await backfillSearchText({ payload })).toBe(0)
    expect(await slugsFor('blackout')).toEqual([`grid-${tag}`])
  })
})
