/**
 * Redirects on slug change: a published story's old address leads to the story, whatever way its
 * slug changed (Local API as the workflow and imports write, REST, GraphQL, version restore); a
 * draft's slug changes leave nothing behind; chains collapse; a slug taken again frees its old
 * redirect. Only admins write redirects by hand, editors delete them, writers neither, and bad
 * input answers 400 naming the field.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Redirect, User } from '@copydesk/types/payload-types'

import type { CmsServer } from '../helpers/http'
import { login, startCmsServer } from '../helpers/http'
import { testPayload, uid } from '../helpers/payload'

type Actor = 'anonymous' | 'writer' | 'editor' | 'admin'

let payload: Payload
let server: CmsServer
let authorId: string
const password = 'redirects-password-123'
const people = {} as Record<Exclude<Actor, 'anonymous'>, User & { auth: string }>
const created: { collection: 'articles' | 'authors' | 'users'; id: string }[] = []

// How the workflow, the scheduler and the content import write: no user, no announcement. A
// fresh context per call: Payload keeps per-write notes in it.
const system = () => ({ context: { workflowSystem: true, disableRevalidate: true } })

const call = async (who: Actor, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(who === 'anonymous' ? {} : { authorization: people[who].auth }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, text: await response.text() }
}
const graphql = (who: Actor, query: string) => call(who, 'POST', '/graphql', { query })

/** A published story at `slug`. */
const publishStory = async (slug: string) => {
  const doc = await payload.create({
    collection: 'articles',
    data: {
      title: `Redirect story ${slug}`,
      slug,
      authors: [authorId],
      dek: 'A story that moves.',
      topics: ['Redirects'],
      workflowState: 'published',
      _status: 'published',
    },
    ...system(),
  })
  created.push({ collection: 'articles', id: String(doc.id) })
  return String(doc.id)
}

/** Publishes the story under a new slug, as a workflow move or an import does. */
const republishAs = (id: string, slug: string) =>
  payload.update({
    collection: 'articles',
    id,
    data: { slug, workflowState: 'published', _status: 'published' },
    ...system(),
  })

const redirectFrom = async (slug: string): Promise<Redirect | null> => {
  const { docs } = await payload.find({
    collection: 'redirects',
    where: { from: { equals: `/articles/${slug}` } },
    depth: 0,
    limit: 1,
  })
  return docs[0] ?? null
}

const storyOf = (redirect: Redirect | null) => {
  const value = redirect?.to?.reference?.value
  return typeof value === 'object' ? value.id : (value ?? null)
}

/** What the reader site reads: the redirect with its story, as an anonymous client. */
const readerLookup = async (slug: string) => {
  const answer = await call(
    'anonymous',
    'GET',
    `/redirects?where[from][equals]=${encodeURIComponent(`/articles/${slug}`)}&depth=1`,
  )
  const { docs } = JSON.parse(answer.text) as { docs: Redirect[] }
  const story = docs[0]?.to?.reference?.value
  return typeof story === 'object' ? story.slug : null
}

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const tag = uid()
  // The first account in an empty database becomes an admin, so the admin goes first.
  for (const role of ['admin', 'editor', 'writer'] as const) {
    const user = await payload.create({
      collection: 'users',
      data: {
        email: `${role}-rd-${tag}@example.com`,
        name: `${role} ${tag}`,
        roles: [role],
        password,
      },
    })
    created.push({ collection: 'users', id: String(user.id) })
    people[role] = { ...user, auth: await login({ url: server.url, email: user.email, password }) }
  }
  const author = await payload.create({
    collection: 'authors',
    data: { name: `Redirects byline ${tag}`, _status: 'published', workflowState: 'published' },
    ...system(),
  })
  authorId = String(author.id)
  created.push({ collection: 'authors', id: authorId })
}, 120_000)

afterAll(async () => {
  await payload.delete({ collection: 'redirects', where: { from: { like: '/articles/rd-' } } })
  for (const { collection, id } of created.reverse())
    await payload
      .delete({ collection, id, overrideAccess: true, ...system() })
      .catch(() => undefined)
  await server?.stop()
})

describe('a published story’s slug change', () => {
  it('leaves the old address leading to the story, and the reader site can read it', async () => {
    const tag = uid()
    const id = await publishStory(`rd-first-${tag}`)
    expect(await redirectFrom(`rd-first-${tag}`)).toBeNull()
    await republishAs(id, `rd-second-${tag}`)
    const redirect = await redirectFrom(`rd-first-${tag}`)
    expect(storyOf(redirect)).toBe(id)
    expect(redirect?.to?.type).toBe('reference')
    expect(await readerLookup(`rd-first-${tag}`)).toBe(`rd-second-${tag}`)
    // The admin list's "To" column: the story's current address.
    const listed = await payload.findByID({ collection: 'redirects', id: String(redirect?.id) })
    expect(listed.toAddress).toBe(`/articles/rd-second-${tag}`)
  })

  it('collapses chains: A → B → C leaves A and B leading to C in one hop', async () => {
    const tag = uid()
    const [a, b, c] = ['a', 'b', 'c'].map((name) => `rd-chain-${name}-${tag}`) as [
      string,
      string,
      string,
    ]
    const id = await publishStory(a)
    await republishAs(id, b)
    await republishAs(id, c)
    expect(storyOf(await redirectFrom(a))).toBe(id)
    expect(storyOf(await redirectFrom(b))).toBe(id)
    expect(await redirectFrom(c)).toBeNull()
    expect(await readerLookup(a)).toBe(c)
    expect(await readerLookup(b)).toBe(c)

    // Back to A: A is the story's address again and no longer redirects; B and C now do.
    await republishAs(id, a)
    expect(await redirectFrom(a)).toBeNull()
    expect(await readerLookup(b)).toBe(a)
    expect(await readerLookup(c)).toBe(a)
  })

  it('leaves nothing behind for a draft’s slug changes, even on a published story', async () => {
    const tag = uid()
    const id = await publishStory(`rd-live-${tag}`)
    // Editors edit a live story as a draft on top of it (REST, as the admin form saves).
    const saved = await call('editor', 'PATCH', `/articles/${id}?draft=true`, {
      slug: `rd-draft-${tag}`,
    })
    expect(saved.status).toBe(200)
    expect(await redirectFrom(`rd-live-${tag}`)).toBeNull()
    // A story that was never published has no old address either.
    const draft = await payload.create({
      collection: 'articles',
      data: {
        title: `Never live ${tag}`,
        slug: `rd-never-${tag}`,
        authors: [authorId],
        _status: 'draft',
      },
      draft: true,
      ...system(),
    })
    created.push({ collection: 'articles', id: String(draft.id) })
    await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { slug: `rd-never-renamed-${tag}` },
      draft: true,
      ...system(),
    })
    expect(await redirectFrom(`rd-never-${tag}`)).toBeNull()
  })

  it('is seen through GraphQL and version restores too', async () => {
    const tag = uid()
    const id = await publishStory(`rd-gql-${tag}`)
    await republishAs(id, `rd-gql-b-${tag}`)
    const { docs } = await payload.findVersions({
      collection: 'articles',
      where: { and: [{ parent: { equals: id } }, { 'version.slug': { equals: `rd-gql-${tag}` } }] },
      sort: '-createdAt',
      limit: 1,
    })
    const earlier = docs[0]
    expect(earlier).toBeTruthy()
    // Restoring the published version under the first slug gives the story that address back.
    await payload.restoreVersion({ collection: 'articles', id: String(earlier?.id), ...system() })
    const restored = await payload.findByID({ collection: 'articles', id, depth: 0 })
    expect(restored).toMatchObject({ _status: 'published', slug: `rd-gql-${tag}` })
    expect(await redirectFrom(`rd-gql-${tag}`)).toBeNull()
    expect(storyOf(await redirectFrom(`rd-gql-b-${tag}`))).toBe(id)

    // Through GraphQL, as an editor: the slug edited on a draft over the live story, then the
    // revision goes through review and is published by workflow moves.
    const edited = await graphql(
      'editor',
      `mutation { updateArticle(id: "${id}", data: { slug: "rd-gql-c-${tag}" }, draft: true) { slug } }`,
    )
    expect(edited.text).toContain(`rd-gql-c-${tag}`)
    expect(await redirectFrom(`rd-gql-${tag}`)).toBeNull()
    for (const move of [
      `action: submit, reviewer: "${people.editor.id}"`,
      'action: approve',
      'action: publish',
    ]) {
      const answer = await graphql(
        'editor',
        `mutation { workflowTransition(collection: articles, id: "${id}", ${move}) { to } }`,
      )
      expect(answer.text).not.toContain('errors')
    }
    expect(storyOf(await redirectFrom(`rd-gql-${tag}`))).toBe(id)
    expect(await readerLookup(`rd-gql-${tag}`)).toBe(`rd-gql-c-${tag}`)
    expect(await readerLookup(`rd-gql-b-${tag}`)).toBe(`rd-gql-c-${tag}`)
  })

  it('frees an old address when another story is published under it', async () => {
    const tag = uid()
    const first = await publishStory(`rd-taken-${tag}`)
    await republishAs(first, `rd-moved-${tag}`)
    expect(storyOf(await redirectFrom(`rd-taken-${tag}`))).toBe(first)
    await publishStory(`rd-taken-${tag}`)
    expect(await redirectFrom(`rd-taken-${tag}`)).toBeNull()
  })

  it('leaves a story’s redirects alone when it is duplicated', async () => {
    const tag = uid()
    const id = await publishStory(`rd-dup-${tag}`)
    await republishAs(id, `rd-dup-b-${tag}`)
    const copy = await payload.duplicate({
      collection: 'articles',
      id,
      data: { slug: `rd-dup-copy-${tag}` },
      ...system(),
    })
    created.push({ collection: 'articles', id: String(copy.id) })
    expect(storyOf(await redirectFrom(`rd-dup-${tag}`))).toBe(id)
    expect(await readerLookup(`rd-dup-${tag}`)).toBe(`rd-dup-b-${tag}`)
  })

  it('takes a deleted story’s redirects with it', async () => {
    const tag = uid()
    const id = await publishStory(`rd-gone-${tag}`)
    await republishAs(id, `rd-gone-b-${tag}`)
    expect(await redirectFrom(`rd-gone-${tag}`)).not.toBeNull()
    await payload.delete({ collection: 'articles', id, ...system() })
    expect(await redirectFrom(`rd-gone-${tag}`)).toBeNull()
  })

  it('leads nowhere for readers while the story is unpublished', async () => {
    const tag = uid()
    const id = await publishStory(`rd-off-${tag}`)
    await republishAs(id, `rd-off-b-${tag}`)
    await payload.update({
      collection: 'articles',
      id,
      data: { workflowState: 'archived', _status: 'draft' },
      ...system(),
    })
    expect(storyOf(await redirectFrom(`rd-off-${tag}`))).toBe(id)
    expect(await readerLookup(`rd-off-${tag}`)).toBeNull()
  })
})

describe('who may write redirects', () => {
  const body = (tag: string, storyId: string) => ({
    from: `/articles/rd-manual-${tag}`,
    to: { type: 'reference', reference: { relationTo: 'articles', value: storyId } },
  })

  it('refuses writers (and editors, and readers) a redirect made by hand, on REST and GraphQL', async () => {
    const tag = uid()
    const storyId = await publishStory(`rd-target-${tag}`)
    for (const who of ['anonymous', 'writer', 'editor'] as const) {
      expect((await call(who, 'POST', '/redirects', body(tag, storyId))).status).toBe(403)
      const answer = await graphql(
        who,
        `mutation { createRedirect(data: { from: "/articles/rd-manual-${tag}", to: { type: "reference", reference: { relationTo: articles, value: "${storyId}" } } }) { id } }`,
      )
      expect(answer.text).toMatch(/not allowed|Forbidden/i)
    }
    expect(await redirectFrom(`rd-manual-${tag}`)).toBeNull()
    expect((await call('admin', 'POST', '/redirects', body(tag, storyId))).status).toBe(201)
    expect(storyOf(await redirectFrom(`rd-manual-${tag}`))).toBe(storyId)
  })

  it('lets editors delete one, and nobody else but admins', async () => {
    const tag = uid()
    const id = await publishStory(`rd-del-${tag}`)
    await republishAs(id, `rd-del-b-${tag}`)
    const redirect = await redirectFrom(`rd-del-${tag}`)
    const redirectId = String(redirect?.id)
    for (const who of ['anonymous', 'writer'] as const) {
      expect((await call(who, 'DELETE', `/redirects/${redirectId}`)).status).toBe(403)
      const answer = await graphql(who, `mutation { deleteRedirect(id: "${redirectId}") { id } }`)
      expect(answer.text).toMatch(/not allowed|Forbidden/i)
      expect(await redirectFrom(`rd-del-${tag}`)).not.toBeNull()
    }
    for (const who of ['writer', 'editor'] as const)
      expect(
        (await call(who, 'PATCH', `/redirects/${redirectId}`, { from: '/articles/x' })).status,
      ).toBe(403)
    const deleted = await graphql(
      'editor',
      `mutation { deleteRedirect(id: "${redirectId}") { id } }`,
    )
    expect(deleted.text).toContain(redirectId)
    expect(await redirectFrom(`rd-del-${tag}`)).toBeNull()
  })

  it('answers bad input with 400 naming the field', async () => {
    const tag = uid()
    const storyId = await publishStory(`rd-bad-${tag}`)
    for (const from of ['https://evil.example/articles/x', '//evil.example/x', '/authors/x', 42]) {
      const answer = await call('admin', 'POST', '/redirects', { ...body(tag, storyId), from })
      expect(answer.status).toBe(400)
      expect(answer.text).toContain('"path":"from"')
    }
    const noStory = await call('admin', 'POST', '/redirects', {
      from: `/articles/rd-bad-${tag}-x`,
      to: { type: 'reference', reference: { relationTo: 'articles', value: 'f'.repeat(24) } },
    })
    expect(noStory.status).toBe(400)
    expect(noStory.text).toContain('to.reference')
    expect(await redirectFrom(`rd-bad-${tag}-x`)).toBeNull()
  })
})
