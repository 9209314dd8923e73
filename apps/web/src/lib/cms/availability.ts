/**
 * Whether the CMS was unreachable a moment ago. The page renders (which notice) and the HTTP
 * layer (which answers) are separate bundles in one process, so the state lives on `globalThis`
 * under a registered symbol rather than in a module.
 */
const LAST_FAILURE = Symbol.for('copydesk.web.cmsUnreachableAt')

/** How long after a failed request the CMS still counts as down. */
export const UNREACHABLE_WINDOW_MS = 10_000

type Holder = { [LAST_FAILURE]?: number }

/** Records that a request to the CMS failed: refused, reset, or answered 5xx. */
export const markCmsUnreachable = (now = Date.now()): void => {
  ;(globalThis as Holder)[LAST_FAILURE] = now
}

/**
 * True when a request to the CMS failed within the last {@link UNREACHABLE_WINDOW_MS}.
 *
 * @example
 * markCmsUnreachable(1_000)
 * isCmsUnreachable(5_000) // true
 * isCmsUnreachable(20_000) // false
 */
export const isCmsUnreachable = (now = Date.now()): boolean => {
  const at = (globalThis as Holder)[LAST_FAILURE]
  return at !== undefined && now - at < UNREACHABLE_WINDOW_MS
}

/**
 * `fetch` that notes when the CMS cannot answer. Calls the global `fetch` at call time, so Next's
 * cached, tagged fetch stays the one that runs.
 */
export const fetchNotingFailures: typeof fetch = async (input, init) => {
  try {
    const res = await fetch(input, init)
    if (res.status >= 500) markCmsUnreachable()
    return res
  } catch (error) {
    markCmsUnreachable()
    throw error
  }
}
