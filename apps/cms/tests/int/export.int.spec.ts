/**
 * The export (`npm run export`): published documents back to content files. The committed seed
 * comes back byte for byte, and what the export writes imports as unchanged, for every construct.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { contentDir } from '../../src/env'
import { exportContent } from '../../src/export/exportContent'
import { seed } from '../../src/seed/seed'
import {
  RICH_CONTENT_DIR,
  readContentTree,
  removeTempContent,
  tempContent,
  writeGeneratedContent,
} from '../helpers/content'
import { randomFrom } from '../helpers/markdown'
import { testPayload } from '../helpers/payload'

let payload: Payload

// Fixtures are written without announcing them: this file is about files, not the site.
const system = { overrideAccess: true, context: { disableRevalidate: true, workflowSystem: true } }

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(removeTempContent)

describe('export', () => {
  it('reproduces the committed content files byte for byte after importing them', async () => {
    await seed({ payload, contentDir, announce: false })
    const out = await tempContent()
    const summary = await exportContent({ payload, contentDir: out })
    expect(summary.counts).toEqual({
      topics: { created: 4, updated: 0, unchanged: 0 },
      authors: { created: 1, updated: 0, unchanged: 0 },
      faqs: { created: 4, updated: 0, unchanged: 0 },
      articles: { created: 1, updated: 0, unchanged: 0 },
    })
    expect(await readContentTree(out)).toEqual(await readContentTree(contentDir))

    // A second export into the same folder finds every file as it is.
    const again = await exportContent({ payload, contentDir: out })
    expect(again.counts.articles).toEqual({ created: 0, updated: 0, unchanged: 1 })
  })

  it('writes what the rich fixture and the admin made so that importing it changes nothing', async () => {
    await seed({ payload, contentDir: RICH_CONTENT_DIR, announce: false })
    // Written in the admin, never a file: a published story that reuses the fixture's body,
    // a draft that never went live, and a published FAQ with a newer draft over it.
    const [rich] = (
      await payload.find({
        collection: 'articles',
        where: { slug: { equals: 'havana-and-seoul-open-embassies-after-decades-apart' } },
        depth: 0,
        ...system,
      })
    ).docs
    if (!rich) throw new Error('the rich fixture was not imported')
    await payload.create({
      collection: 'articles',
      data: {
        title: 'Written in the admin',
        slug: 'written-in-the-admin',
        authors: rich.authors,
        body: rich.body,
        topics: ['Cuba'],
        publishedAt: '2024-10-01T08:30:00.000Z',
        _status: 'published',
        workflowState: 'published',
      } as never,
      ...system,
    })
    await payload.create({
      collection: 'articles',
      data: { title: 'Only a draft', slug: 'only-a-draft', authors: rich.authors },
      draft: true,
      ...system,
    })
    const [faq] = (
      await payload.find({
        collection: 'faqs',
        where: { slug: { equals: 'what-happens-to-defectors-after-they-arrive' } },
        depth: 0,
        ...system,
      })
    ).docs
    if (!faq) throw new Error('the rich fixture’s FAQ was not imported')
    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { question: 'A question still in review?' },
      draft: true,
      ...system,
    })

    const out = await tempContent()
    await exportContent({ payload, contentDir: out })
    const tree = await readContentTree(out)
    expect(Object.keys(tree)).toContain('articles/written-in-the-admin.md')
    expect(Object.keys(tree)).not.toContain('articles/only-a-draft.md')
    expect(tree['faqs/what-happens-to-defectors-after-they-arrive.md']).toContain(
      'question: What happens to defectors after they arrive?',
    )
    expect(tree['articles/written-in-the-admin.md']).toContain(
      'publishedAt: 2024-10-01T08:30:00.000Z',
    )
    // Topics are written by name, as people write them, and every topic has its own file.
    expect(tree['articles/written-in-the-admin.md']).toContain('topics:\n  - Cuba\n')
    expect(tree['topics/cuba.md']).toContain('name: Cuba\nslug: cuba\n')
    // The fixture's files come back as they were written.
    const fixture = await readContentTree(RICH_CONTENT_DIR)
    for (const [file, text] of Object.entries(fixture)) expect(tree[file], file).toBe(text)

    const summary = await seed({ payload, contentDir: out, announce: false })
    expect(summary).toEqual({
      topics: { created: 0, updated: 0, unchanged: 4 },
      authors: { created: 0, updated: 0, unchanged: 2 },
      // The FAQ with a draft over it is re-published as the file says: the import's rule.
      faqs: { created: 0, updated: 1, unchanged: 5 },
      articles: { created: 0, updated: 0, unchanged: 3 },
    })
  })

  it('writes generated documents so that importing them changes nothing, whatever Markdown they hold', async () => {
    const random = randomFrom(42)
    const dir = await tempContent()
    await writeGeneratedContent({ dir, random, count: 20 })
    await seed({ payload, contentDir: dir, announce: false })
    const out = await tempContent()
    await exportContent({ payload, contentDir: out })
    const summary = await seed({ payload, contentDir: out, announce: false })
    expect(summary.articles.updated).toBe(0)
    expect(summary.faqs.updated).toBe(0)
    expect(summary.authors.updated).toBe(0)
  })

  it('refuses a path that is a file, in one line', async () => {
    const dir = await tempContent()
    const file = path.join(dir, 'a-file')
    await writeFile(file, 'not a folder')
    await expect(exportContent({ payload, contentDir: file })).rejects.toThrow(
      `${file}: is not a folder`,
    )
  })
})
