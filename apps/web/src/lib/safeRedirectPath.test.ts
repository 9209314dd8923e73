import { describe, expect, it } from 'vitest'

import { safeRedirectPath } from './safeRedirectPath'

describe('safeRedirectPath', () => {
  it.each([
    '/',
    '/articles/talks-resume',
    '/authors/claire-jimenez',
    '/topics/north-korea',
    '/search?q=cuba&page=2',
    '/articles/talks-resume#key-questions',
    '/search?q=%5C', // an encoded backslash in the query decides nothing about the host
  ])('keeps the same-origin path %j', (path) => {
    expect(safeRedirectPath(path)).toBe(path)
  })

  it('normalises dot segments instead of passing them on', () => {
    expect(safeRedirectPath('/articles/../authors/x')).toBe('/authors/x')
    expect(safeRedirectPath('/..//evil.example')).toBe('/')
  })

  it.each([
    // Other origins, spelled every way a browser still reads as one.
    'https://evil.example',
    'http://evil.example/articles/x',
    'HTTPS://evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '\\/evil.example',
    // Control characters that URL parsers drop, leaving `//`.
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/\u0000/evil.example',
    // Percent-encoded forms, for whatever decodes once more before redirecting.
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/%255Cevil.example',
    '/%252F%252Fevil.example',
    '/%09/evil.example',
    '/%0A/evil.example',
    '/%E0%A4%A', // malformed escape
    // Not paths at all.
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    'articles/talks-resume',
    '',
  ])('falls back to / for %j', (hostile) => {
    expect(safeRedirectPath(hostile)).toBe('/')
  })

  it('falls back to / when there is no path, or an absurdly long one', () => {
    expect(safeRedirectPath(null)).toBe('/')
    expect(safeRedirectPath(undefined)).toBe('/')
    expect(safeRedirectPath(`/${'a'.repeat(5000)}`)).toBe('/')
  })

  it('never answers anything that resolves off the site', () => {
    const origin = 'https://news.example.com'
    const hostile = ['//evil.example', '/\\evil.example', '/%5Cevil.example', '/\t/evil.example']
    for (const input of hostile)
      expect(new URL(safeRedirectPath(input), origin).origin).toBe(origin)
  })
})
