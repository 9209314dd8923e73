import { describe, expect, it } from 'vitest'

import { signPreviewToken, verifyPreviewToken } from './preview.ts'

const secret = 'a-preview-secret-of-some-length'
const now = new Date('2026-05-01T10:00:00Z')
const claims = {
  collection: 'articles' as const,
  id: 'doc-1',
  user: 'user-1',
  exp: now.getTime() / 1000 + 60,
}

describe('preview tokens', () => {
  it('round-trips genuine claims', () => {
    const token = signPreviewToken({ claims, secret })
    expect(verifyPreviewToken({ token, secret, now })).toEqual(claims)
  })

  it('refuses an expired token', () => {
    const token = signPreviewToken({ claims, secret })
    expect(verifyPreviewToken({ token, secret, now: new Date(now.getTime() + 61_000) })).toBeNull()
  })

  it('refuses another secret, a tampered payload and garbage', () => {
    const token = signPreviewToken({ claims, secret })
    expect(verifyPreviewToken({ token, secret: 'another-secret-entirely', now })).toBeNull()
    const [, signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...claims, id: 'doc-2' })).toString('base64url')
    expect(verifyPreviewToken({ token: `${forged}.${signature}`, secret, now })).toBeNull()
    for (const junk of [undefined, null, '', 'abc', 'a.b.c', `${token}x`])
      expect(verifyPreviewToken({ token: junk, secret, now })).toBeNull()
  })

  it('refuses claims for a collection without drafts', () => {
    const token = signPreviewToken({ claims: { ...claims, collection: 'users' as never }, secret })
    expect(verifyPreviewToken({ token, secret, now })).toBeNull()
  })
})
