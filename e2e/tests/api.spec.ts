import type { APIRequestContext } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { E2E } from '../env'
import { apiSignIn, workflowAction } from '../workflow'

const SLUG = 'north-korean-diplomat-assigned-to-cuba-defects-to-south-korea'

const login = async (request: APIRequestContext, email: string) => {
  const res = await request.post('/api/users/login', { data: { email, password: E2E.password } })
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { token: string }).token
}

test.describe('anonymous readers over REST and GraphQL', () => {
  test('read the published article with its byline and questions', async ({ request }) => {
    const res = await request.get(`/api/articles?where[slug][equals]=${SLUG}&depth=1`)
    expect(res.status()).toBe(200)
    const { docs } = (await res.json()) as {
      docs: { title: string; authors: { name: string }[]; faqs: unknown[] }[]
    }
    expect(docs).toHaveLength(1)
    expect(docs[0]?.authors.map((a) => a.name)).toEqual(['Claire Jimenez'])
    expect(docs[0]?.faqs).toHaveLength(4)
  })

  test('never see users or author emails', async ({ request }) => {
    expect((await request.get('/api/users')).status()).toBe(403)
    const authors = await (await request.get('/api/authors')).json()
    expect(JSON.stringify(authors)).not.toMatch(/"email"/)

    const gql = await request.post('/api/graphql', {
      data: { query: '{ Users { docs { email } } }' },
    })
    const body = (await gql.json()) as { errors?: { message: string }[]; data?: { Users: unknown } }
    expect(body.data?.Users ?? null).toBeNull()
    expect(body.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  test('never see a draft, on REST or GraphQL', async ({ request }) => {
    const token = await login(request, 'writer@example.com')
    const created = await request.post('/api/articles?draft=true', {
      headers: { authorization: `JWT ${token}` },
      data: { title: 'An embargoed draft about talks' },
    })
    expect(created.status()).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: string } }

    expect((await request.get(`/api/articles/${doc.id}`)).status()).toBe(404)
    const list = await (await request.get('/api/articles?limit=100')).json()
    expect(JSON.stringify(list)).not.toContain('embargoed')
    const gql = await request.post('/api/graphql', {
      data: { query: '{ Articles(limit: 100, draft: true) { docs { title } } }' },
    })
    expect(JSON.stringify(await gql.json())).not.toContain('embargoed')

    const editor = await login(request, 'editor@example.com')
    expect(
      (
        await request.delete(`/api/articles/${doc.id}`, {
          headers: { authorization: `JWT ${editor}` },
        })
      ).status(),
    ).toBe(200)
  })
})

test.describe('bad input is a 400 that names the field', () => {
  const cases: { name: string; data: Record<string, unknown>; field: string }[] = [
    {
      name: 'a slug that is not kebab-case',
      data: { title: 'Fine', slug: 'Not A Slug' },
      field: 'slug',
    },
    { name: 'a missing title', data: { slug: 'no-title-here' }, field: 'title' },
    { name: 'a title over 160 characters', data: { title: 'x'.repeat(161) }, field: 'title' },
  ]
  // A draft may be incomplete, but what it holds must be valid and it needs its headline: a bad
  // slug or headline is refused as the draft is saved, naming the field, and nothing is stored.
  // The rest (byline, dek, …) applies when an editor approves or publishes (the pre-publish
  // checklist at Approve, the field rules at Publish): that refusal names the field and changes
  // nothing either, the document stays where it was and off the site.
  const refusedPublish = async (request: APIRequestContext, data: Record<string, unknown>) => {
    const editor = await apiSignIn(request, 'editor@example.com')
    const created = await request.post('/api/articles?draft=true', {
      headers: { authorization: editor.authorization },
      data: {
        dek: 'A story refused by the end-to-end check.',
        topics: ['Checks'],
        meta: { title: 'A refused story' },
        ...data,
      },
    })
    expect(created.status()).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: string } }
    expect(
      (
        await workflowAction(request, {
          id: doc.id,
          headers: editor,
          action: 'submit',
          reviewer: editor.userId,
        })
      ).ok(),
    ).toBe(true)
    const approved = await workflowAction(request, {
      id: doc.id,
      headers: editor,
      action: 'approve',
    })
    const res = approved.ok()
      ? await workflowAction(request, { id: doc.id, headers: editor, action: 'publish' })
      : approved
    const panel = await request.get(`/api/articles/${doc.id}/workflow`, {
      headers: { authorization: editor.authorization },
    })
    expect(((await panel.json()) as { state: string; isLive: boolean }).state).toBe(
      approved.ok() ? 'approved' : 'in_review',
    )
    expect((await request.get(`/api/articles/${doc.id}`)).status()).toBe(404)
    await request.delete(`/api/articles/${doc.id}`, {
      headers: { authorization: editor.authorization },
    })
    return res
  }

  for (const { name, data, field } of cases) {
    test(name, async ({ request }) => {
      const editor = await apiSignIn(request, 'editor@example.com')
      const drafts = async () =>
        (
          (await (
            await request.get('/api/articles?draft=true&limit=1&depth=0', {
              headers: { authorization: editor.authorization },
            })
          ).json()) as { totalDocs: number }
        ).totalDocs
      const before = await drafts()
      const authors = (await (await request.get('/api/authors?limit=1')).json()) as {
        docs: { id: string }[]
      }
      const res = await request.post('/api/articles?draft=true', {
        headers: { authorization: editor.authorization },
        data: {
          dek: 'A draft refused by the end-to-end check.',
          authors: [authors.docs[0]?.id],
          ...data,
        },
      })
      expect(res.status()).toBe(400)
      const body = (await res.json()) as {
        errors: { data?: { errors: { path: string; message: string }[] } }[]
      }
      const paths = body.errors.flatMap((e) => e.data?.errors.map((d) => d.path) ?? [])
      expect(paths).toContain(field)
      expect(await drafts()).toBe(before)
    })
  }

  test('publishing without an author', async ({ request }) => {
    const res = await refusedPublish(request, { title: 'A story with no byline' })
    expect(res.status()).toBe(400)
    expect(await res.json()).toEqual({
      errors: [
        {
          name: 'ValidationError',
          message: 'The following field is invalid: Byline',
          data: {
            errors: [
              {
                path: 'authors',
                label: 'Byline',
                message: 'An article needs at least one author before it is published.',
              },
            ],
          },
        },
      ],
    })
  })
})
