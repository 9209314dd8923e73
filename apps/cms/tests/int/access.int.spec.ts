/**
 * What an anonymous reader can reach through the Local API with access checks on
 * (`overrideAccess: false`), which is the same code path REST and GraphQL take.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@copydesk/types/payload-types'

import { testPayload, uid } from '../helpers/payload'

let payload: Payload
const ids: { collection: 'articles' | 'authors' | 'faqs' | 'users'; id: string }[] = []
let writer: User
let admin: User
let authorId: string
let draftId: string
let publishedId: string

beforeAll(async () => {
  payload = await testPayload()
  const tag = uid()
  admin = await payload.create({
    collection: 'users',
    data: {
      email: `admin-${tag}@example.com`,
      name: 'Admin',
      roles: ['admin'],
      password: 'a-long-password',
    },
  })
  writer = await payload.create({
    collection: 'users',
    data: {
      email: `writer-${tag}@example.com`,
      name: 'Writer',
      roles: ['writer'],
      password: 'a-long-password',
    },
  })
  const author = await payload.create({
    collection: 'authors',
    data: {
      name: `Access Author ${tag}`,
      email: `byline-${tag}@example.com`,
      _status: 'published',
    },
  })
  authorId = author.id
  const draft = await payload.create({
    collection: 'articles',
    data: { title: `Secret draft ${tag}`, authors: [author.id] },
    draft: true,
  })
  draftId = draft.id
  const published = await payload.create({
    collection: 'articles',
    data: { title: `Public story ${tag}`, authors: [author.id], _status: 'published' },
  })
  publishedId = published.id
  await payload.update({
    collection: 'articles',
    id: published.id,
    data: { title: `Unreleased rewrite ${tag}` },
    draft: true,
  })
  ids.push(
    { collection: 'articles', id: draftId },
    { collection: 'articles', id: publishedId },
    { collection: 'authors', id: authorId },
    { collection: 'users', id: writer.id },
    { collection: 'users', id: admin.id },
  )
})

afterAll(async () => {
  for (const { collection, id } of ids)
    await payload.delete({ collection, id }).catch(() => undefined)
})

describe('anonymous readers', () => {
  it('never see a draft', async () => {
    const found = await payload.find({
      collection: 'articles',
      where: { id: { equals: draftId } },
      overrideAccess: false,
    })
    expect(found.totalDocs).toBe(0)
    await expect(
      payload.findByID({ collection: 'articles', id: draftId, overrideAccess: false }),
    ).rejects.toThrow()
    const asDraft = await payload.find({
      collection: 'articles',
      where: { id: { equals: draftId } },
      draft: true,
      overrideAccess: false,
    })
    expect(asDraft.totalDocs).toBe(0)
  })

  it('see the published version, never its newer draft', async () => {
    const doc = await payload.findByID({
      collection: 'articles',
      id: publishedId,
      overrideAccess: false,
    })
    expect(doc.title).toMatch(/^Public story/)
    const asked = await payload.findByID({
      collection: 'articles',
      id: publishedId,
      draft: true,
      overrideAccess: false,
    })
    expect(asked.title).toMatch(/^Public story/)
  })

  it('cannot list or read users', async () => {
    await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow(
      /not allowed/i,
    )
    await expect(
      payload.findByID({ collection: 'users', id: writer.id, overrideAccess: false }),
    ).rejects.toThrow()
  })

  it("never see an author's email", async () => {
    const author = await payload.findByID({
      collection: 'authors',
      id: authorId,
      overrideAccess: false,
    })
    expect(author.name).toMatch(/^Access Author/)
    expect(author).not.toHaveProperty('email')
    const populated = await payload.findByID({
      collection: 'articles',
      id: publishedId,
      depth: 1,
      overrideAccess: false,
    })
    expect(JSON.stringify(populated)).not.toContain('@example.com')
  })

  it('cannot write anything', async () => {
    await expect(
      payload.create({ collection: 'articles', data: { title: 'Vandal' }, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      payload.update({
        collection: 'articles',
        id: publishedId,
        data: { title: 'Vandal' },
        overrideAccess: false,
      }),
    ).rejects.toThrow(/not allowed/i)
  })
})

describe('staff', () => {
  it('see drafts and author emails', async () => {
    const draft = await payload.findByID({
      collection: 'articles',
      id: draftId,
      draft: true,
      overrideAccess: false,
      user: writer,
    })
    expect(draft.title).toMatch(/^Secret draft/)
    const author = await payload.findByID({
      collection: 'authors',
      id: authorId,
      overrideAccess: false,
      user: writer,
    })
    expect(author.email).toMatch(/^byline-/)
  })

  it('writers see only their own account and cannot promote themselves', async () => {
    const users = await payload.find({ collection: 'users', overrideAccess: false, user: writer })
    expect(users.docs.map((u) => u.id)).toEqual([writer.id])
    const updated = await payload.update({
      collection: 'users',
      id: writer.id,
      data: { roles: ['admin'], name: 'Writer renamed' },
      overrideAccess: false,
      user: writer,
    })
    expect(updated.roles).toEqual(['writer'])
    expect(updated.name).toBe('Writer renamed')
  })

  it('only admins create users', async () => {
    const data = {
      email: `new-${uid()}@example.com`,
      name: 'New',
      roles: ['writer' as const],
      password: 'a-long-password',
    }
    await expect(
      payload.create({ collection: 'users', data, overrideAccess: false, user: writer }),
    ).rejects.toThrow(/not allowed/i)
    const made = await payload.create({
      collection: 'users',
      data,
      overrideAccess: false,
      user: admin,
    })
    ids.push({ collection: 'users', id: made.id })
    expect(made.roles).toEqual(['writer'])
  })
})
