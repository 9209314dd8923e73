/**
 * The content import (`npm run seed`): every problem of every file in one pass, in the project's
 * words; a re-import of unchanged files changes nothing, for every Markdown construct; and the
 * reader site is told about every change, as a publish tells it.
 */
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { ContentValidationError as ContentValidationErrorClass } from '../../src/seed/content'
import type { seed as seedFunction } from '../../src/seed/seed'
import {
  RICH_CONTENT_DIR,
  removeTempContent,
  tempContent,
  writeContentFile,
  writeGeneratedContent,
} from '../helpers/content'
import { randomFrom } from '../helpers/markdown'
import type { SiteReceiver } from '../helpers/siteReceiver'
import { startSiteReceiver } from '../helpers/siteReceiver'

const SECRET = 'import-spec-revalidate-secret-0123'

let payload: Payload
let receiver: SiteReceiver
let seed: typeof seedFunction
let ContentValidationError: typeof ContentValidationErrorClass
let contentDir: string

const COLLECTIONS = ['articles', 'authors', 'faqs'] as const

/** Documents and versions per collection: what an import may or may not add. */
const counts = async () => {
  const out: Record<string, number> = {}
  for (const collection of COLLECTIONS) {
    out[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs
    out[`${collection} versions`] = (
      await payload.countVersions({ collection, overrideAccess: true })
    ).totalDocs
  }
  return out
}

const problemsOf = async (dir: string) => {
  const error = await seed({ payload, contentDir: dir }).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ContentValidationError)
  return (error as ContentValidationErrorClass).problems.map(
    (p) => `${p.file}: ${p.field}: ${p.message}`,
  )
}

const acceptedTags = () => [...new Set(receiver.requests.flatMap((r) => r.tags as string[]))].sort()

beforeAll(async () => {
  receiver = await startSiteReceiver({ secret: SECRET })
  // The CMS reads its environment when the config is first imported: point it at this receiver.
  process.env.WEB_URL = receiver.url
  process.env.REVALIDATE_SECRET = SECRET
  payload = await (await import('../helpers/payload')).testPayload()
  ;({ seed } = await import('../../src/seed/seed'))
  ;({ ContentValidationError } = await import('../../src/seed/content'))
  ;({ contentDir } = await import('../../src/env'))
})

beforeEach(() => {
  receiver.mode = 'ok'
  receiver.requests.length = 0
})

afterAll(async () => {
  await removeTempContent()
  await receiver.stop()
})

describe('a broken file', () => {
  it('gets every problem reported in one pass, in the project’s words, and nothing is written', async () => {
    const dir = await tempContent(contentDir)
    await writeContentFile(
      dir,
      'articles/bad-article.md',
      `
title: ""
slug: Bad_Slug
authors:
  - claire-jimenez
  - nobody-at-all
publishedAt: yesterday
topics: North Korea
subtitle: not a field
keyQuestions:
  faqs:
    - no-such-question
`,
      'A body.',
    )
    await writeContentFile(dir, 'faqs/broken.md', 'slug: broken', 'An answer without a question.')
    const before = await counts()

    expect(await problemsOf(dir)).toEqual([
      'articles/bad-article.md: title: is required',
      'articles/bad-article.md: slug: must be kebab-case: lowercase letters, digits and single hyphens',
      'articles/bad-article.md: publishedAt: must be a date like 2024-07-16',
      'articles/bad-article.md: topics: must be a list (one "- item" per line), not text ("North Korea")',
      'articles/bad-article.md: subtitle: is not a field of an article (known: title, slug, dek, authors, publishedAt, source, topics, keyQuestions)',
      'articles/bad-article.md: slug: "Bad_Slug" must match the file name (bad-article.md has "bad-article")',
      'articles/bad-article.md: authors[1]: no author "nobody-at-all" in content/ or the CMS (add authors/nobody-at-all.md)',
      'articles/bad-article.md: keyQuestions.faqs[0]: no FAQ "no-such-question" in content/ or the CMS (add faqs/no-such-question.md)',
      'faqs/broken.md: question: is required',
    ])
    expect(await counts()).toEqual(before)
  })

  it('says what a missing folder is, in one line', async () => {
    const missing = path.join(RICH_CONTENT_DIR, 'no-such-folder')
    await expect(seed({ payload, contentDir: missing })).rejects.toThrow(
      `${missing}: no such folder`,
    )
  })
})

describe('importing the seed and the rich fixture', () => {
  it('creates everything and tells the site about each new page, list and author', async () => {
    const first = await seed({ payload, contentDir })
    expect(first.articles.created).toBe(1)
    receiver.requests.length = 0

    // The fixture credits claire-jimenez, who exists only in the CMS by now, not in its folder.
    const summary = await seed({ payload, contentDir: RICH_CONTENT_DIR })
    expect(summary).toEqual({
      topics: { created: 0, updated: 0, unchanged: 0 },
      authors: { created: 1, updated: 0, unchanged: 0 },
      faqs: { created: 2, updated: 0, unchanged: 0 },
      articles: { created: 1, updated: 0, unchanged: 0 },
    })
    expect(receiver.requests.every((r) => r.status === 200)).toBe(true)
    expect(acceptedTags()).toEqual(
      [
        'articles',
        'articles:havana-and-seoul-open-embassies-after-decades-apart',
        'authors',
        'authors:claire-jimenez',
        'authors:jose-nunez',
        'faqs',
        'faqs:what-happens-to-defectors-after-they-arrive',
        'faqs:who-restored-relations-between-cuba-and-south-korea',
        'topics:cuba',
        'topics:diplomacy',
        'topics:south-korea',
      ].sort(),
    )
  })

  it('re-imports unchanged files as unchanged: no write, no version, nothing told', async () => {
    const dir = await tempContent(contentDir, RICH_CONTENT_DIR)
    const before = await counts()
    for (let run = 0; run < 2; run += 1) {
      expect(await seed({ payload, contentDir: dir })).toEqual({
        topics: { created: 0, updated: 0, unchanged: 4 },
        authors: { created: 0, updated: 0, unchanged: 2 },
        faqs: { created: 0, updated: 0, unchanged: 6 },
        articles: { created: 0, updated: 0, unchanged: 2 },
      })
    }
    expect(await counts()).toEqual(before)
    expect(receiver.requests).toEqual([])
  })

  it('tells the site about an edited FAQ: its tags and the article that lists it', async () => {
    const dir = await tempContent(RICH_CONTENT_DIR)
    await writeContentFile(
      dir,
      'faqs/what-happens-to-defectors-after-they-arrive.md',
      'question: What happens to defectors after they arrive?\nslug: what-happens-to-defectors-after-they-arrive',
      'A new answer.',
    )
    const summary = await seed({ payload, contentDir: dir })
    expect(summary.faqs).toEqual({ created: 0, updated: 1, unchanged: 1 })
    expect(acceptedTags()).toEqual([
      'articles',
      'articles:havana-and-seoul-open-embassies-after-decades-apart',
      'faqs',
      'faqs:what-happens-to-defectors-after-they-arrive',
    ])
  })
})

describe('re-importing generated documents', () => {
  it('reports every one unchanged and adds no version, whatever Markdown it holds', async () => {
    const random = randomFrom(20261201)
    const dir = await tempContent()
    const count = 30
    await writeGeneratedContent({ dir, random, count })
    const first = await seed({ payload, contentDir: dir, announce: false })
    expect(first.articles.created).toBe(count)
    const before = await counts()
    const second = await seed({ payload, contentDir: dir, announce: false })
    expect(second).toEqual({
      topics: { created: 0, updated: 0, unchanged: 0 },
      authors: { created: 0, updated: 0, unchanged: 1 },
      faqs: { created: 0, updated: 0, unchanged: count },
      articles: { created: 0, updated: 0, unchanged: count },
    })
    expect(await counts()).toEqual(before)
  })
})

describe('topics', () => {
  it('finds the topics articles name by slug, creates the new ones, and updates a topic from its file', async () => {
    const dir = await tempContent(contentDir)
    await writeContentFile(
      dir,
      'articles/a-story-with-topics.md',
      'title: A story with topics\nslug: a-story-with-topics\nauthors: [claire-jimenez]\npublishedAt: 2023-01-02\ntopics:\n  - cuba\n  - Île-de-France\n  - Cuba',
      'A body.',
    )
    await writeContentFile(dir, 'topics/cuba.md', 'name: Cuba\nslug: cuba', 'A new description.')
    const summary = await seed({ payload, contentDir: dir })
    expect(summary.topics).toEqual({ created: 1, updated: 1, unchanged: 3 })

    const topics = await payload.find({
      collection: 'topics',
      where: { slug: { in: ['cuba', 'ile-de-france'] } },
      sort: 'slug',
    })
    expect(topics.docs.map((t) => [t.slug, t.name, t.description])).toEqual([
      ['cuba', 'Cuba', 'A new description.'],
      ['ile-de-france', 'Île-de-France', undefined],
    ])
    const [article] = (
      await payload.find({
        collection: 'articles',
        where: { slug: { equals: 'a-story-with-topics' } },
        depth: 1,
      })
    ).docs
    // In the file's order, each topic once, as references the site populates.
    expect(article?.topics?.map((t) => (typeof t === 'object' ? t.slug : t))).toEqual([
      'cuba',
      'ile-de-france',
    ])
    expect(acceptedTags()).toEqual(
      expect.arrayContaining(['topics', 'topics:cuba', 'topics:ile-de-france']),
    )

    receiver.requests.length = 0
    const again = await seed({ payload, contentDir: dir })
    expect(again.topics).toEqual({ created: 0, updated: 0, unchanged: 4 })
    expect(again.articles).toEqual({ created: 0, updated: 0, unchanged: 2 })
    expect(receiver.requests).toEqual([])
  })
})
