/** Where a redirect goes when the path it was given is not a safe one. */
export const FALLBACK_PATH = '/'

// Longer than any page of this site's needs, short enough that nobody smuggles a payload in it.
const MAX_LENGTH = 2048

// A made-up origin to resolve against: a path that stays on it stays on whatever origin serves it.
const PROBE_ORIGIN = 'http://same-origin.invalid'

// C0 controls (tab, newline and carriage return among them: URL parsers drop those silently,
// so `/\t/evil.example` becomes `//evil.example`), DEL, and the backslash, which browsers read
// as a slash in http(s) URLs (`/\evil.example` is `//evil.example`, another host).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f\\]/

/** Starts with exactly one slash and holds nothing a URL parser would drop or turn into one. */
const isPlainPath = (path: string): boolean =>
  path.startsWith('/') && !path.startsWith('//') && !UNSAFE_CHARACTER.test(path)

/**
 * Whether a path still reads as a plain path after being percent-decoded, however many times:
 * `/%5Cevil.example` or `/%2F%2Fevil.example` are harmless to a browser, but not to a proxy or a
 * router that decodes once more before it redirects or resolves. Only the part before the query
 * is decoded: the query and fragment never decide the host.
 */
const staysPlainWhenDecoded = (path: string): boolean => {
  let current = path.split(/[?#]/, 1)[0] ?? ''
  for (let round = 0; round < 5; round += 1) {
    let decoded: string
    try {
      decoded = decodeURIComponent(current)
    } catch {
      return false // a malformed escape: nothing a real page of this site links to
    }
    if (decoded === current) return true
    if (!isPlainPath(decoded)) return false
    current = decoded
  }
  return false
}

/**
 * The same-origin path a redirect may send a browser to, taken from untrusted input (a query
 * parameter), or `/` when the input is anything else: absolute URLs (`https://evil.example`),
 * protocol-relative ones (`//evil.example`), backslash tricks (`/\evil.example`), control
 * characters and their percent-encoded forms. The answer is normalised (`/a/../b` is `/b`).
 *
 * @example
 * safeRedirectPath('/articles/talks-resume?x=1') // '/articles/talks-resume?x=1'
 * safeRedirectPath('/\\evil.example')             // '/'
 * safeRedirectPath('https://evil.example')       // '/'
 * safeRedirectPath(null)                         // '/'
 */
export const safeRedirectPath = (candidate: string | null | undefined): string => {
  if (typeof candidate !== 'string' || candidate.length > MAX_LENGTH) return FALLBACK_PATH
  if (!isPlainPath(candidate) || !staysPlainWhenDecoded(candidate)) return FALLBACK_PATH
  let resolved: URL
  try {
    resolved = new URL(candidate, PROBE_ORIGIN)
  } catch {
    return FALLBACK_PATH
  }
  if (resolved.origin !== PROBE_ORIGIN) return FALLBACK_PATH
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`
  // Normalising can make one: `/..//evil.example` resolves to the path `//evil.example`.
  return isPlainPath(path) ? path : FALLBACK_PATH
}
