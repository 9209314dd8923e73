import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { checkInput } from './inputShape'

const fields: Field[] = [
  { name: 'title', label: 'Headline', type: 'text' },
  { name: 'topics', type: 'text', hasMany: true },
  { name: 'publishedAt', type: 'date' },
  { name: 'featured', type: 'checkbox' },
  { name: 'state', type: 'select', options: ['draft', { label: 'Live', value: 'published' }] },
  { name: 'authors', type: 'relationship', relationTo: 'authors', hasMany: true },
  { name: 'hero', type: 'group', fields: [{ name: 'image', type: 'upload', relationTo: 'media' }] },
  { name: 'body', type: 'richText' },
  {
    name: 'links',
    type: 'array',
    fields: [{ type: 'row', fields: [{ name: 'url', type: 'text' }] }],
  },
  {
    type: 'tabs',
    tabs: [
      { label: 'Story', fields: [{ name: 'dek', type: 'textarea' }] },
      { name: 'meta', fields: [{ name: 'title', type: 'text' }] },
    ],
  },
  { name: 'related', type: 'relationship', relationTo: ['articles', 'faqs'] },
]

const lexical = (children: unknown[]) => ({
  root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 },
})

const problems = (data: unknown) =>
  checkInput({ fields, data }).problems.map(({ path, message }) => ({ path, message }))

describe('checkInput', () => {
  it('accepts a well-formed document and lists the ids it points at', () => {
    const result = checkInput({
      fields,
      data: {
        id: 'abc',
        title: 'Fine',
        topics: ['a', 'b'],
        publishedAt: '2026-05-01T09:00:00.000Z',
        featured: false,
        state: 'published',
        authors: ['a1', { id: 'a2', name: 'Populated' }],
        hero: { image: 'm1' },
        body: lexical([
          { type: 'paragraph', children: [{ type: 'text', text: 'hi', $: { x: 1 } }] },
        ]),
        links: [{ id: 'row1', url: 'https://example.com' }],
        dek: 'Dek',
        meta: { title: 'Meta' },
        related: { relationTo: 'faqs', value: 'f1' },
        unknownButHarmless: { nested: true },
      },
    })
    expect(result.problems).toEqual([])
    expect(result.references.map(({ path, relationTo, id }) => ({ path, relationTo, id }))).toEqual(
      [
        { path: 'authors.0', relationTo: 'authors', id: 'a1' },
        { path: 'authors.1', relationTo: 'authors', id: 'a2' },
        { path: 'hero.image', relationTo: 'media', id: 'm1' },
        { path: 'related', relationTo: 'faqs', id: 'f1' },
      ],
    )
  })

  it('accepts null and empty relations (clearing a field)', () => {
    expect(problems({ title: null, hero: { image: '' }, authors: null, related: null })).toEqual([])
  })

  it('accepts the form encodings Payload reads itself', () => {
    expect(problems({ featured: 'true', publishedAt: '', links: '0' })).toEqual([])
  })

  it('names every value of the wrong JSON type, at its path', () => {
    expect(
      problems({
        title: { $gt: '' },
        topics: 'one',
        featured: 'yes',
        hero: 'picture',
        links: [{ url: 42 }, 'row'],
        meta: { title: ['x'] },
        dek: 7,
      }).map((p) => p.path),
    ).toEqual([
      'title',
      'topics',
      'featured',
      'hero',
      'links.0.url',
      'links.1',
      'dek',
      'meta.title',
    ])
  })

  it('refuses $ keys anywhere, including where no field is declared', () => {
    expect(problems({ $where: '1', hero: { $set: {} }, extra: { deep: [{ $ne: 1 }] } })).toEqual([
      { path: 'hero.$set', message: expect.stringMatching(/“\$”/) },
      { path: '$where', message: expect.stringMatching(/“\$”/) },
      { path: 'extra.deep.0.$ne', message: expect.stringMatching(/“\$”/) },
    ])
  })

  it('refuses bad dates and unknown options, saying what is expected', () => {
    expect(problems({ publishedAt: 'next tuesday', state: 'nope' })).toEqual([
      { path: 'publishedAt', message: expect.stringMatching(/Expected a date/) },
      { path: 'state', message: expect.stringMatching(/one of: draft, published/) },
    ])
    expect(problems({ publishedAt: '2026-13-45' })).toHaveLength(1)
  })

  it('refuses relationship values that are not ids', () => {
    expect(problems({ authors: 'a1', related: 'f1' }).map((p) => p.path)).toEqual([
      'authors',
      'related',
    ])
    expect(
      problems({ authors: [{ $ne: null }], related: { relationTo: 'users', value: 'u' } }),
    ).toEqual([
      { path: 'authors.0', message: expect.stringMatching(/id/) },
      { path: 'related', message: expect.stringMatching(/not one of: articles, faqs/) },
    ])
  })

  it('refuses rich text that is not a Lexical document', () => {
    expect(problems({ body: 'plain' }).map((p) => p.path)).toEqual(['body'])
    expect(problems({ body: { foo: 1 } }).map((p) => p.path)).toEqual(['body'])
    expect(problems({ body: lexical([{ text: 'no type' }]) }).map((p) => p.path)).toEqual([
      'body.root.children.0',
    ])
    expect(problems({ body: lexical([{ type: 'paragraph', $gt: 1 }]) }).map((p) => p.path)).toEqual(
      ['body.root.children.0.$gt'],
    )
  })

  it('stops at absurd nesting and huge strings without overflowing the stack', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = { a: deep }
    const nested = problems({ extra: deep })
    expect(nested).toHaveLength(1)
    expect(nested[0]?.message).toMatch(/nested more than/)
    expect(
      checkInput({ fields, data: { title: 'x'.repeat(11) }, maxTextLength: 10 }).problems,
    ).toEqual([
      expect.objectContaining({ path: 'title', message: expect.stringMatching(/limited to 10/) }),
    ])
  })

  it('refuses a body that is not an object, and a non-text password on auth collections', () => {
    expect(problems(['title'])).toEqual([
      { path: 'data', message: expect.stringMatching(/JSON object/) },
    ])
    expect(checkInput({ fields, data: { password: { a: 1 } }, isAuth: true }).problems).toEqual([
      { path: 'password', message: 'Expected text, got an object.' },
    ])
  })

  it('carries field labels so the 400 can name fields as editors know them', () => {
    expect(checkInput({ fields, data: { title: 5 } }).problems).toEqual([
      { path: 'title', label: 'Headline', message: 'Expected text, got a number.' },
    ])
  })
})
