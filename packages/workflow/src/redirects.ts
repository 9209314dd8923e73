/**
 * What a published story's URL change means for its old addresses. A redirect points at the story
 * itself, not at a path, so the site always sends readers to the story's current address: after
 * A → B → C both A and B answer with C, in one hop, without rewriting older redirects.
 */
export type RedirectMoves = {
  /** The slug whose old address should now lead to this story, or `null`. */
  redirectFrom: string | null
  /** The slug that is a story's live address now, so no redirect may claim it, or `null`. */
  clear: string | null
}

/** A slug as stored: drafts may not have one yet. */
type Slug = string | null | undefined

/**
 * Compares what readers saw before a save (`previousSlug`, the published slug, or nothing) with
 * what they see after it (`slug`, or nothing when the story is not published now).
 *
 * - Published under a new slug: the old one redirects here, and the new one stops redirecting
 *   (changing back to an earlier slug, or a story taking a slug another story left behind).
 * - First publish: its slug stops redirecting anywhere.
 * - A draft save or an unpublish: nothing moves (a redirect to a story that is not published
 *   leads nowhere and the site answers 404, until it is published again).
 *
 * @example
 * redirectMoves({ previousSlug: 'talks-resume', slug: 'talks-resume-in-geneva' })
 * // { redirectFrom: 'talks-resume', clear: 'talks-resume-in-geneva' }
 */
export const redirectMoves = ({
  previousSlug,
  slug,
}: {
  previousSlug: Slug
  slug: Slug
}): RedirectMoves => {
  if (!slug) return { redirectFrom: null, clear: null }
  return { redirectFrom: previousSlug && previousSlug !== slug ? previousSlug : null, clear: slug }
}

/** The longest address a redirect may start from. */
export const REDIRECT_PATH_MAX_LENGTH = 500

/**
 * Checks the address a redirect starts from: an article's old address on the reader site
 * (`/articles/old-slug`; the site looks redirects up where an article is not found), never
 * another site, a protocol-relative `//host` or a query. Returns a sentence a person can act on,
 * or `true`.
 *
 * @example
 * validateRedirectFrom({ from: 'https://example.com/x' }) // 'Enter an article address …'
 */
export const validateRedirectFrom = ({ from }: { from: unknown }): true | string => {
  if (typeof from !== 'string' || from.length === 0)
    return 'Enter the old address, e.g. /articles/old-slug.'
  if (from.length > REDIRECT_PATH_MAX_LENGTH)
    return `An address has at most ${REDIRECT_PATH_MAX_LENGTH} characters.`
  if (!/^\/articles\/[^/\s\\?#]+$/.test(from))
    return 'Enter an article address on the site: “/articles/” and the old slug, without spaces, “?” or “#”, e.g. /articles/old-slug.'
  return true
}
