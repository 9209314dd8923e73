/**
 * The database compatibility suite: Payload's real MongoDB adapter driven through every kind of
 * operation this CMS performs. It runs against whatever DATABASE_URI points at — the bundled
 * stand-in in CI, real MongoDB in production-like setups — and is the evidence behind the table
 * in docs/database.md.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { ValidationError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, Faq, Media } from '@copydesk/types/payload-types'

import { mediaDir } from '../../src/env'
import {
  FORMAT,
  heading,
  horizontalRule,
  link,
  list,
  paragraph,
  quote,
  root,
  text,
  upload,
} from '../helpers/lexical'
import { pngFile } from '../helpers/media'
import { testPayload, uid } from '../helpers/payload'

let payload: Payload
const created: { collection: 'articles' | 'faqs' | 'authors' | 'media'; id: string }[] = []

const track = <T extends { id: string }>(
  collection: (typeof created)[number]['collection'],
  doc: T,
): T => {
  created.push({ collection, id: doc.id })
  return doc
}

const makeAuthor = async (name: string, extra: Partial<Author> = {}) =>
  track(
    'authors',
    await payload.create({ collection: 'authors', data: { name, _status: 'published', ...extra } }),
  )

const makeFaq = async (question: string) =>
  track(
    'faqs',
    await payload.create({
      collection: 'faqs',
      data: {
        question,
        answer: root(paragraph(text(`Answer to ${question}`))),
        _status: 'published',
      },
    }),
  )

const makeArticle = async (data: Partial<Article> & { title: string }, draft = false) =>
  track(
    'articles',
    await payload.create({
      collection: 'articles',
      data: { _status: draft ? 'draft' : 'published', ...data },
      draft,
    }),
  )

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(async () => {
  for (const { collection, id } of created.reverse()) {
    await payload.delete({ collection, id }).catch(() => undefined)
  }
})

describe('documents', () => {
  it('creates, reads, updates and deletes', async () => {
    const author = await makeAuthor(`Crud Author ${uid()}`)
    const article = await makeArticle({ title: 'Crud headline', authors: [author.id] })
    expect(article.slug).toBe('crud-headline')

    const read = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(read.title).toBe('Crud headline')

    const updated = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { dek: 'A new dek' },
    })
    expect(updated.dek).toBe('A new dek')

    await payload.delete({ collection: 'articles', id: article.id })
    await expect(payload.findByID({ collection: 'articles', id: article.id })).rejects.toThrow(
      /not found/i,
    )
  })

  it('counts with a where clause', async () => {
    const tag = uid()
    const author = await makeAuthor(`Count Author ${tag}`)
    for (const n of [1, 2, 3])
      await makeArticle({ title: `Count ${tag} ${n}`, authors: [author.id] })
    const { totalDocs } = await payload.count({
      collection: 'articles',
      where: { title: { like: `Count ${tag}` } },
    })
    expect(totalDocs).toBe(3)
  })
})

describe('drafts and versions', () => {
  it('keeps a draft out of published reads until it is published', async () => {
    const author = await makeAuthor(`Draft Author ${uid()}`)
    const draft = await makeArticle({ title: `Draft only ${uid()}`, authors: [author.id] }, true)
    expect(draft._status).toBe('draft')

    const anonymous = await payload.find({
      collection: 'articles',
      where: { id: { equals: draft.id } },
      overrideAccess: false,
    })
    expect(anonymous.totalDocs).toBe(0)

    const published = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published' },
    })
    expect(published._status).toBe('published')
    const after = await payload.find({
      collection: 'articles',
      where: { id: { equals: draft.id } },
      overrideAccess: false,
    })
    expect(after.totalDocs).toBe(1)
  })

  it('serves the published version while a newer draft waits', async () => {
    const author = await makeAuthor(`Newer Author ${uid()}`)
    const article = await makeArticle({ title: 'Live headline', authors: [author.id] })

    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Pending headline' },
      draft: true,
    })

    const live = await payload.findByID({
      collection: 'articles',
      id: article.id,
      overrideAccess: false,
    })
    expect(live.title).toBe('Live headline')
    const latest = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(latest.title).toBe('Pending headline')
  })

  it('lists versions and restores an earlier one', async () => {
    const author = await makeAuthor(`Version Author ${uid()}`)
    const article = await makeArticle({ title: 'First take', authors: [author.id] })
    await payload.update({ collection: 'articles', id: article.id, data: { title: 'Second take' } })
    await payload.update({ collection: 'articles', id: article.id, data: { title: 'Third take' } })

    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      sort: 'createdAt',
      limit: 10,
    })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(3)
    const first = versions.docs.find((v) => v.version.title === 'First take')
    expect(first).toBeDefined()

    await payload.restoreVersion({ collection: 'articles', id: first?.id ?? '' })
    const restored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(restored.title).toBe('First take')
  })
})

describe('queries', () => {
  it('paginates a filtered, sorted find', async () => {
    const tag = uid()
    const author = await makeAuthor(`Page Author ${tag}`)
    for (let n = 1; n <= 7; n++) {
      await makeArticle({
        title: `Paged ${tag} ${n}`,
        authors: [author.id],
        publishedAt: new Date(Date.UTC(2024, 0, n)).toISOString(),
      })
    }
    const page2 = await payload.find({
      collection: 'articles',
      where: { and: [{ title: { like: `Paged ${tag}` } }, { _status: { equals: 'published' } }] },
      sort: '-publishedAt',
      limit: 3,
      page: 2,
      depth: 0,
    })
    expect(page2.totalDocs).toBe(7)
    expect(page2.totalPages).toBe(3)
    expect(page2.hasNextPage).toBe(true)
    expect(page2.docs.map((d) => d.title)).toEqual([
      `Paged ${tag} 4`,
      `Paged ${tag} 3`,
      `Paged ${tag} 2`,
    ])
  })

  it("filters and sorts by a relationship's field", async () => {
    const tag = uid()
    const zed = await makeAuthor(`Zed ${tag}`)
    const amy = await makeAuthor(`Amy ${tag}`)
    await makeArticle({ title: `By Zed ${tag}`, authors: [zed.id] })
    await makeArticle({ title: `By Amy ${tag}`, authors: [amy.id] })

    const byName = await payload.find({
      collection: 'articles',
      where: { 'authors.name': { equals: `Zed ${tag}` } },
      depth: 0,
    })
    expect(byName.docs.map((d) => d.title)).toEqual([`By Zed ${tag}`])

    const sorted = await payload.find({
      collection: 'articles',
      where: { title: { like: tag } },
      sort: 'authors.name',
      depth: 0,
    })
    expect(sorted.docs.map((d) => d.title)).toEqual([`By Amy ${tag}`, `By Zed ${tag}`])
  })

  it('supports in, not_in, exists, contains, like and or', async () => {
    const tag = uid()
    const author = await makeAuthor(`Ops Author ${tag}`)
    const a = await makeArticle({
      title: `Ops ${tag} alpha`,
      authors: [author.id],
      topics: ['Cuba'],
    })
    const b = await makeArticle({
      title: `Ops ${tag} beta`,
      authors: [author.id],
      dek: 'has a dek',
    })
    const ids = (r: { docs: { id: string }[] }) => r.docs.map((d) => d.id).sort()
    const scope = { title: { like: `Ops ${tag}` } }

    expect(
      ids(await payload.find({ collection: 'articles', where: { id: { in: [a.id] } } })),
    ).toEqual([a.id])
    expect(
      ids(
        await payload.find({
          collection: 'articles',
          where: { and: [scope, { id: { not_in: [a.id] } }] },
        }),
      ),
    ).toEqual([b.id])
    expect(
      ids(
        await payload.find({
          collection: 'articles',
          where: { and: [scope, { dek: { exists: true } }] },
        }),
      ),
    ).toEqual([b.id])
    expect(
      ids(
        await payload.find({
          collection: 'articles',
          where: { and: [scope, { title: { contains: 'alph' } }] },
        }),
      ),
    ).toEqual([a.id])
    expect(
      ids(
        await payload.find({
          collection: 'articles',
          where: { and: [scope, { 'topics.slug': { equals: 'cuba' } }] },
        }),
      ),
    ).toEqual([a.id])
    expect(
      ids(
        await payload.find({
          collection: 'articles',
          where: { or: [{ id: { equals: a.id } }, { id: { equals: b.id } }] },
        }),
      ),
    ).toEqual([a.id, b.id].sort())
  })
})

describe('constraints', () => {
  it('refuses a duplicate slug with an error naming the field', async () => {
    const author = await makeAuthor(`Unique Author ${uid()}`)
    const slug = `unique-${uid()}`
    await makeArticle({ title: 'One', slug, authors: [author.id] })
    const error = await payload
      .create({
        collection: 'articles',
        data: { title: 'Two', slug, authors: [author.id], _status: 'published' },
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).data.errors.map((e) => e.path)).toContain('slug')
  })
})

describe('relationships', () => {
  it('adds and removes hasMany items, and the removal persists', async () => {
    const [q1, q2, q3] = [
      await makeFaq(`Q1 ${uid()}?`),
      await makeFaq(`Q2 ${uid()}?`),
      await makeFaq(`Q3 ${uid()}?`),
    ]
    const author = await makeAuthor(`Rel Author ${uid()}`)
    const article = await makeArticle({
      title: `Rel ${uid()}`,
      authors: [author.id],
      faqs: [q1.id],
    })

    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { faqs: [q1.id, q2.id, q3.id] },
    })
    const added = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(added.faqs).toEqual([q1.id, q2.id, q3.id])

    await payload.update({ collection: 'articles', id: article.id, data: { faqs: [q3.id, q1.id] } })
    const removed = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(removed.faqs).toEqual([q3.id, q1.id])

    // Read the stored document itself, past Payload's read path, to prove the removal was written.
    const raw = await payload.db.collections.articles?.findById(article.id).lean()
    expect((raw as { faqs?: unknown[] } | null)?.faqs?.map(String)).toEqual([q3.id, q1.id])

    await payload.update({ collection: 'articles', id: article.id, data: { faqs: [] } })
    const cleared = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(cleared.faqs ?? []).toEqual([])
  })

  it('populates to depth 2', async () => {
    const avatar = track(
      'media',
      await payload.create({
        collection: 'media',
        data: { alt: 'Portrait' },
        file: await pngFile({ width: 400, height: 400, name: 'avatar.png' }),
      }),
    )
    const author = await makeAuthor(`Deep Author ${uid()}`, { avatar: avatar.id })
    const faq = await makeFaq(`Deep question ${uid()}?`)
    const article = await makeArticle({
      title: `Deep ${uid()}`,
      authors: [author.id],
      faqs: [faq.id],
    })

    const doc = await payload.findByID({ collection: 'articles', id: article.id, depth: 2 })
    const [populatedAuthor] = doc.authors as Author[]
    expect(populatedAuthor?.name).toBe(author.name)
    expect((populatedAuthor?.avatar as Media).alt).toBe('Portrait')
    expect((doc.faqs as Faq[])[0]?.question).toBe(faq.question)

    const shallow = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(shallow.authors).toEqual([author.id])
  })
})

describe('uploads', () => {
  it('stores an image with every resized variant', async () => {
    const media = track(
      'media',
      await payload.create({
        collection: 'media',
        data: { alt: 'A test image' },
        file: await pngFile({ name: `hero-${uid()}.png` }),
      }),
    )
    expect(media.width).toBe(1600)
    expect(media.mimeType).toBe('image/png')
    for (const [size, expected] of Object.entries({
      thumbnail: [320, 320],
      card: [768, 432],
      og: [1200, 630],
    })) {
      const variant = media.sizes?.[size as 'thumbnail' | 'card' | 'og']
      expect([variant?.width, variant?.height]).toEqual(expected)
      expect(existsSync(path.join(mediaDir, variant?.filename ?? 'missing'))).toBe(true)
    }
    expect(existsSync(path.join(mediaDir, media.filename ?? 'missing'))).toBe(true)
  })

  it('refuses an upload without alt text, naming the field', async () => {
    const error = await payload
      .create({
        collection: 'media',
        data: {} as never,
        file: await pngFile({ name: `no-alt-${uid()}.png` }),
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    expect((error as ValidationError).data.errors.map((e) => e.path)).toEqual(['alt'])
  })
})

describe('rich text', () => {
  it('round-trips every feature the editor enables', async () => {
    const image = track(
      'media',
      await payload.create({
        collection: 'media',
        data: { alt: 'Inline image' },
        file: await pngFile({ width: 800, height: 450, name: `inline-${uid()}.png` }),
      }),
    )
    const author = await makeAuthor(`Lexical Author ${uid()}`)
    const target = await makeArticle({ title: `Link target ${uid()}`, authors: [author.id] })
    const body = root(
      heading('h2', 'A subheading'),
      heading('h3', 'A smaller one'),
      heading('h4', 'The smallest'),
      paragraph(
        text('Plain, '),
        text('bold, ', FORMAT.bold),
        text('italic, ', FORMAT.italic),
        text('underlined, ', FORMAT.underline),
        text('struck', FORMAT.strikethrough),
        text(' and '),
        link('an external link', {
          linkType: 'custom',
          url: 'https://example.com/story',
          newTab: true,
        }),
        text(' and '),
        link('an internal link', {
          linkType: 'internal',
          doc: { relationTo: 'articles', value: target.id },
          newTab: false,
        }),
      ),
      list('bullet', ['First point', 'Second point']),
      list('number', ['Step one', 'Step two']),
      quote('“A pull quote,” the source said.'),
      upload(image.id),
      horizontalRule(),
      paragraph(text('The end.')),
    )
    const article = await makeArticle({
      title: `Lexical ${uid()}`,
      authors: [author.id],
      body: body as Article['body'],
    })
    const stored = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(stored.body).toEqual(body)
  })
})

describe('bulk operations', () => {
  it('updates and deletes by where', async () => {
    const tag = uid()
    const author = await makeAuthor(`Bulk Author ${tag}`)
    for (const n of [1, 2]) await makeArticle({ title: `Bulk ${tag} ${n}`, authors: [author.id] })
    const where = { title: { like: `Bulk ${tag}` } }
    const updated = await payload.update({
      collection: 'articles',
      where,
      data: { dek: 'bulk dek' },
    })
    expect(updated.docs.map((d) => d.dek)).toEqual(['bulk dek', 'bulk dek'])
    const deleted = await payload.delete({ collection: 'articles', where })
    expect(deleted.docs).toHaveLength(2)
    expect((await payload.count({ collection: 'articles', where })).totalDocs).toBe(0)
  })
})

describe('transactions', () => {
  it('runs them where the server does (DocumentDB, a replica set) and rolls back what was written', async () => {
    const db = payload.db as unknown as {
      connection: {
        db?: { admin(): { command(c: object): Promise<{ msg?: string; setName?: string }> } }
      }
    }
    const hello = await db.connection.db
      ?.admin()
      .command({ hello: 1 })
      .catch(() => undefined)
    const runsTransactions = hello?.msg === 'isdbgrid' || typeof hello?.setName === 'string'
    const transactionID = await payload.db.beginTransaction()
    if (!runsTransactions) {
      // The stand-in: Payload writes without them (docs/database.md).
      expect(transactionID).toBeNull()
      return
    }
    expect(transactionID).toBeTruthy()
    const name = `Rolled back ${uid()}`
    await payload.create({
      collection: 'authors',
      data: { name, _status: 'published' },
      req: { transactionID: transactionID as string },
    })
    await payload.db.rollbackTransaction(transactionID as string)
    const found = await payload.count({ collection: 'authors', where: { name: { equals: name } } })
    expect(found.totalDocs).toBe(0)
  })
})
