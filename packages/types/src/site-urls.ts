/**
 * Where each document lives on the reader site. The site routes by these paths, and the CMS, the
 * edge benchmark and the end-to-end tests link to them, so they are built here and nowhere else.
 */

/** The document kinds that have a page of their own on the reader site. */
export type ReaderPageKind = 'articles' | 'authors' | 'topics'

const READER_PAGE_KINDS: readonly ReaderPageKind[] = ['articles', 'authors', 'topics']

/**
 * A slug as the generated types have it. Published documents always have one; a document without
 * one yet gets its kind's bare folder, which no page answers.
 */
type Slug = string | null | undefined

/** Whether a collection (or topic) has pages of its own; FAQs appear inside articles. */
export const hasReaderPage = (kind: string): kind is ReaderPageKind =>
  (READER_PAGE_KINDS as readonly string[]).includes(kind)

/**
 * The site-relative path of a document's page. The slug is percent-encoded, so whatever a draft's
 * slug holds (`/`, `\`, `?`, `#`), the path stays on the site, one segment under its kind (a
 * published slug is kebab-case; a draft's `..` would resolve to the front page).
 *
 * @example
 * readerPath('articles', 'talks-resume') // '/articles/talks-resume'
 * readerPath('topics', 'north-korea')    // '/topics/north-korea'
 */
export const readerPath = (kind: ReaderPageKind, slug: Slug): string =>
  `/${kind}/${encodeURIComponent(slug ?? '')}`

/**
 * The absolute URL of a document's page on a site whose origin is `siteUrl` (a path on it, if
 * any, is replaced).
 *
 * @example
 * readerUrl('https://news.example.com', 'authors', 'claire-jimenez')
 * // 'https://news.example.com/authors/claire-jimenez'
 */
export const readerUrl = (siteUrl: string, kind: ReaderPageKind, slug: Slug): string =>
  new URL(readerPath(kind, slug), siteUrl).toString()

/**
 * The frame the CMS's live-preview panel loads for a document (`?token=` is added by the CMS).
 * The site has one for articles, the only collection with live preview.
 *
 * @example
 * livePreviewPath('articles', '665f…') // '/preview/articles/665f…'
 */
export const livePreviewPath = (collection: string, id: string): string =>
  `/preview/${collection}/${encodeURIComponent(id)}`

/** The site's route that checks a signed preview link and turns draft mode on. */
export const DRAFT_ENTRY_PATH = '/api/draft'

/** The site's route that turns draft mode off (`?path=` is where to go back to). */
export const DRAFT_EXIT_PATH = '/api/draft/exit'

/** The site's route the CMS announces changes to. */
export const REVALIDATE_PATH = '/api/revalidate'
