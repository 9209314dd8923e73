import type { Article } from './payload-types'

/**
 * What the CMS and the reader site must agree on, beyond document types and cache tags: the
 * secrets they share and the rules for them, the names of the preview header and cookies, and
 * the meta tag that tells the CMS which version a page shows. Both apps import these, so a name
 * or a rule is never written twice.
 */

/** A secret both apps must be given the same value of. */
export type SharedSecretName = 'REVALIDATE_SECRET' | 'PREVIEW_SECRET'

export type SharedSecretRule = {
  /** Shorter values are refused when the app starts. */
  minLength: number
  /**
   * Used outside production when the variable is unset, so both apps work together
   * unconfigured. Public (it is in this file): never good enough for production.
   */
  developmentDefault: string
  /** What it protects, for messages. */
  purpose: string
}

/**
 * The shared secrets. The CMS sends `REVALIDATE_SECRET` with each revalidation request and signs
 * preview links with `PREVIEW_SECRET`; the site checks both.
 */
export const SHARED_SECRETS: Readonly<Record<SharedSecretName, SharedSecretRule>> = {
  REVALIDATE_SECRET: {
    minLength: 16,
    developmentDefault: 'copydesk-development-revalidate-secret',
    purpose: 'authorises the CMS to empty the site’s page cache',
  },
  PREVIEW_SECRET: {
    minLength: 16,
    developmentDefault: 'copydesk-development-preview-secret',
    purpose: 'signs the short-lived links that open a draft in preview',
  },
}

export const SHARED_SECRET_NAMES = Object.keys(SHARED_SECRETS) as SharedSecretName[]

/**
 * The message a too-short secret is refused with.
 *
 * @example
 * secretTooShortMessage('PREVIEW_SECRET') // 'PREVIEW_SECRET must be at least 16 characters'
 */
export const secretTooShortMessage = (name: SharedSecretName): string =>
  `${name} must be at least ${SHARED_SECRETS[name].minLength} characters`

/**
 * The value an app uses for a shared secret: the configured one, else the development default
 * outside production, else `null`. Production never falls back: the default is public, and with
 * it anyone could empty the site's cache or sign a preview link.
 *
 * @example
 * resolveSharedSecret({ name: 'PREVIEW_SECRET', value: undefined, isProduction: false })
 * // 'copydesk-development-preview-secret'
 * resolveSharedSecret({ name: 'PREVIEW_SECRET', value: undefined, isProduction: true }) // null
 */
export const resolveSharedSecret = ({
  name,
  value,
  isProduction,
}: {
  name: SharedSecretName
  value: string | null | undefined
  isProduction: boolean
}): string | null => {
  if (value) return value
  return isProduction ? null : SHARED_SECRETS[name].developmentDefault
}

/**
 * The shared secrets a production server lacks. The reader site refuses to start without them;
 * the CMS starts and turns the feature off (it warns). Outside production nothing is missing.
 *
 * @example
 * missingSharedSecrets({ isProduction: true, values: { PREVIEW_SECRET: 'x'.repeat(32) } })
 * // ['REVALIDATE_SECRET']
 */
export const missingSharedSecrets = ({
  isProduction,
  values,
}: {
  isProduction: boolean
  values: Partial<Record<SharedSecretName, string | null | undefined>>
}): SharedSecretName[] =>
  SHARED_SECRET_NAMES.filter(
    (name) => resolveSharedSecret({ name, value: values[name], isProduction }) === null,
  )

/** The header the site sends a preview token in when it asks the CMS for a draft. */
export const PREVIEW_TOKEN_HEADER = 'x-copydesk-preview'

/** The site's cookie that carries the preview token while draft mode is on. */
export const PREVIEW_COOKIE = 'copydesk-preview'

/** Next's own draft-mode cookie (set by `draftMode().enable()`). */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

/** Next's preview-data cookie (the Pages Router's preview mode; never set by this site). */
export const PREVIEW_DATA_COOKIE = '__next_preview_data'

/** Payload's session cookie (its default `cookiePrefix`, `payload`, plus `-token`). */
export const STAFF_SESSION_COOKIE = 'payload-token'

/**
 * Cookies a response may be rendered differently for (a staff session, preview, draft mode):
 * no shared cache may keep a response to a request that carries one.
 */
export const PRIVATE_COOKIES = [
  STAFF_SESSION_COOKIE,
  DRAFT_MODE_COOKIE,
  PREVIEW_DATA_COOKIE,
] as const

/**
 * The `<meta name>` a reader page carries its document's `updatedAt` in, which the CMS reads to
 * tell whether the version it just published is live.
 */
export const VERSION_META_NAME = 'copydesk:version'

/**
 * The version a page's HTML says it shows, or `null`.
 *
 * @example
 * versionInHtml('<meta name="copydesk:version" content="2026-05-01T10:00:00.000Z"/>')
 * // '2026-05-01T10:00:00.000Z'
 */
export const versionInHtml = (html: string): string | null => {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(tag)?.[1]
    if (name !== VERSION_META_NAME) continue
    return /\bcontent="([^"]*)"/i.exec(tag)?.[1] ?? null
  }
  return null
}

/**
 * What a search result carries of its article (`GET /api/articles/search`): what a result card
 * shows. The body and Key Questions a snippet is cut from stay in the CMS: they are most of a
 * story's bytes, and ten of them made every page of results some 140 kB.
 */
export type SearchResultDoc = Pick<
  Article,
  'id' | 'title' | 'slug' | 'dek' | 'publishedAt' | 'authors' | 'topics' | 'meta'
>

/**
 * Windows `GET /api/articles/counts` counts in one request at most: ten years, or two years'
 * months, and the list itself. The CMS refuses more; the site asks for no more.
 */
export const COUNTS_MAX_WINDOWS = 24
