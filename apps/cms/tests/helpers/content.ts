import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Random } from './markdown'
import { markdownDocument } from './markdown'

/** The rich fixture: every Markdown construct, a second author (accented), two new FAQs. */
export const RICH_CONTENT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/rich-content',
)

const made: string[] = []

/** A temporary content folder holding a copy of each source folder (later ones win). */
export const tempContent = async (...sources: string[]): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'copydesk-content-'))
  made.push(dir)
  for (const kind of ['articles', 'authors', 'faqs', 'topics'])
    await mkdir(path.join(dir, kind), { recursive: true })
  for (const source of sources) await cp(source, dir, { recursive: true })
  return dir
}

/** Removes every folder `tempContent` made. */
export const removeTempContent = async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
}

/** Writes one content file: front matter as YAML lines, then the body. */
export const writeContentFile = async (dir: string, file: string, frontMatter: string, body = '') =>
  writeFile(path.join(dir, file), `---\n${frontMatter.trim()}\n---\n\n${body}\n`)

/** Every file under a content folder, by relative path, with its bytes as text. */
export const readContentTree = async (dir: string): Promise<Record<string, string>> => {
  const tree: Record<string, string> = {}
  for (const kind of ['articles', 'authors', 'faqs', 'topics']) {
    const names = await readdir(path.join(dir, kind)).catch(() => [] as string[])
    for (const name of names.sort())
      tree[`${kind}/${name}`] = await readFile(path.join(dir, kind, name), 'utf8')
  }
  return tree
}

/**
 * One author, then `count` FAQs and `count` articles (each asking its FAQ), every body a random
 * Markdown document with every construct the editor supports.
 */
export const writeGeneratedContent = async ({
  dir,
  random,
  count,
}: {
  dir: string
  random: Random
  count: number
}) => {
  await writeContentFile(
    dir,
    'authors/generated-writer.md',
    'name: Generated Writer\nslug: generated-writer',
    markdownDocument(random, { isShort: true }),
  )
  for (let i = 0; i < count; i += 1) {
    await writeContentFile(
      dir,
      `faqs/generated-question-${i}.md`,
      `question: Generated question ${i}?\nslug: generated-question-${i}`,
      markdownDocument(random, { isShort: true }),
    )
    await writeContentFile(
      dir,
      `articles/generated-story-${i}.md`,
      `title: Generated story ${i}\nslug: generated-story-${i}\nauthors: [generated-writer]\npublishedAt: 2024-09-0${1 + (i % 9)}\nkeyQuestions:\n  faqs: [generated-question-${i}]`,
      markdownDocument(random),
    )
  }
}
