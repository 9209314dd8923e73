import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

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
  for (const kind of ['articles', 'authors', 'faqs'])
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
  for (const kind of ['articles', 'authors', 'faqs']) {
    const names = await readdir(path.join(dir, kind)).catch(() => [] as string[])
    for (const name of names.sort())
      tree[`${kind}/${name}`] = await readFile(path.join(dir, kind, name), 'utf8')
  }
  return tree
}
