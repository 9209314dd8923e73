import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { ContentPathError, ContentValidationError, loadContent } from './content'

let dir: string

const write = async (file: string, text: string) => {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
  await writeFile(path.join(dir, file), text)
}

const problems = async (findStored?: Parameters<typeof loadContent>[0]['findStored']) => {
  const error = await loadContent({ contentDir: dir, findStored }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ContentValidationError)
  return (error as ContentValidationError).problems.map(
    (p) => `${p.file}: ${p.field}: ${p.message}`,
  )
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-content-unit-'))
  await write('authors/ana.md', '---\nname: Ana\nslug: ana\n---\n')
})

afterEach(async () => rm(dir, { recursive: true, force: true }))

describe('loadContent', () => {
  it('reports the file-name and reference problems of a file whose fields are also wrong, in one pass', async () => {
    await write(
      'articles/story.md',
      '---\ntitle: 42\nslug: other-story\nauthors: [ana, ghost]\npublishedAt: 2024-07-16\n---\n\nBody.\n',
    )
    expect(await problems()).toEqual([
      'articles/story.md: title: must be text, not a number (42)',
      'articles/story.md: slug: "other-story" must match the file name (story.md has "story")',
      'articles/story.md: authors[1]: no author "ghost" in content/ or the CMS (add authors/ghost.md)',
    ])
  })

  it('accepts a reference the CMS has, asking only about slugs content/ lacks', async () => {
    await write(
      'articles/story.md',
      '---\ntitle: Story\nslug: story\nauthors: [ana, staff-writer]\npublishedAt: 2024-07-16\n---\n\nBody.\n',
    )
    const asked: string[][] = []
    const set = await loadContent({
      contentDir: dir,
      findStored: async ({ slugs }) => {
        asked.push(slugs)
        return new Set(slugs.filter((slug) => slug === 'staff-writer'))
      },
    })
    expect(asked).toEqual([['staff-writer']])
    expect(set.articles[0]?.data.authors).toEqual(['ana', 'staff-writer'])
  })

  it('names a file without front matter and a field nobody knows', async () => {
    await write('faqs/q.md', 'Just an answer.\n')
    await write('authors/bo.md', '---\nname: Bo\nslug: bo\nwebsite: https://bo.example\n---\n')
    expect(await problems()).toEqual([
      'authors/bo.md: website: is not a field of an author (known: name, slug, role, email, links)',
      'faqs/q.md: (front matter): is missing: start the file with "---", the fields, and "---" again',
    ])
  })

  it('says in one line that the folder is missing', async () => {
    await expect(loadContent({ contentDir: path.join(dir, 'nope') })).rejects.toThrow(
      new ContentPathError(path.join(dir, 'nope'), 'no such folder'),
    )
  })
})
