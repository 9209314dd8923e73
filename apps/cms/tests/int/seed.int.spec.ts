import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, Faq } from '@copydesk/types/payload-types'

import { contentDir } from '../../src/env'
import { ContentValidationError } from '../../src/seed/content'
import { seed } from '../../src/seed/seed'
import { testPayload } from '../helpers/payload'

const ARTICLE_SLUG = 'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea'

let payload: Payload

const counts = async () => ({
  articles: (await payload.count({ collection: 'articles' })).totalDocs,
  faqs: (await payload.count({ collection: 'faqs' })).totalDocs,
  authors: (await payload.count({ collection: 'authors' })).totalDocs,
  topics: (await payload.count({ collection: 'topics' })).totalDocs,
})

/** Every run of text in a Lexical tree, block by block. */
const blocks = (node: unknown): string[] => {
  const out: string[] = []
  const visit = (n: { type?: string; text?: string; children?: unknown[] }, acc: string[]) => {
    if (typeof n.text === 'string') acc.push(n.text)
    for (const child of n.children ?? []) visit(child as typeof n, acc)
  }
  for (const child of (node as { root: { children: unknown[] } }).root.children) {
    const acc: string[] = []
    visit(child as never, acc)
    out.push(acc.join(''))
  }
  return out
}

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(async () => {
  for (const collection of ['articles', 'faqs', 'authors'] as const) {
    await payload.delete({ collection, where: { slug: { exists: true } } }).catch(() => undefined)
  }
})

describe('seed', () => {
  it('imports the newsroom content, published, and a second run changes nothing', async () => {
    const before = await counts()
    const first = await seed({ payload, contentDir })
    expect(first).toEqual({
      topics: { created: 4, updated: 0, unchanged: 0 },
      authors: { created: 1, updated: 0, unchanged: 0 },
      faqs: { created: 4, updated: 0, unchanged: 0 },
      articles: { created: 1, updated: 0, unchanged: 0 },
    })
    const afterFirst = await counts()
    expect(afterFirst).toEqual({
      articles: before.articles + 1,
      faqs: before.faqs + 4,
      authors: before.authors + 1,
      topics: before.topics + 4,
    })

    const second = await seed({ payload, contentDir })
    expect(second).toEqual({
      topics: { created: 0, updated: 0, unchanged: 4 },
      authors: { created: 0, updated: 0, unchanged: 1 },
      faqs: { created: 0, updated: 0, unchanged: 4 },
      articles: { created: 0, updated: 0, unchanged: 1 },
    })
    expect(await counts()).toEqual(afterFirst)
  })

  it('keeps every paragraph, the subheading, byline, date, source and the four Key Questions', async () => {
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: ARTICLE_SLUG } },
      depth: 1,
      overrideAccess: false,
    })
    const article = docs[0] as Article
    expect(article._status).toBe('published')
    expect(article.title).toBe('North Korean Diplomat Assigned to Cuba Defects to South Korea')
    expect((article.authors as Author[]).map((a) => [a.name, a.slug])).toEqual([
      ['Claire Jimenez', 'claire-jimenez'],
    ])
    expect(article.publishedAt).toBe('2024-07-16T12:00:00.000Z')
    expect(article.source?.name).toBe('CubaHeadlines')

    const markdown = readFileSync(path.join(contentDir, 'articles', `${ARTICLE_SLUG}.md`), 'utf8')
    const paragraphs = markdown
      .split('---')
      .slice(2)
      .join('---')
      .split(/\n\s*\n/)
      .map((p) => p.trim().replace(/^## /, ''))
      .filter(Boolean)
    // Eleven paragraphs and one subheading.
    expect(paragraphs).toHaveLength(12)
    expect(blocks(article.body)).toEqual(paragraphs)
    expect(article.body?.root.children[2]).toMatchObject({ type: 'heading', tag: 'h2' })
    expect(blocks(article.body)[2]).toBe('Reasons Behind the Defection')

    expect(article.faqsHeading).toBe("Key Questions About the North Korean Diplomat's Defection")
    const faqs = article.faqs as Faq[]
    expect(faqs.map((f) => f.question)).toEqual([
      'Why did Ri Il-gyu decide to defect from North Korea?',
      'How did Ri Il-gyu manage to escape from Cuba to South Korea?',
      "What was Ri Il-gyu's role at the North Korean Embassy in Havana?",
      'How has this defection impacted North Korea-South Korea relations?',
    ])
    expect(blocks(faqs[0]?.answer)).toEqual([
      'Ri cited multiple factors, including unjust evaluations of his efforts, demands for bribes by North Korean officials, and being denied permission to seek medical treatment abroad.',
    ])
    expect(faqs.every((f) => (blocks(f.answer)[0]?.length ?? 0) > 50)).toBe(true)
  })

  describe('with an invalid file', () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'copydesk-content-'))
      await cp(contentDir, dir, { recursive: true })
      // A valid new author that must not be written, next to a broken FAQ and a broken article.
      await writeFile(
        path.join(dir, 'authors', 'new-reporter.md'),
        '---\nname: New Reporter\nslug: new-reporter\n---\n',
      )
      await writeFile(
        path.join(dir, 'faqs', 'broken.md'),
        '---\nslug: broken\n---\n\nAn answer without a question.\n',
      )
      await writeFile(
        path.join(dir, 'articles', 'bad-article.md'),
        `---\ntitle: ${'Long '.repeat(40)}\nslug: Bad_Slug\nauthors: [nobody]\npublishedAt: yesterday\n---\n\nBody.\n`,
      )
    })
    afterAll(async () => rm(dir, { recursive: true, force: true }))

    it('names every file, field and problem, and writes nothing', async () => {
      const before = await counts()
      const error = await seed({ payload, contentDir: dir }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ContentValidationError)
      const problems = (error as ContentValidationError).problems.map((p) => `${p.file} ${p.field}`)
      expect(problems).toEqual(
        expect.arrayContaining([
          'faqs/broken.md question',
          'articles/bad-article.md title',
          'articles/bad-article.md slug',
          'articles/bad-article.md publishedAt',
        ]),
      )
      expect((error as Error).message).toMatch(/nothing was written/)
      expect(await counts()).toEqual(before)
      const { totalDocs } = await payload.count({
        collection: 'authors',
        where: { slug: { equals: 'new-reporter' } },
      })
      expect(totalDocs).toBe(0)
    })
  })
})
