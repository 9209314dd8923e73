import matter from 'gray-matter'
import YAML from 'yaml'
import { describe, expect, it } from 'vitest'

import { articleSchema } from '../seed/content'
import {
  articleFields,
  authorFields,
  contentDate,
  contentFile,
  importableMarkdown,
} from './contentFiles'

describe('contentDate', () => {
  it('writes a stored noon UTC as the day, anything else in full', () => {
    expect(contentDate('2024-07-16T12:00:00.000Z')).toBe('2024-07-16')
    expect(contentDate('2024-07-16T08:30:00.000Z')).toBe('2024-07-16T08:30:00.000Z')
  })
})

describe('contentFile', () => {
  it('writes an author without a bio as front matter only', () => {
    expect(
      contentFile({
        fields: authorFields({ name: 'Claire Jimenez', slug: 'claire-jimenez', role: null }),
        body: '',
      }),
    ).toBe('---\nname: Claire Jimenez\nslug: claire-jimenez\n---\n')
  })

  it('writes an article the import reads back to the same fields', () => {
    const file = contentFile({
      fields: articleFields({
        title: "Núñez's story: a long headline, with a colon",
        slug: 'nunez-story',
        authorSlugs: ['jose-nunez', 'claire-jimenez'],
        publishedAt: '2024-08-02T12:00:00.000Z',
        source: { name: 'CubaHeadlines', url: null },
        topics: ['Cuba', '2024'],
        faqsHeading: null,
        faqsIntro: null,
        faqSlugs: [],
      }),
      body: 'A paragraph.\n',
    })
    expect(file).toMatch(/^---\ntitle: .*\n---\n\nA paragraph\.\n$/s)
    const parsed = matter(file, { engines: { yaml: (s: string) => YAML.parse(s) as object } })
    expect(articleSchema.parse(parsed.data)).toEqual({
      title: "Núñez's story: a long headline, with a colon",
      slug: 'nunez-story',
      authors: ['jose-nunez', 'claire-jimenez'],
      publishedAt: '2024-08-02T12:00:00.000Z',
      source: { name: 'CubaHeadlines' },
      topics: ['Cuba', '2024'],
    })
    expect(parsed.content).toBe('\nA paragraph.\n')
  })
})

describe('importableMarkdown', () => {
  it('writes bold italic as the importer reads it', () => {
    expect(importableMarkdown('a ***b c*** d, ***e***')).toBe('a _**b c**_ d, _**e**_')
  })

  it('leaves escaped asterisks, bold and italic alone', () => {
    expect(importableMarkdown('**\\***, **b** and *c*')).toBe('**\\***, **b** and *c*')
  })
})
