/**
 * The bad-input corpus: malformed writes and reads over REST, GraphQL and the workflow endpoint,
 * on a real HTTP port. Every case must answer 400 (413 for an oversized body) naming the field or
 * parameter, never 5xx and never 2xx, and leave the database as it was: documents, versions and
 * the workflow history are counted (with their latest change) before and after each case.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CmsServer } from '../helpers/http'
import { login, startCmsServer } from '../helpers/http'
import { heading, link, list, paragraph, root, text, upload } from '../helpers/lexical'
import { pngFile } from '../helpers/media'
import { testPayload, uid } from '../helpers/payload'

type Role = 'admin' | 'editor'

type Case = {
  name: string
  /** Defaults to the editor; users are written by the admin. */
  as?: Role
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Under /api; `graphql` cases post to /api/graphql. */
  path: () => string
  /** Sent as JSON unless `raw` or `form` is given. */
  body?: () => unknown
  raw?: () => string
  form?: () => Promise<FormData>
  contentType?: string
  status?: 400 | 413
  /** What the answer must name: field paths or parameters (each must appear). */
  names: string[]
}

const password = 'bad-input-password-123'
const MISSING_ID = '5f0000000000000000000000'
const TRACKED = ['articles', 'faqs', 'authors', 'media', 'users', 'workflow-events'] as const
const VERSIONED = ['articles', 'faqs', 'authors'] as const

let payload: Payload
let server: CmsServer
const tokens = {} as Record<Role, string>
const ids = {
  author: '',
  article: '',
  approved: '',
  faq: '',
  media: '',
  editor: '',
}

beforeAll(async () => {
  payload = await testPayload()
  server = await startCmsServer()
  const tag = uid()
  // The first account in an empty database becomes an admin, so the admin goes first.
  for (const role of ['admin', 'editor'] as const) {
    const user = await payload.create({
      collection: 'users',
      data: { email: `${role}-${tag}@example.com`, name: role, roles: [role], password },
    })
    if (role === 'editor') ids.editor = String(user.id)
    tokens[role] = await login({ url: server.url, email: user.email, password })
  }
  const author = await payload.create({
    collection: 'authors',
    data: { name: `Corpus author ${tag}`, _status: 'published' },
  })
  ids.author = String(author.id)
  const system = { draft: true, context: { workflowSystem: true } } as const
  ids.article = String(
    (await payload.create({ collection: 'articles', data: { title: `Corpus ${tag}` }, ...system }))
      .id,
  )
  ids.media = String(
    (
      await payload.create({
        collection: 'media',
        data: { alt: 'A test image' },
        file: await pngFile({ width: 64, height: 64, name: `corpus-${tag}.png` }),
      })
    ).id,
  )
  ids.approved = String(
    (
      await payload.create({
        collection: 'articles',
        data: {
          title: `Approved ${tag}`,
          authors: [ids.author],
          workflowState: 'approved',
          hero: { image: ids.media },
          body: root(
            heading('h2', 'A subheading'),
            paragraph(
              text('Words, '),
              link('a link', { linkType: 'custom', url: 'https://example.com' }),
            ),
            list('bullet', ['one', 'two']),
            upload(ids.media),
          ),
        },
        ...system,
      })
    ).id,
  )
  ids.faq = String(
    (await payload.create({ collection: 'faqs', data: { question: `Why ${tag}?` }, ...system })).id,
  )
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

/** Documents, versions and history as stored: a count and the latest change per collection. */
const snapshot = async (): Promise<Record<string, string>> => {
  const state: Record<string, string> = {}
  const record = async (
    name: string,
    model: {
      countDocuments: () => Promise<number>
      findOne: (
        filter: object,
        projection: object,
        options: object,
      ) => { lean: () => Promise<unknown> }
    },
  ) => {
    const latest = (await model
      .findOne({}, { updatedAt: 1 }, { sort: { updatedAt: -1 } })
      .lean()) as { updatedAt?: Date } | null
    state[name] = `${await model.countDocuments()} @ ${latest?.updatedAt?.toISOString() ?? '-'}`
  }
  for (const slug of TRACKED) await record(slug, payload.db.collections[slug] as never)
  for (const slug of VERSIONED) await record(`${slug} versions`, payload.db.versions[slug] as never)
  return state
}

const graphql = (query: string, variables?: Record<string, unknown>) => () => ({
  query,
  ...(variables ? { variables } : {}),
})

const CASES: Case[] = [
  // Articles, created over REST with a value of the wrong JSON type.
  {
    name: 'operator object as a title',
    path: () => '/articles',
    body: () => ({ title: { $gt: '' } }),
    names: ['title'],
  },
  {
    name: 'number as a title',
    path: () => '/articles',
    body: () => ({ title: 42 }),
    names: ['title'],
  },
  {
    name: 'number as a draft title',
    path: () => '/articles?draft=true',
    body: () => ({ title: 42 }),
    names: ['title'],
  },
  {
    name: 'list as a title',
    path: () => '/articles?draft=true',
    body: () => ({ title: ['a', 'b'] }),
    names: ['title'],
  },
  {
    name: 'operator object in the byline',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, authors: [{ $ne: null }] }),
    names: ['authors.0'],
  },
  {
    name: 'object where an author id belongs',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, authors: { id: { $gt: '' } } }),
    names: ['authors'],
  },
  {
    name: 'byline pointing at a missing author',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, authors: [MISSING_ID] }),
    names: ['authors.0'],
  },
  {
    name: 'byline pointing at an FAQ (wrong collection)',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, authors: [ids.faq] }),
    names: ['authors.0'],
  },
  {
    name: 'byline id that is not an id',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, authors: ['zzz'] }),
    names: ['authors.0'],
  },
  {
    name: 'single id where the byline takes a list',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, authors: ids.author }),
    names: ['authors'],
  },
  {
    name: 'operator object as the hero image',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, hero: { image: { $gt: '' } } }),
    names: ['hero.image'],
  },
  {
    name: 'text where the hero group belongs',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, hero: 'picture' }),
    names: ['hero'],
  },
  {
    name: 'meta image that does not exist',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, meta: { image: MISSING_ID } }),
    names: ['meta.image'],
  },
  {
    name: 'date that is not a date',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, publishedAt: 'next tuesday' }),
    names: ['publishedAt'],
  },
  {
    name: 'date with month 13',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, publishedAt: '2026-13-45T00:00:00Z' }),
    names: ['publishedAt'],
  },
  {
    name: 'plain text as rich text',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, body: 'just words' }),
    names: ['body'],
  },
  {
    name: 'rich text without a Lexical root',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, body: { root: { type: 'root', children: 'x' } } }),
    names: ['body'],
  },
  {
    name: 'operator object as topics',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, topics: { $ne: 1 } }),
    names: ['topics'],
  },
  {
    name: 'unknown workflow state',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, workflowState: 'nope' }),
    names: ['workflowState'],
  },
  {
    name: '$where at the top of a document',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, $where: 'sleep(1000)' }),
    names: ['$where'],
  },
  {
    name: '$set inside a group',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, source: { $set: { name: 'x' } } }),
    names: ['source.$set'],
  },
  {
    name: 'list where the source group belongs',
    path: () => '/articles?draft=true',
    body: () => ({ title: `T ${uid()}`, source: [1, 2] }),
    names: ['source'],
  },
  {
    name: 'nesting 5,000 levels deep',
    path: () => '/articles?draft=true',
    raw: () => `{"title":"Deep ${uid()}","source":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
    names: ['source.a'],
  },
  {
    name: 'a 50,000-character title',
    path: () => '/articles?draft=true',
    body: () => ({ title: 'x'.repeat(50_000) }),
    names: ['title'],
  },
  {
    name: 'several bad fields at once',
    path: () => '/articles?draft=true',
    body: () => ({ title: 5, publishedAt: 'soon', authors: [MISSING_ID], faqs: ['zzz'] }),
    names: ['title', 'publishedAt', 'authors.0', 'faqs.0'],
  },
  // Articles, updated by id and in bulk.
  {
    name: 'update: operator object as a title',
    method: 'PATCH',
    path: () => `/articles/${ids.article}?draft=true`,
    body: () => ({ title: { $gt: '' } }),
    names: ['title'],
  },
  {
    name: 'update: byline pointing at a missing author',
    method: 'PATCH',
    path: () => `/articles/${ids.article}?draft=true`,
    body: () => ({ authors: [MISSING_ID] }),
    names: ['authors.0'],
  },
  {
    name: 'update: operator object as the reviewer',
    method: 'PATCH',
    path: () => `/articles/${ids.article}?draft=true`,
    body: () => ({ assignee: { $gt: '' } }),
    names: ['assignee'],
  },
  {
    name: 'update: reviewer who does not exist',
    method: 'PATCH',
    path: () => `/articles/${ids.article}?draft=true`,
    body: () => ({ assignee: MISSING_ID }),
    names: ['assignee'],
  },
  {
    name: 'bulk update: operator object as a title',
    method: 'PATCH',
    path: () => `/articles?draft=true&where[id][equals]=${ids.article}`,
    body: () => ({ title: { $gt: '' } }),
    names: ['title'],
  },
  {
    name: 'bulk update: $gt in the where query',
    method: 'PATCH',
    path: () => '/articles?draft=true&where[title][$gt]=',
    body: () => ({ title: 'Everything' }),
    names: ['where[title][$gt]'],
  },
  // FAQs and authors.
  {
    name: 'FAQ: list as the question',
    path: () => '/faqs?draft=true',
    body: () => ({ question: ['Why?'] }),
    names: ['question'],
  },
  {
    name: 'FAQ update: plain text as the answer',
    method: 'PATCH',
    path: () => `/faqs/${ids.faq}?draft=true`,
    body: () => ({ answer: 'plain' }),
    names: ['answer'],
  },
  {
    name: 'author: text where the links list belongs',
    path: () => '/authors?draft=true',
    body: () => ({ name: `A ${uid()}`, links: 'x' }),
    names: ['links'],
  },
  {
    name: 'author: operator object in a link row',
    path: () => '/authors?draft=true',
    body: () => ({ name: `A ${uid()}`, links: [{ label: { $gt: '' }, url: 'https://x.example' }] }),
    names: ['links.0.label'],
  },
  {
    name: 'author: staff account that does not exist',
    path: () => '/authors?draft=true',
    body: () => ({ name: `A ${uid()}`, user: MISSING_ID }),
    names: ['user'],
  },
  {
    name: 'author: operator object as the email',
    path: () => '/authors?draft=true',
    body: () => ({ name: `A ${uid()}`, email: { $gt: '' } }),
    names: ['email'],
  },
  {
    name: 'author update: avatar that is an article',
    method: 'PATCH',
    path: () => `/authors/${ids.author}?draft=true`,
    body: () => ({ avatar: ids.article }),
    names: ['avatar'],
  },
  // Users (the admin writes them).
  {
    name: 'user: unknown role',
    as: 'admin',
    path: () => '/users',
    body: () => ({ name: 'N', email: `u-${uid()}@example.com`, password, roles: ['god'] }),
    names: ['roles.0'],
  },
  {
    name: 'user: operator object as roles',
    as: 'admin',
    path: () => '/users',
    body: () => ({ name: 'N', email: `u-${uid()}@example.com`, password, roles: { $ne: 1 } }),
    names: ['roles'],
  },
  {
    name: 'user: operator object as the email',
    as: 'admin',
    path: () => '/users',
    body: () => ({ name: 'N', email: { $gt: '' }, password }),
    names: ['email'],
  },
  {
    name: 'user: object as the password',
    as: 'admin',
    path: () => '/users',
    body: () => ({ name: 'N', email: `u-${uid()}@example.com`, password: { a: 1 } }),
    names: ['password'],
  },
  {
    name: 'user update: number as the name',
    as: 'admin',
    method: 'PATCH',
    path: () => `/users/${ids.editor}`,
    body: () => ({ name: 5 }),
    names: ['name'],
  },
  // Media metadata.
  {
    name: 'media update: operator object as alt text',
    method: 'PATCH',
    path: () => `/media/${ids.media}`,
    body: () => ({ alt: { $gt: '' } }),
    names: ['alt'],
  },
  {
    name: 'media update: text as the focal point',
    method: 'PATCH',
    path: () => `/media/${ids.media}`,
    body: () => ({ focalX: 'left' }),
    names: ['focalX'],
  },
  {
    name: 'media upload: _payload that is not JSON',
    path: () => '/media',
    form: async () => {
      const file = await pngFile({ width: 8, height: 8 })
      const form = new FormData()
      form.set('_payload', '{"alt": ')
      form.set('file', new Blob([file.data], { type: file.mimetype }), file.name)
      return form
    },
    names: ['_payload'],
  },
  // The body itself.
  { name: 'malformed JSON', path: () => '/articles', raw: () => '{"title": ', names: ['body'] },
  {
    name: 'a JSON list as the body',
    path: () => '/articles',
    raw: () => '[{"title": "x"}]',
    names: ['body'],
  },
  { name: 'a JSON string as the body', path: () => '/articles', raw: () => '"x"', names: ['body'] },
  {
    name: 'JSON null as the body',
    method: 'PATCH',
    path: () => `/articles/${ids.article}`,
    raw: () => 'null',
    names: ['body'],
  },
  { name: 'an empty body', path: () => '/articles', raw: () => '', names: ['body'] },
  {
    name: 'wrong content type',
    path: () => '/articles',
    raw: () => '{"title":"x"}',
    contentType: 'text/plain',
    names: ['Content-Type'],
  },
  {
    name: 'a 3 MB body',
    path: () => '/articles?draft=true',
    body: () => ({ title: 'Big', dek: 'z'.repeat(3 * 1024 * 1024) }),
    status: 413,
    names: ['body'],
  },
  // The workflow endpoint.
  {
    name: 'workflow: operator object as the action',
    path: () => `/articles/${ids.article}/workflow`,
    body: () => ({ action: { $gt: '' } }),
    names: ['action'],
  },
  {
    name: 'workflow: malformed JSON',
    path: () => `/articles/${ids.article}/workflow`,
    raw: () => '{',
    names: ['body'],
  },
  {
    name: 'workflow: operator object as the reviewer',
    path: () => `/articles/${ids.article}/workflow`,
    body: () => ({ action: 'submit', reviewer: { $ne: null } }),
    names: ['reviewer'],
  },
  {
    name: 'workflow: a schedule date that is not a date',
    path: () => `/articles/${ids.approved}/workflow`,
    body: () => ({ action: 'schedule', publishAt: 'garbage' }),
    names: ['publishAt'],
  },
  // Reads with bad parameters.
  { name: 'read: limit=abc', method: 'GET', path: () => '/articles?limit=abc', names: ['limit'] },
  { name: 'read: page=0', method: 'GET', path: () => '/articles?page=0', names: ['page'] },
  { name: 'read: depth=-1', method: 'GET', path: () => '/articles?depth=-1', names: ['depth'] },
  {
    name: 'read by id: depth=abc',
    method: 'GET',
    path: () => `/articles/${ids.article}?depth=abc`,
    names: ['depth'],
  },
  {
    name: 'read: sort by a field that does not exist',
    method: 'GET',
    path: () => '/articles?sort=-nofield',
    names: ['sort'],
  },
  {
    name: 'read: sort as an operator object',
    method: 'GET',
    path: () => '/articles?sort[$natural]=1',
    names: ['sort[$natural]'],
  },
  {
    name: 'read: $gt in where',
    method: 'GET',
    path: () => '/articles?where[title][$gt]=',
    names: ['where[title][$gt]'],
  },
  {
    name: 'read: $where in where',
    method: 'GET',
    path: () => '/faqs?where[$where]=1',
    names: ['where[$where]'],
  },
  {
    name: 'read: unknown where operator',
    method: 'GET',
    path: () => '/authors?where[name][sounds_like]=x',
    names: ['name.sounds_like'],
  },
  {
    name: 'read: byline id that is not an id in where',
    method: 'GET',
    path: () => '/articles?where[authors][equals]=zzz',
    names: ['where[authors][equals]'],
  },
  {
    name: 'read: geo operator on a date',
    method: 'GET',
    path: () => '/articles?where[createdAt][near]=1,2',
    names: ['where[createdAt][near]'],
  },
  // A condition the adapter would drop matches every document: a bulk write over everything.
  {
    name: 'bulk delete: byline id that is not an id',
    method: 'DELETE',
    path: () => '/articles?where[authors][equals]=zzz',
    names: ['where[authors][equals]'],
  },
  {
    name: 'bulk update: id list that is not ids',
    method: 'PATCH',
    path: () => '/faqs?draft=true&where[id][in]=zzz',
    body: () => ({ question: 'Everything?' }),
    names: ['where[id][in]'],
  },
  {
    name: 'bulk delete: empty id condition',
    method: 'DELETE',
    path: () => '/faqs?where[id][equals]=',
    names: ['where[id][equals]'],
  },
  // GraphQL.
  {
    name: 'graphql: operator object as a title variable',
    path: () => '/graphql',
    body: graphql(
      'mutation($t: String!) { createArticle(data: { title: $t }, draft: true) { id } }',
      { t: { $gt: '' } },
    ),
    names: ['$t'],
  },
  {
    name: 'graphql: number as a title',
    path: () => '/graphql',
    body: graphql('mutation { createArticle(data: { title: 5 }, draft: true) { id } }'),
    names: ['title'],
  },
  {
    name: 'graphql: byline pointing at a missing author',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation { createArticle(data: { title: "G ${uid()}", authors: ["${MISSING_ID}"] }, draft: true) { id } }`,
      )(),
    names: ['authors.0'],
  },
  {
    name: 'graphql: byline id that is not an id',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation { createArticle(data: { title: "G ${uid()}", authors: ["zzz"] }, draft: true) { id } }`,
      )(),
    names: ['authors.0'],
  },
  {
    name: 'graphql: operator object as rich text',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation($b: JSON) { createArticle(data: { title: "G ${uid()}", body: $b }, draft: true) { id } }`,
        { b: { $gt: 1 } },
      )(),
    names: ['body'],
  },
  {
    name: 'graphql: date that is not a date',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation { createArticle(data: { title: "G ${uid()}", publishedAt: "garbage" }, draft: true) { id } }`,
      )(),
    names: ['publishedAt'],
  },
  {
    name: 'graphql update: operator object as a title variable',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation($t: String) { updateArticle(id: "${ids.article}", data: { title: $t }, draft: true) { id } }`,
        { t: { $where: '1' } },
      )(),
    names: ['$t'],
  },
  {
    name: 'graphql update: byline pointing at a missing author',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation { updateArticle(id: "${ids.article}", data: { authors: ["${MISSING_ID}"] }, draft: true) { id } }`,
      )(),
    names: ['authors.0'],
  },
  {
    name: 'graphql: number as an FAQ question variable',
    path: () => '/graphql',
    body: graphql(
      'mutation($q: String!) { createFaq(data: { question: $q }, draft: true) { id } }',
      { q: 7 },
    ),
    names: ['$q'],
  },
  {
    name: 'graphql: author with a missing staff account',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation { createAuthor(data: { name: "G ${uid()}", user: "${MISSING_ID}" }, draft: true) { id } }`,
      )(),
    names: ['user'],
  },
  {
    name: 'graphql: user with an unknown role',
    as: 'admin',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation($r: [User_roles_MutationInput]) { createUser(data: { name: "N", email: "g-${uid()}@example.com", password: "${password}", roles: $r }) { id } }`,
        { r: ['god'] },
      )(),
    names: ['$r'],
  },
  {
    name: 'graphql workflow: unknown action',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation($a: WorkflowAction!) { workflowTransition(collection: articles, id: "${ids.article}", action: $a) { to } }`,
        { a: 'nope' },
      )(),
    names: ['$a'],
  },
  {
    name: 'graphql workflow: a schedule date that is not a date',
    path: () => '/graphql',
    body: () =>
      graphql(
        `mutation { workflowTransition(collection: articles, id: "${ids.approved}", action: schedule, publishAt: "garbage") { to } }`,
      )(),
    names: ['publishAt'],
  },
  {
    name: 'graphql: $gt in a where variable',
    path: () => '/graphql',
    body: graphql('query($w: Article_where) { Articles(where: $w) { totalDocs } }', {
      w: { title: { $gt: '' } },
    }),
    names: ['$gt'],
  },
  {
    name: 'graphql: unknown operator in a where argument',
    path: () => '/graphql',
    body: graphql('{ Articles(where: { title: { sounds_like: "x" } }) { totalDocs } }'),
    names: ['sounds_like'],
  },
  {
    name: 'graphql: byline id that is not an id in where',
    path: () => '/graphql',
    body: graphql('{ Articles(where: { authors: { equals: "zzz" } }) { totalDocs } }'),
    names: ['where[authors][equals]'],
  },
  {
    name: 'graphql: variables that are a list',
    path: () => '/graphql',
    body: () => ({ query: '{ Articles { totalDocs } }', variables: [1] }),
    names: ['variables'],
  },
  {
    name: 'graphql: malformed JSON',
    path: () => '/graphql',
    raw: () => '{"query": ',
    names: ['body'],
  },
  {
    name: 'graphql: a 3 MB body',
    path: () => '/graphql',
    body: graphql('{ Articles { totalDocs } }', { pad: 'z'.repeat(3 * 1024 * 1024) }),
    status: 413,
    names: ['body'],
  },
]

type Outcome = { name: string; status: number; is5xx: boolean; accepted: boolean; named: string[] }

/** Every path, parameter and sentence an error answer carries, REST or GraphQL. */
const mentions = (body: unknown): string[] => {
  const found: string[] = []
  const errors = (body as { errors?: unknown[] } | null)?.errors ?? []
  for (const error of errors as {
    message?: string
    data?: { errors?: { path?: string; message?: string }[] }
    extensions?: { data?: { errors?: { path?: string; message?: string }[] } }
  }[]) {
    if (error.message) found.push(error.message)
    for (const field of [...(error.data?.errors ?? []), ...(error.extensions?.data?.errors ?? [])])
      found.push(field.path ?? '', field.message ?? '')
  }
  return found
}

const run = async (c: Case): Promise<{ status: number; body: unknown }> => {
  const headers: Record<string, string> = { authorization: tokens[c.as ?? 'editor'] }
  let body: BodyInit | undefined
  if (c.form) body = await c.form()
  else {
    headers['content-type'] = c.contentType ?? 'application/json'
    if (c.raw) body = c.raw()
    else if (c.body) body = JSON.stringify(c.body())
  }
  const response = await fetch(`${server.url}/api${c.path()}`, {
    method: c.method ?? (c.path() === '/graphql' || body !== undefined ? 'POST' : 'GET'),
    headers,
    body,
  })
  const text = await response.text()
  let parsed: unknown = null
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = { errors: [{ message: text }] }
  }
  return { status: response.status, body: parsed }
}

const outcomes: Outcome[] = []

describe('bad-input corpus', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await snapshot()
    const { status, body } = await run(c)
    const graphqlErrors = (body as { errors?: { extensions?: { statusCode?: number } }[] }).errors
    const is5xx =
      status >= 500 || (graphqlErrors ?? []).some((e) => (e.extensions?.statusCode ?? 0) >= 500)
    const text = mentions(body)
    const named = c.names.filter((name) => text.some((line) => line.includes(name)))
    outcomes.push({ name: c.name, status, is5xx, accepted: status < 300, named })
    expect({ status, is5xx }, JSON.stringify(body).slice(0, 600)).toEqual({
      status: c.status ?? 400,
      is5xx: false,
    })
    expect(named, JSON.stringify(body).slice(0, 600)).toEqual(c.names)
    expect(await snapshot()).toEqual(before)
  })

  it('reports the corpus', () => {
    const fiveHundreds = outcomes.filter((o) => o.is5xx).length
    const accepted = outcomes.filter((o) => o.accepted).length
    console.log(
      `bad-input corpus: ${outcomes.length} cases, ${fiveHundreds} × 5xx, ${accepted} accepted`,
    )
    expect(outcomes).toHaveLength(CASES.length)
    expect({ fiveHundreds, accepted }).toEqual({ fiveHundreds: 0, accepted: 0 })
  })
})

describe('well-formed input still goes through', () => {
  it('creates and updates a draft with every kind of field, and reads with paging and sort', async () => {
    const before = await snapshot()
    const create = await run({
      name: 'good create',
      path: () => '/articles?draft=true',
      body: () => ({
        title: `Fine ${uid()}`,
        authors: [ids.author],
        hero: { image: ids.media, caption: 'A caption' },
        publishedAt: '2026-05-01T09:00:00.000Z',
        topics: ['politics'],
        source: { name: 'Wire', url: 'https://wire.example' },
        body: {
          root: {
            type: 'root',
            children: [
              {
                type: 'paragraph',
                children: [{ type: 'text', text: 'Hi', version: 1 }],
                version: 1,
              },
            ],
            direction: null,
            format: '',
            indent: 0,
            version: 1,
          },
        },
      }),
      names: [],
    })
    expect(create.status, JSON.stringify(create.body).slice(0, 600)).toBe(201)
    const id = (create.body as { doc: { id: string } }).doc.id
    const update = await run({
      name: 'good update',
      method: 'PATCH',
      path: () => `/articles/${id}?draft=true`,
      body: () => ({
        title: `Still fine ${uid()}`,
        authors: [{ id: ids.author }],
        faqs: [ids.faq],
      }),
      names: [],
    })
    expect(update.status, JSON.stringify(update.body).slice(0, 600)).toBe(200)
    expect(await snapshot()).not.toEqual(before)
    const read = await run({
      name: 'good read',
      method: 'GET',
      path: () =>
        '/articles?limit=5&page=1&depth=1&sort=-publishedAt,title&where[title][like]=fine',
      names: [],
    })
    expect(read.status).toBe(200)
    await payload.delete({ collection: 'articles', id, overrideAccess: true })
  })

  // A client (or the admin's form) that sends back what it read must never trip the checks.
  it.each([
    ['articles', 0, () => ids.article],
    ['articles', 1, () => ids.approved],
    ['faqs', 1, () => ids.faq],
    ['authors', 1, () => ids.author],
    ['media', 1, () => ids.media],
  ] as const)(
    'accepts a %s document sent back as read (depth %i)',
    async (collection, depth, id) => {
      const draft = collection === 'media' ? '' : '&draft=true'
      const read = await run({
        name: 'read back',
        method: 'GET',
        path: () => `/${collection}/${id()}?depth=${depth}${draft}`,
        names: [],
      })
      expect(read.status).toBe(200)
      const form = new FormData()
      // Publishing is the workflow's business (a 403 by design), not the shape's.
      const { _status: _ignored, ...doc } = read.body as Record<string, unknown>
      form.set('_payload', JSON.stringify(doc))
      const response = await fetch(`${server.url}/api/${collection}/${id()}?depth=0${draft}`, {
        method: 'PATCH',
        headers: { authorization: tokens.admin },
        body: form,
      })
      expect(response.status, (await response.text()).slice(0, 600)).toBe(200)
    },
  )

  it('still uploads media with its fields in _payload', async () => {
    const file = await pngFile({ width: 8, height: 8, name: `good-${uid()}.png` })
    const form = new FormData()
    form.set('_payload', JSON.stringify({ alt: 'Fine image' }))
    form.set('file', new Blob([file.data], { type: file.mimetype }), file.name)
    const response = await fetch(`${server.url}/api/media`, {
      method: 'POST',
      headers: { authorization: tokens.editor },
      body: form,
    })
    expect(response.status, await response.clone().text()).toBe(201)
    const { doc } = (await response.json()) as { doc: { id: string } }
    await payload.delete({ collection: 'media', id: doc.id, overrideAccess: true })
  })
})
