import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  fetchNotingFailures,
  isCmsUnreachable,
  markCmsUnreachable,
  UNREACHABLE_WINDOW_MS,
} from './availability'

afterEach(() => {
  vi.unstubAllGlobals()
  markCmsUnreachable(-UNREACHABLE_WINDOW_MS * 10)
})

describe('CMS availability', () => {
  it('counts the CMS as down for a short window after a failure', () => {
    markCmsUnreachable(1_000)
    expect(isCmsUnreachable(1_000 + UNREACHABLE_WINDOW_MS - 1)).toBe(true)
    expect(isCmsUnreachable(1_000 + UNREACHABLE_WINDOW_MS)).toBe(false)
  })

  it('notes refused connections and 5xx answers, not 4xx', async () => {
    const now = Date.now()
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 404 }))
    await fetchNotingFailures('http://cms.test/api/articles')
    expect(isCmsUnreachable(now)).toBe(false)

    vi.stubGlobal('fetch', async () => new Response('{}', { status: 502 }))
    await fetchNotingFailures('http://cms.test/api/articles')
    expect(isCmsUnreachable()).toBe(true)

    markCmsUnreachable(-UNREACHABLE_WINDOW_MS * 10)
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed')
    })
    await expect(fetchNotingFailures('http://cms.test/api/articles')).rejects.toThrow(
      'fetch failed',
    )
    expect(isCmsUnreachable()).toBe(true)
  })
})
