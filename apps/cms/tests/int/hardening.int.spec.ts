/**
 * Access hardening, over REST and GraphQL on a real HTTP port, each refusal checked in the
 * database afterwards (and on disk, for files):
 *
 * 1. Images a published document shows change only through an editor or admin; readers see only
 *    those images (records and files).
 * 2. Only admins unlock an account; ten wrong passwords lock it.
 * 3. Sign-in attempts (login, forgot password) are rate-limited per client address: 429.
 * 4. Internal workflow fields are never shown to readers.
 * 5. Writers cannot set a creator, reviewer or corrections on a new document.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, Media, User } from '@copydesk/types/payload-types'

import { authRateLimit, mediaDir } from '../../src/env'
import type { CmsServer } from '../helpers/http'
import { startCmsServer } from '../helpers/http'
import { paragraph, root, text, upload } from '../helpers/lexical'
import { pngFile } from '../helpers/media'
import { testPayload, uid } from '../helpers/payload'

type Role = 'anonymous' | 'writer' | 'otherWriter' | 'editor' | 'admin'
type Answer = { status: number; json: Record<string, unknown>; headers: Headers }

const password = 'hardening-password-123'
const tag = uid()

let payload: Payload
let server: CmsServer
const users = {} as Record<Exclude<Role, 'anonymous'>, User>
const tokens = {} as Record<Exclude<Role, 'anonymous'>, string>
const cleanup: { collection: 'articles' | 'authors' | 'faqs' | 'media' | 'users'; id: string }[] =
  []

// Every request names its own client address, so the sign-in limit only counts where a test means it to.
let addressCount = 0
const freshAddress = () => {
  addressCount += 1
  return `198.18.${Math.floor(addressCount / 250)}.${(addressCount % 250) + 1}`
}

const call = async ({
  as = 'anonymous',
  method = 'GET',
  path: route,
  body,
  form,
  address = freshAddress(),
}: {
  as?: Role
  method?: string
  path: string
  body?: unknown
  form?: FormData
  address?: string
}): Promise<Answer> => {
  const headers: Record<string, string> = { 'x-forwarded-for': address }
  if (as !== 'anonymous') headers.authorization = tokens[as]
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${server.url}/api${route}`, {
    method,
    headers,
    body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
  })
  const raw = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
  } catch {
    json = { raw }
  }
  return { status: response.status, json, headers: response.headers }
}

const gql = (as: Role, query: string, address?: string) =>
  call({ as, method: 'POST', path: '/graphql', body: { query }, address })

const gqlErrors = (answer: Answer) =>
  (answer.json.errors ?? []) as { message: string; extensions?: { statusCode?: number } }[]

const messageOf = (answer: Answer) =>
  ((answer.json.errors ?? []) as { message?: string }[]).map((e) => e.message).join(' ')

const signIn = async (email: string) => {
  const answer = await call({ method: 'POST', path: '/users/login', body: { email, password } })
  if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status}`)
  return `JWT ${answer.json.token as string}`
}

const uploadAs = async (as: Role, alt: string, extra: Record<string, unknown> = {}) => {
  const file = await pngFile({ width: 64, height: 48, name: `hardening-${uid()}.png` })
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
  form.append('_payload', JSON.stringify({ alt, ...extra }))
  const answer = await call({ as, method: 'POST', path: '/media', form })
  expect(answer.status, JSON.stringify(answer.json)).toBe(201)
  const doc = answer.json.doc as Media
  cleanup.push({ collection: 'media', id: doc.id })
  return doc
}

const storedMedia = async (id: string) =>
  payload.db.findOne<Media>({ collection: 'media', where: { id: { equals: id } } })

const fileOnDisk = (filename: string | null | undefined) => path.join(mediaDir, filename ?? '')

// The images, by how they are used.
const images = {} as Record<
  | 'hero'
  | 'meta'
  | 'body'
  | 'avatar'
  | 'draftHero'
  | 'revisionHero'
  | 'inReview'
  | 'unused'
  | 'unusedForGraphql'
  | 'othersUpload',
  Media
>
let publishedArticle: { id: string; slug: string }
let publishedAuthorId: string

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  // The first account in an empty database becomes an admin, so the admin goes first.
  for (const [role, roles] of [
    ['admin', ['admin']],
    ['editor', ['editor']],
    ['writer', ['writer']],
    ['otherWriter', ['writer']],
  ] as const) {
    users[role] = await payload.create({
      collection: 'users',
      data: { email: `${role}-${tag}@example.com`, name: role, roles: [...roles], password },
    })
    cleanup.push({ collection: 'users', id: users[role].id })
    tokens[role] = await signIn(users[role].email)
  }

  for (const name of [
    'hero',
    'meta',
    'body',
    'avatar',
    'draftHero',
    'revisionHero',
    'inReview',
    'unused',
    'unusedForGraphql',
  ] as const)
    images[name] = await uploadAs('writer', `Alt ${name} ${tag}`)
  images.othersUpload = await uploadAs('otherWriter', `Alt othersUpload ${tag}`)

  // Fixtures written as the system (the scheduler or the seed would do the same).
  const system = { context: { workflowSystem: true } }
  const author = await payload.create({
    collection: 'authors',
    data: {
      name: `Hardening Author ${tag}`,
      avatar: images.avatar.id,
      user: users.writer.id,
      _status: 'published',
      workflowState: 'published',
    },
    ...system,
  })
  publishedAuthorId = author.id
  cleanup.push({ collection: 'authors', id: author.id })

  const article = await payload.create({
    collection: 'articles',
    data: {
      title: `Hardening live story ${tag}`,
      authors: [author.id],
      hero: { image: images.hero.id, caption: 'A caption', credit: 'A credit' },
      meta: { image: images.meta.id },
      body: root(paragraph(text('The story.')), upload(images.body.id)),
      _status: 'published',
      workflowState: 'published',
      createdBy: users.writer.id,
      assignee: users.editor.id,
      unpublishAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      corrections: [
        { note: 'An earlier version misspelt the harbour.', at: new Date().toISOString() },
      ],
    },
    ...system,
  })
  publishedArticle = { id: article.id, slug: article.slug as string }
  cleanup.push({ collection: 'articles', id: article.id })
  // A pending revision of the live story swaps its hero: that picture is not on the site yet.
  await payload.update({
    collection: 'articles',
    id: article.id,
    data: { hero: { image: images.revisionHero.id } },
    draft: true,
    ...system,
  })

  const embargoed = await payload.create({
    collection: 'articles',
    data: {
      title: `Hardening embargoed story ${tag}`,
      hero: { image: images.draftHero.id },
      createdBy: users.writer.id,
    },
    draft: true,
    ...system,
  })
  cleanup.push({ collection: 'articles', id: embargoed.id })

  const inReview = await payload.create({
    collection: 'articles',
    data: {
      title: `Hardening story in review ${tag}`,
      hero: { image: images.inReview.id },
      createdBy: users.writer.id,
      workflowState: 'in_review',
      assignee: users.editor.id,
    },
    draft: true,
    ...system,
  })
  cleanup.push({ collection: 'articles', id: inReview.id })
}, 180_000)

afterAll(async () => {
  await server?.stop()
  for (const { collection, id } of cleanup.reverse())
    await payload.delete({ collection, id, overrideAccess: true }).catch(() => undefined)
})

const LIVE = ['hero', 'meta', 'body', 'avatar'] as const
const NOT_LIVE = ['draftHero', 'revisionHero', 'inReview', 'unused', 'othersUpload'] as const

describe('1a. images on the live site change only through an editor or admin', () => {
  it.each(LIVE)(
    'a writer cannot edit, re-upload or delete the %s image of live content, on REST',
    async (name) => {
      const image = images[name]
      const before = await storedMedia(image.id)
      const bytes = readFileSync(fileOnDisk(before?.filename))

      const edited = await call({
        as: 'writer',
        method: 'PATCH',
        path: `/media/${image.id}`,
        body: { alt: 'Vandalised' },
      })
      expect(edited.status).toBe(403)
      expect(messageOf(edited)).toMatch(/live site.*only an editor or admin/)

      const replacement = await pngFile({ width: 32, height: 32, name: `swap-${uid()}.png` })
      const form = new FormData()
      form.append(
        'file',
        new Blob([new Uint8Array(replacement.data)], { type: 'image/png' }),
        replacement.name,
      )
      form.append('_payload', JSON.stringify({ alt: 'Swapped' }))
      const reuploaded = await call({
        as: 'writer',
        method: 'PATCH',
        path: `/media/${image.id}`,
        form,
      })
      expect(reuploaded.status).toBe(403)
      expect(messageOf(reuploaded)).toMatch(/live site/)

      const deleted = await call({ as: 'writer', method: 'DELETE', path: `/media/${image.id}` })
      expect(deleted.status).toBe(403)
      expect(messageOf(deleted)).toMatch(/live site/)

      const after = await storedMedia(image.id)
      expect(after).toMatchObject({
        alt: before?.alt,
        filename: before?.filename,
        filesize: before?.filesize,
      })
      expect(readFileSync(fileOnDisk(after?.filename)).equals(bytes)).toBe(true)
      expect(existsSync(fileOnDisk(replacement.name))).toBe(false)
    },
  )

  it.each(LIVE)(
    'a writer cannot edit or delete the %s image of live content, on GraphQL',
    async (name) => {
      const image = images[name]
      const edited = await gql(
        'writer',
        `mutation { updateMedia(id: "${image.id}", data: { alt: "Vandalised" }) { id } }`,
      )
      expect(gqlErrors(edited)[0]).toMatchObject({
        message: expect.stringMatching(/live site/),
        extensions: { statusCode: 403 },
      })
      const deleted = await gql('writer', `mutation { deleteMedia(id: "${image.id}") { id } }`)
      expect(gqlErrors(deleted)[0]?.extensions?.statusCode).toBe(403)
      expect(await storedMedia(image.id)).toMatchObject({ alt: image.alt })
    },
  )

  it('a writer cannot change images of a story past the draft stage, nor other people’s uploads', async () => {
    const inReview = await call({
      as: 'writer',
      method: 'PATCH',
      path: `/media/${images.inReview.id}`,
      body: { alt: 'Changed after approval' },
    })
    expect(inReview.status).toBe(403)
    expect(messageOf(inReview)).toMatch(/in review, approved, scheduled/)

    const others = await call({
      as: 'writer',
      method: 'DELETE',
      path: `/media/${images.othersUpload.id}`,
    })
    expect(others.status).toBe(403)
    expect(messageOf(others)).toMatch(/only images they uploaded/)

    expect(await storedMedia(images.inReview.id)).toMatchObject({ alt: images.inReview.alt })
    expect(await storedMedia(images.othersUpload.id)).toBeTruthy()
  })

  it('a bulk delete that reaches one live image is refused whole', async () => {
    const extra = await uploadAs('writer', `Alt bulk ${tag}`)
    const ids = [extra.id, images.hero.id]
    const answer = await call({
      as: 'writer',
      method: 'DELETE',
      path: `/media?${ids.map((id, i) => `where[id][in][${i}]=${id}`).join('&')}`,
    })
    expect(answer.status).toBe(403)
    expect(messageOf(answer)).toMatch(/live site/)
    for (const id of ids) expect(await storedMedia(id)).toBeTruthy()
  })

  it('a writer still edits and deletes their own unused uploads, on REST and GraphQL', async () => {
    const edited = await call({
      as: 'writer',
      method: 'PATCH',
      path: `/media/${images.unused.id}`,
      body: { alt: `Better alt ${tag}` },
    })
    expect(edited.status).toBe(200)
    expect(await storedMedia(images.unused.id)).toMatchObject({ alt: `Better alt ${tag}` })

    const gqlEdited = await gql(
      'writer',
      `mutation { updateMedia(id: "${images.unusedForGraphql.id}", data: { alt: "Via GraphQL ${tag}" }) { alt } }`,
    )
    expect(gqlErrors(gqlEdited)).toEqual([])
    const gqlDeleted = await gql(
      'writer',
      `mutation { deleteMedia(id: "${images.unusedForGraphql.id}") { id } }`,
    )
    expect(gqlErrors(gqlDeleted)).toEqual([])
    expect(await storedMedia(images.unusedForGraphql.id)).toBeNull()

    const own = await uploadAs('writer', `Alt to delete ${tag}`)
    const file = fileOnDisk(own.filename)
    expect(existsSync(file)).toBe(true)
    const deleted = await call({ as: 'writer', method: 'DELETE', path: `/media/${own.id}` })
    expect(deleted.status).toBe(200)
    expect(await storedMedia(own.id)).toBeNull()
    expect(existsSync(file)).toBe(false)
  })

  it('an upload records its uploader, whatever the request says', async () => {
    const doc = await uploadAs('writer', `Alt claimed ${tag}`, { uploadedBy: users.otherWriter.id })
    expect(String((await storedMedia(doc.id))?.uploadedBy)).toBe(String(users.writer.id))
  })

  it('an editor changes a live image', async () => {
    const alt = `Corrected by the desk ${tag}`
    const answer = await call({
      as: 'editor',
      method: 'PATCH',
      path: `/media/${images.meta.id}`,
      body: { alt },
    })
    expect(answer.status).toBe(200)
    expect(await storedMedia(images.meta.id)).toMatchObject({ alt })
    images.meta = { ...images.meta, alt }
  })
})

describe('1b. readers see only the images published documents show', () => {
  it('lists and reads only live images on REST', async () => {
    const listed = await call({ path: '/media?limit=100&depth=0' })
    expect(listed.status).toBe(200)
    const ids = (listed.json.docs as Media[]).map((doc) => doc.id)
    for (const name of LIVE) expect(ids).toContain(images[name].id)
    for (const name of NOT_LIVE) expect(ids).not.toContain(images[name].id)
    expect(JSON.stringify(listed.json)).not.toContain(`Alt draftHero ${tag}`)

    for (const name of NOT_LIVE) {
      const one = await call({ path: `/media/${images[name].id}` })
      expect(one.status).toBe(404)
      expect(JSON.stringify(one.json)).not.toContain(images[name].alt)
    }
    const live = await call({ path: `/media/${images.hero.id}` })
    expect(live.status).toBe(200)
    expect(live.json.alt).toBe(images.hero.alt)

    const searched = await call({ path: `/media?where[alt][like]=draftHero` })
    expect(searched.json.totalDocs).toBe(0)
    const counted = await call({ path: '/media/count' })
    expect(counted.json.totalDocs).toBe(LIVE.length)
  })

  it('lists and reads only live images on GraphQL', async () => {
    const listed = await gql('anonymous', '{ allMedia(limit: 100) { docs { id alt } } }')
    const docs = (listed.json.data as { allMedia: { docs: Media[] } }).allMedia.docs
    expect(docs.map((doc) => doc.id).sort()).toEqual(LIVE.map((name) => images[name].id).sort())
    const one = await gql('anonymous', `{ Media(id: "${images.draftHero.id}") { alt caption } }`)
    expect((one.json.data as { Media: unknown } | null)?.Media ?? null).toBeNull()
    expect(JSON.stringify(one.json)).not.toContain(images.draftHero.alt)
  })

  it('serves the files of live images only', async () => {
    for (const name of NOT_LIVE) {
      const image = (await storedMedia(images[name].id)) as Media
      for (const filename of [image.filename, image.sizes?.thumbnail?.filename]) {
        const response = await fetch(`${server.url}/api/media/file/${filename}`)
        expect(response.status, `${name} ${filename}`).toBe(403)
        await response.arrayBuffer()
      }
    }
    const live = (await storedMedia(images.hero.id)) as Media
    for (const filename of [live.filename, live.sizes?.hero?.filename]) {
      const response = await fetch(`${server.url}/api/media/file/${filename}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^image\//)
      await response.arrayBuffer()
    }
  })

  it('still populates a published story’s images for the reader site (depth 2, anonymous)', async () => {
    const { json } = await call({
      path: `/articles?where[slug][equals]=${publishedArticle.slug}&where[_status][equals]=published&depth=2`,
    })
    // As the reader site's client gets it (apps/web/src/lib/cms/articles.ts: getArticleBySlug).
    const [article] = json.docs as Article[]
    const hero = article?.hero?.image as Media | undefined
    expect(hero).toMatchObject({ id: images.hero.id, alt: images.hero.alt })
    expect(hero?.url).toMatch(/\/api\/media\/file\//)
    expect(article?.meta?.image).toMatchObject({ id: images.meta.id })
    expect((article?.authors?.[0] as Author | undefined)?.avatar).toMatchObject({
      id: images.avatar.id,
    })
    const node = article?.body?.root.children.find((child) => child.type === 'upload') as
      { value?: unknown } | undefined
    expect(node?.value).toMatchObject({ id: images.body.id, alt: images.body.alt })
    // The live version, not the pending revision's new picture.
    expect(JSON.stringify(json)).not.toContain(images.revisionHero.id)
  })

  it('staff see every image', async () => {
    const listed = await call({ as: 'writer', path: '/media?limit=200&depth=0' })
    const ids = (listed.json.docs as Media[]).map((doc) => doc.id)
    for (const name of [...LIVE, ...NOT_LIVE]) expect(ids).toContain(images[name].id)
    const file = await fetch(`${server.url}/api/media/file/${images.draftHero.filename}`, {
      headers: { authorization: tokens.writer },
    })
    expect(file.status).toBe(200)
    await file.arrayBuffer()
  })
})

describe('2. only admins unlock an account', () => {
  const lockedUntil = async (id: string) => {
    const stored = await payload.db.findOne<{
      id: string
      lockUntil?: string | null
      loginAttempts?: number
    }>({ collection: 'users', where: { id: { equals: id } } })
    return { lockUntil: stored?.lockUntil ?? null, loginAttempts: stored?.loginAttempts ?? 0 }
  }

  it('ten wrong passwords lock an account; writers and editors cannot unlock it, admins can', async () => {
    const victim = await payload.create({
      collection: 'users',
      data: { email: `victim-${tag}@example.com`, name: 'Victim', roles: ['writer'], password },
    })
    cleanup.push({ collection: 'users', id: victim.id })
    for (let i = 0; i < 10; i++) {
      const wrong = await call({
        method: 'POST',
        path: '/users/login',
        body: { email: victim.email, password: 'not-the-password' },
      })
      expect(wrong.status).toBe(401)
    }
    const locked = await lockedUntil(victim.id)
    expect(new Date(locked.lockUntil ?? 0).getTime()).toBeGreaterThan(Date.now() + 5 * 60_000)
    const right = await call({
      method: 'POST',
      path: '/users/login',
      body: { email: victim.email, password },
    })
    expect(right.status).not.toBe(200)
    expect(right.json.token).toBeUndefined()

    for (const as of ['anonymous', 'writer', 'editor'] as const) {
      const rest = await call({
        as,
        method: 'POST',
        path: '/users/unlock',
        body: { email: victim.email },
      })
      expect(rest.status, as).toBe(403)
      const graphql = await gql(as, `mutation { unlockUser(email: "${victim.email}") }`)
      expect(gqlErrors(graphql)[0]?.extensions?.statusCode, as).toBe(403)
      expect(await lockedUntil(victim.id)).toEqual(locked)
    }

    const unlocked = await call({
      as: 'admin',
      method: 'POST',
      path: '/users/unlock',
      body: { email: victim.email },
    })
    expect(unlocked.status).toBe(200)
    expect(await lockedUntil(victim.id)).toEqual({ lockUntil: null, loginAttempts: 0 })
    expect((await signIn(victim.email)).startsWith('JWT ')).toBe(true)
  })

  it('admins unlock over GraphQL too', async () => {
    const victim = await payload.create({
      collection: 'users',
      data: { email: `victim2-${tag}@example.com`, name: 'Victim', roles: ['writer'], password },
    })
    cleanup.push({ collection: 'users', id: victim.id })
    await payload.db.updateOne({
      collection: 'users',
      where: { id: { equals: victim.id } },
      data: { loginAttempts: 10, lockUntil: new Date(Date.now() + 600_000).toISOString() },
    })
    const answer = await gql('admin', `mutation { unlockUser(email: "${victim.email}") }`)
    expect(gqlErrors(answer)).toEqual([])
    expect((await lockedUntil(victim.id)).lockUntil).toBeNull()
  })
})

describe('3. sign-in attempts are rate-limited per client address', () => {
  const limit = authRateLimit.limit
  const TOO_MANY = /^Too many sign-in attempts from this address; try again in \d+ seconds?\.$/

  const exhaust = async (address: string) => {
    for (let i = 0; i < limit; i++) {
      const answer = await call({
        method: 'POST',
        path: '/users/login',
        body: { email: `nobody-${i}-${tag}@example.com`, password: 'wrong' },
        address,
      })
      expect(answer.status).toBe(401)
    }
  }

  it('answers 429 with the reason and Retry-After past the limit, on REST and GraphQL', async () => {
    expect(limit).toBeGreaterThan(0)
    const address = '203.0.113.10'
    await exhaust(address)
    const victim = users.otherWriter

    const rest = await call({
      method: 'POST',
      path: '/users/login',
      body: { email: victim.email, password: 'a-guess' },
      address,
    })
    expect(rest.status).toBe(429)
    expect(rest.json).toEqual({ errors: [{ message: expect.stringMatching(TOO_MANY) }] })
    const retryAfter = Number(rest.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(authRateLimit.windowMs / 1000)
    expect(messageOf(rest)).toContain(`in ${retryAfter} second`)

    // The right password does not get through either.
    const right = await call({
      method: 'POST',
      path: '/users/login',
      body: { email: victim.email, password },
      address,
    })
    expect(right.status).toBe(429)
    expect(right.json.token).toBeUndefined()

    const graphql = await gql(
      'anonymous',
      `mutation { loginUser(email: "${victim.email}", password: "${password}") { token } }`,
      address,
    )
    expect(graphql.status).toBe(429)
    expect(graphql.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(gqlErrors(graphql)[0]).toMatchObject({
      message: expect.stringMatching(TOO_MANY),
      extensions: { statusCode: 429 },
    })

    // A client cannot get round it by writing addresses of its own in front.
    const spoofed = await call({
      method: 'POST',
      path: '/users/login',
      body: { email: victim.email, password },
      address: `192.0.2.1, ${address}`,
    })
    expect(spoofed.status).toBe(429)

    // None of it reached the account: no failed attempts counted, no lockout.
    const stored = await payload.db.findOne<{
      id: string
      loginAttempts?: number
      lockUntil?: string
    }>({
      collection: 'users',
      where: { id: { equals: victim.id } },
    })
    expect(stored?.loginAttempts ?? 0).toBe(0)
    expect(stored?.lockUntil ?? null).toBeNull()

    // Another address is not affected.
    const elsewhere = await call({
      method: 'POST',
      path: '/users/login',
      body: { email: victim.email, password },
      address: '203.0.113.11',
    })
    expect(elsewhere.status).toBe(200)
  })

  it('limits password-reset requests on the same budget, and sends nothing past it', async () => {
    const address = '203.0.113.20'
    await exhaust(address)
    const victim = users.otherWriter
    const resetToken = async () =>
      (
        await payload.db.findOne<{ id: string; resetPasswordToken?: string | null }>({
          collection: 'users',
          where: { id: { equals: victim.id } },
        })
      )?.resetPasswordToken ?? null
    expect(await resetToken()).toBeNull()

    const rest = await call({
      method: 'POST',
      path: '/users/forgot-password',
      body: { email: victim.email },
      address,
    })
    expect(rest.status).toBe(429)
    expect(messageOf(rest)).toMatch(TOO_MANY)
    expect(rest.headers.get('retry-after')).toMatch(/^\d+$/)
    const graphql = await gql(
      'anonymous',
      `mutation { forgotPasswordUser(email: "${victim.email}") }`,
      address,
    )
    expect(graphql.status).toBe(429)
    expect(gqlErrors(graphql)[0]?.extensions?.statusCode).toBe(429)
    expect(await resetToken()).toBeNull()

    // From another address the request goes through, and a reset token is written.
    const elsewhere = await call({
      method: 'POST',
      path: '/users/forgot-password',
      body: { email: victim.email },
      address: '203.0.113.21',
    })
    expect(elsewhere.status).toBe(200)
    expect(await resetToken()).toBeTruthy()
  })
})

const INTERNAL = ['workflowState', 'owners', 'createdBy', 'assignee', 'publishAt', 'unpublishAt']

describe('4. internal workflow fields are never shown to readers', () => {
  it('REST: not on a published document, nor on the documents it populates', async () => {
    const one = await call({ path: `/articles/${publishedArticle.id}?depth=2` })
    expect(one.status).toBe(200)
    for (const field of INTERNAL) expect(one.json).not.toHaveProperty(field)
    const byline = (one.json.authors as Record<string, unknown>[])[0]
    for (const field of [...INTERNAL, 'user', 'email']) expect(byline).not.toHaveProperty(field)
    // Public corrections stay: a note and a date, no names.
    expect(one.json.corrections).toEqual([
      expect.objectContaining({ note: 'An earlier version misspelt the harbour.' }),
    ])
    const serialized = JSON.stringify(one.json)
    for (const role of ['writer', 'editor'] as const)
      expect(serialized).not.toContain(users[role].id)

    const author = await call({ path: `/authors/${publishedAuthorId}?depth=1` })
    expect(author.json.avatar).toMatchObject({ id: images.avatar.id })
    for (const field of [...INTERNAL, 'user', 'email'])
      expect(author.json).not.toHaveProperty(field)
  })

  it('REST: readers cannot filter or sort by them', async () => {
    const filtered = await call({
      path: `/articles?where[createdBy][equals]=${users.writer.id}`,
    })
    expect(filtered.status).toBeGreaterThanOrEqual(400)
    expect(filtered.json.docs).toBeUndefined()
  })

  it('GraphQL: null for readers, set for staff', async () => {
    const query = `{ Article(id: "${publishedArticle.id}") { title workflowState createdBy { id } owners { id } assignee { id } publishAt unpublishAt corrections { note } } }`
    const anonymous = await gql('anonymous', query)
    const seen = (anonymous.json.data as { Article: Record<string, unknown> }).Article
    expect(seen.title).toMatch(/^Hardening live story/)
    // A hidden hasMany relationship reads as an empty list, any other hidden field as null.
    for (const field of INTERNAL)
      expect(field === 'owners' ? seen[field] : (seen[field] ?? null), field).toEqual(
        field === 'owners' ? [] : null,
      )
    expect(seen.corrections).toHaveLength(1)
    const staff = await gql('writer', query)
    const full = (staff.json.data as { Article: Record<string, unknown> }).Article
    expect(full.createdBy).toEqual({ id: users.writer.id })
    expect(full.owners).toContainEqual({ id: users.writer.id })
    expect(full.workflowState).toBe('published')
    expect(full.unpublishAt).toBeTruthy()
  })

  it('versions are closed to readers, on REST and GraphQL', async () => {
    const versions = await call({ path: '/articles/versions' })
    expect(versions.status).toBe(403)
    expect(JSON.stringify(versions.json)).not.toContain(users.writer.id)
    const graphql = await gql('anonymous', '{ versionsArticles { docs { id } } }')
    expect(gqlErrors(graphql)[0]?.extensions?.statusCode).toBe(403)
  })
})

describe('5. writers cannot set a creator, reviewer or corrections on a new document', () => {
  const titled = async (collection: 'articles' | 'faqs', field: string, title: string) => {
    const { docs } = await payload.find({
      collection,
      where: { [field]: { equals: title } },
      draft: true,
      depth: 0,
      overrideAccess: true,
    } as never)
    for (const doc of docs as { id: string }[]) cleanup.push({ collection, id: doc.id })
    return docs as unknown as Record<string, unknown>[]
  }

  it.each([
    ['createdBy', () => users.otherWriter.id],
    ['assignee', () => users.editor.id],
    ['corrections', () => [{ note: 'A made-up correction.', at: new Date().toISOString() }]],
  ] as const)(
    'a writer sending %s gets a 403 naming it, on REST and GraphQL',
    async (field, value) => {
      const title = `Hardening ${field} ${uid()}`
      const rest = await call({
        as: 'writer',
        method: 'POST',
        path: '/articles?draft=true',
        body: { title, [field]: value() },
      })
      expect(rest.status).toBe(403)
      // The workflow's own check (src/workflow/enforce.ts) may answer first; both name the field.
      expect(messageOf(rest)).toMatch(
        new RegExp(field === 'assignee' ? 'assignee|reviewer' : field, 'i'),
      )
      expect(await titled('articles', 'title', title)).toEqual([])

      const input =
        field === 'corrections'
          ? `corrections: [{ note: "Made up", at: "${new Date().toISOString()}" }]`
          : `${field}: "${String(value())}"`
      const graphql = await gql(
        'writer',
        `mutation { createArticle(data: { title: "${title}", ${input} }, draft: true) { id } }`,
      )
      expect(gqlErrors(graphql)[0]?.extensions?.statusCode).toBe(403)
      expect(await titled('articles', 'title', title)).toEqual([])
    },
  )

  it('a writer’s new FAQ cannot claim another creator either', async () => {
    const question = `Hardening question ${uid()}?`
    const answer = await call({
      as: 'writer',
      method: 'POST',
      path: '/faqs?draft=true',
      body: { question, createdBy: users.otherWriter.id },
    })
    expect(answer.status).toBe(403)
    expect(await titled('faqs', 'question', question)).toEqual([])
  })

  it('the empty values a form sends are fine, and the creator is the writer', async () => {
    const title = `Hardening form ${uid()}`
    const answer = await call({
      as: 'writer',
      method: 'POST',
      path: '/articles?draft=true',
      body: { title, createdBy: null, assignee: null, corrections: [] },
    })
    expect(answer.status, JSON.stringify(answer.json)).toBe(201)
    const [doc] = await titled('articles', 'title', title)
    expect(String(doc?.createdBy)).toBe(users.writer.id)
    expect(doc?.assignee ?? null).toBeNull()

    // Corrections sent later with an edit are not kept: only the Publish action adds them.
    await call({
      as: 'writer',
      method: 'PATCH',
      path: `/articles/${String(doc?.id)}?draft=true`,
      body: { corrections: [{ note: 'Sneaked in.', at: new Date().toISOString() }] },
    })
    const [after] = await titled('articles', 'title', title)
    expect(after?.corrections ?? []).toEqual([])
  })

  it('an editor may choose a reviewer on a new document, but not claim another creator', async () => {
    const title = `Hardening editor ${uid()}`
    const chosen = await call({
      as: 'editor',
      method: 'POST',
      path: '/articles?draft=true',
      body: { title, assignee: users.admin.id },
    })
    expect(chosen.status, JSON.stringify(chosen.json)).toBe(201)
    const [doc] = await titled('articles', 'title', title)
    expect(String(doc?.assignee)).toBe(users.admin.id)

    const claimed = await call({
      as: 'editor',
      method: 'POST',
      path: '/articles?draft=true',
      body: { title: `${title} again`, createdBy: users.writer.id },
    })
    expect(claimed.status).toBe(403)
    expect(await titled('articles', 'title', `${title} again`)).toEqual([])
  })
})
