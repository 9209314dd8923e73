/** Lowercase words of letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const SLUG_MAX_LENGTH = 120

/**
 * Turns a headline or a name into a URL slug: accents folded, apostrophes dropped, everything
 * else that is not a letter or digit becomes a single hyphen.
 *
 * @example
 * slugify({ text: "What was Ri Il-gyu's role?" }) // 'what-was-ri-il-gyus-role'
 */
export const slugify = ({ text }: { text: string }): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '')

/**
 * Checks a slug an editor typed; returns a sentence a person can act on, or `true`.
 *
 * @example
 * validateSlug({ slug: 'Hello World' }) // 'Use lowercase letters, digits and single hyphens …'
 */
export const validateSlug = ({ slug }: { slug: string | null | undefined }): true | string => {
  if (!slug) return 'A slug is required.'
  if (slug.length > SLUG_MAX_LENGTH) return `A slug has at most ${SLUG_MAX_LENGTH} characters.`
  if (!SLUG_PATTERN.test(slug)) {
    return 'Use lowercase letters, digits and single hyphens only (kebab-case), e.g. "north-korea-talks".'
  }
  return true
}
