/**
 * What the CMS tells the reader site when readers could see a change, and how it keeps the news
 * when the site cannot take it. A small HTTP server stands in for the site's revalidate route.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Article, Author } from '@copydesk/types/payload-types'

import { pngFile } from '../helpers/media'
import type { SiteReceiver } from '../helpers/siteReceiver'
import { startSiteReceiver } from '../helpers/siteReceiver'

const SECRET = 'revalidate-spec-secret-0123456789'

type Created = { collection: 'articles' | 'authors' | 'faqs' | 'media'; id: string }

let payload: Payload
let receiver: SiteReceiver
let uid: () => string
const created: Created[] = []

// The seed's flag: fixtures are written without announcing them, so each test sees only the
// requests its own change caused.
const quietly = { context: { disableRevalidate: true } }

beforeAll(async () => {
  receiver = await startSiteReceiver({ secret: SECRET })
  // The CMS reads its environment when the config is first imported, so the config (through the
  // helper) is imported only after this file's receiver is known.
  process.env.WEB_URL = receiver.url
  process.env.REVALIDATE_SECRET = SECRET
  const helpers = await import('../helpers/payload')
  uid = helpers.uid
  payload = await helpers.testPayload()
})

beforeEach(() => {
  receiver.mode = 'ok'
  receiver.requests.length = 0
})

afterAll(async () => {
  for (const { collection, id } of created.reverse()) {
    await payload.delete({ collection, id, ...quietly }).catch(() => undefined)
  }
  await payload
    .delete({ collection: 'payload-jobs', where: { taskSlug: { equals: 'revalidate' } } })
    .catch(() => undefined)
  await receiver.stop()
})

const track = <T extends { id: string }>(collection: Created['collection'], doc: T): T => {
  created.push({ collection, id: doc.id })
  return doc
}

const createAuthor = async (data: Partial<Author> = {}) =>
  track(
    'authors',
    await payload.create({
      collection: 'authors',
      data: { name: `Reporter ${uid()}`, _status: 'published', ...data },
      ...quietly,
    }),
  )

const createArticle = async (data: Partial<Article> & { authors: string[] }, isDraft = false) =>
  track(
    'articles',
    await payload.create({
      collection: 'articles',
      data: { title: `Story ${uid()}`, ...data, _status: isDraft ? 'draft' : 'published' },
      draft: isDraft,
      ...quietly,
    }),
  )

/** The tag lists the site accepted, sorted so tests state sets rather than orders. */
const accepted = () =>
  receiver.requests
    .filter((request) => request.status === 200)
    .map((request) => [...(request.tags as string[])].sort())

const revalidateJobs = async () =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'revalidate' } },
      pagination: false,
      depth: 0,
    })
  ).docs

describe('announcing changes to the reader site', () => {
  it('announces a publish: the lists, the article, its authors and topics, with the secret', async () => {
    const author = await createAuthor()
    const article = await createArticle(
      { authors: [author.id], topics: ['North Korea', 'Défense & Security'] },
      true,
    )
    expect(receiver.requests).toEqual([])

    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } })

    expect(receiver.requests).toEqual([
      {
        authorization: `Bearer ${SECRET}`,
        status: 200,
        tags: [
          'articles',
          `articles:${article.slug}`,
          `authors:${author.slug}`,
          'topics:north-korea',
          'topics:defense-security',
        ],
      },
    ])
  })

  it('announces nothing for drafts and autosaves, and the old slug too when a rename is published', async () => {
    const author = await createAuthor()
    const article = await createArticle({ authors: [author.id] })
    const renamed = `renamed-${uid()}`

    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'A better headline', slug: renamed },
      draft: true,
    })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { dek: 'Typed, autosaved.' },
      draft: true,
      autosave: true,
    })
    expect(receiver.requests).toEqual([])

    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    // The story's pages, old address and new; and, as the old address now redirects, the
    // redirects (a request of its own, from the redirects collection).
    expect([...accepted()].sort((a, b) => a.length - b.length)).toEqual([
      ['redirects'],
      [
        'articles',
        `articles:${article.slug}`,
        `articles:${renamed}`,
        `authors:${author.slug}`,
      ].sort(),
    ])
  })

  it('announces an unpublish with what readers saw, even with a newer draft in between', async () => {
    const author = await createAuthor()
    const article = await createArticle({ authors: [author.id], topics: ['Cuba'] })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: `draft-only-${uid()}`, topics: ['Elsewhere'] },
      draft: true,
    })
    // Naming a new topic creates it, and a topic is live at once (no drafts): its page and the
    // topic list are announced; nothing of the draft story is.
    expect(accepted()).toEqual([['topics', 'topics:elsewhere']])
    receiver.requests.length = 0

    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })

    expect(accepted()).toEqual([
      ['articles', `articles:${article.slug}`, `authors:${author.slug}`, 'topics:cuba'].sort(),
    ])
    const { totalDocs } = await payload.count({
      collection: 'articles',
      where: { id: { equals: article.id } },
      overrideAccess: false,
    })
    expect(totalDocs).toBe(0)
  })

  it('announces a delete of a published article, and not of a draft', async () => {
    const author = await createAuthor()
    const published = await createArticle({ authors: [author.id] })
    const draft = await createArticle({ authors: [author.id] }, true)

    await payload.delete({ collection: 'articles', id: draft.id })
    expect(receiver.requests).toEqual([])
    await payload.delete({ collection: 'articles', id: published.id })
    expect(accepted()).toEqual([
      ['articles', `articles:${published.slug}`, `authors:${author.slug}`].sort(),
    ])
  })

  it('announces an author change to the published articles that credit them', async () => {
    const author = await createAuthor()
    const credited = await createArticle({ authors: [author.id] })
    await createArticle({ authors: [author.id] }, true)

    await payload.update({
      collection: 'authors',
      id: author.id,
      data: { role: 'Draft role' },
      draft: true,
    })
    expect(receiver.requests).toEqual([])

    await payload.update({
      collection: 'authors',
      id: author.id,
      data: { role: 'Senior Correspondent', _status: 'published' },
    })
    expect(accepted()).toEqual([
      ['authors', `authors:${author.slug}`, 'articles', `articles:${credited.slug}`].sort(),
    ])
  })

  it('announces an FAQ change to the published articles that list it', async () => {
    const author = await createAuthor()
    const faq = track(
      'faqs',
      await payload.create({
        collection: 'faqs',
        data: { question: `Who is Ri ${uid()}?`, _status: 'published' },
        ...quietly,
      }),
    )
    const article = await createArticle({ authors: [author.id], faqs: [faq.id] })

    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { question: 'Who is Ri Il-gyu?', _status: 'published' },
    })
    expect(accepted()).toEqual([
      ['faqs', `faqs:${faq.slug}`, 'articles', `articles:${article.slug}`].sort(),
    ])
  })

  it('announces an image change to the articles and authors that show it', async () => {
    const image = track(
      'media',
      await payload.create({
        collection: 'media',
        data: { alt: 'A harbour at dawn' },
        file: await pngFile({ width: 64, height: 36, name: `harbour-${uid()}.png` }),
      }),
    )
    expect(receiver.requests).toEqual([])
    const author = await createAuthor({ avatar: image.id })
    const credited = await createArticle({ authors: [author.id] })
    const other = await createAuthor()
    const hero = await createArticle({ authors: [other.id], hero: { image: image.id } })

    await payload.update({ collection: 'media', id: image.id, data: { alt: 'Havana harbour' } })

    expect(accepted()).toEqual([
      [
        'media',
        `media:${image.id}`,
        'articles',
        `articles:${credited.slug}`,
        `articles:${hero.slug}`,
        'authors',
        `authors:${author.slug}`,
      ].sort(),
    ])
  })

  it('announces nothing for writes with the seed context', async () => {
    const author = await createAuthor()
    const article = await createArticle({ authors: [author.id] }, true)
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' },
      ...quietly,
    })
    await payload.update({
      collection: 'authors',
      id: author.id,
      data: { role: 'Editor' },
      ...quietly,
    })
    expect(receiver.requests).toEqual([])
  })
})

describe('when the reader site cannot take the news', () => {
  it('saves anyway, queues the tags, and delivers them once the site is back', async () => {
    const warn = vi.spyOn(payload.logger, 'warn')
    const author = await createAuthor()
    const articles = await Promise.all(
      [1, 2, 3].map(() => createArticle({ authors: [author.id] }, true)),
    )
    const publish = (article: Article) =>
      payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    const [down, failing, hung] = articles as [Article, Article, Article]

    await receiver.stop()
    expect((await publish(down))._status).toBe('published')

    // The mode is set first so that the poller never finds the site answering in between.
    receiver.mode = 'error'
    await receiver.start()
    expect((await publish(failing))._status).toBe('published')

    receiver.mode = 'hang'
    const startedAt = Date.now()
    expect((await publish(hung))._status).toBe('published')
    // The save waited for the site's timeout (2 s), not for the site.
    expect(Date.now() - startedAt).toBeLessThan(5_000)

    const warnings = warn.mock.calls
      .map((call) => call.find((argument) => typeof argument === 'string') ?? '')
      .filter((message) => message.startsWith('Could not revalidate the reader site'))
    expect(warnings).toHaveLength(3)
    warn.mockRestore()

    const tagsOf = (article: Article) =>
      ['articles', `articles:${article.slug}`, `authors:${author.slug}`].sort()
    const queued = (await revalidateJobs()).map((job) =>
      [...(job.input as { tags: string[] }).tags].sort(),
    )
    expect(queued).toEqual(expect.arrayContaining(articles.map(tagsOf)))
    expect(accepted()).toEqual([])

    // The queue's poller tries while the site still hangs; the job stays queued for a retry.
    await vi.waitFor(
      async () => {
        const jobs = await revalidateJobs()
        expect(jobs.some((job) => (job.totalTried ?? 0) >= 1)).toBe(true)
        expect(jobs.every((job) => !job.hasError)).toBe(true)
      },
      { timeout: 20_000, interval: 500 },
    )

    receiver.mode = 'ok'
    await vi.waitFor(
      async () => {
        expect(accepted()).toEqual(expect.arrayContaining(articles.map(tagsOf)))
        // Delivered jobs are deleted.
        expect(await revalidateJobs()).toEqual([])
      },
      { timeout: 40_000, interval: 500 },
    )
    for (const request of receiver.requests.filter((r) => r.status === 200)) {
      expect(request.authorization).toBe(`Bearer ${SECRET}`)
    }
  })
})
