import { ResponseCookies } from 'next/dist/server/web/spec-extension/cookies'
import { describe, expect, it } from 'vitest'

import {
  endPreviewSession,
  isSecureCookieRequest,
  previewCookieOptions,
  startPreviewSession,
} from './previewCookies'

const plain = 'http://127.0.0.1:3000/api/draft?token=t'
const tls = 'https://news.example.com/api/draft?token=t'
const request = (over: Partial<Parameters<typeof isSecureCookieRequest>[0]>) => ({
  isProduction: false,
  url: plain,
  forwardedProto: null,
  forwarded: null,
  ...over,
})

describe('isSecureCookieRequest', () => {
  it('is always Secure in production, even over plain HTTP', () => {
    expect(isSecureCookieRequest(request({ isProduction: true }))).toBe(true)
  })

  it('is Secure over TLS, straight or through a proxy that says so', () => {
    expect(isSecureCookieRequest(request({ url: tls }))).toBe(true)
    expect(isSecureCookieRequest(request({ forwardedProto: 'https' }))).toBe(true)
    expect(isSecureCookieRequest(request({ forwardedProto: 'HTTPS' }))).toBe(true)
    expect(isSecureCookieRequest(request({ forwardedProto: 'https, http' }))).toBe(true)
    expect(isSecureCookieRequest(request({ forwarded: 'for=192.0.2.60;proto=https' }))).toBe(true)
    expect(isSecureCookieRequest(request({ forwarded: 'for="[2001:db8::1]";proto="https"' }))).toBe(
      true,
    )
  })

  it('is not Secure for a development server reached over plain HTTP', () => {
    expect(isSecureCookieRequest(request({}))).toBe(false)
    expect(isSecureCookieRequest(request({ forwardedProto: 'http' }))).toBe(false)
    expect(isSecureCookieRequest(request({ forwarded: 'for=192.0.2.60;proto=http' }))).toBe(false)
    expect(isSecureCookieRequest(request({ forwardedProto: 'httpsx' }))).toBe(false)
  })
})

describe('preview sessions', () => {
  it('sets both cookies HttpOnly, SameSite=Lax, Path=/ and Secure when the request asks for it', () => {
    const headers = new Headers()
    const jar = new ResponseCookies(headers)
    // What draftMode().enable() leaves in the jar in production (Next 16).
    jar.set('__prerender_bypass', 'preview-mode-id', {
      httpOnly: true,
      sameSite: 'none',
      secure: true,
      path: '/',
    })
    startPreviewSession({
      jar,
      token: 'signed.token',
      options: previewCookieOptions({ isSecure: true }),
    })
    const lines = headers.getSetCookie()
    expect(lines).toHaveLength(2)
    const bypass = lines.find((line) => line.startsWith('__prerender_bypass=preview-mode-id;'))
    const preview = lines.find((line) => line.startsWith('copydesk-preview=signed.token;'))
    for (const line of [bypass, preview]) {
      expect(line).toBeDefined()
      expect(line).toMatch(/; Secure(;|$)/)
      expect(line).toMatch(/; HttpOnly(;|$)/)
      expect(line).toMatch(/; SameSite=lax(;|$)/i)
      expect(line).toMatch(/; Path=\/(;|$)/)
    }
  })

  it('upgrades the draft-mode cookie Next set without Secure (development behind TLS)', () => {
    const headers = new Headers()
    const jar = new ResponseCookies(headers)
    jar.set('__prerender_bypass', 'id', {
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      path: '/',
    })
    startPreviewSession({ jar, token: 't', options: previewCookieOptions({ isSecure: true }) })
    expect(headers.getSetCookie().every((line) => /; Secure(;|$)/.test(line))).toBe(true)
  })

  it('leaves out Secure only when the request was plain HTTP outside production', () => {
    const headers = new Headers()
    const jar = new ResponseCookies(headers)
    startPreviewSession({ jar, token: 't', options: previewCookieOptions({ isSecure: false }) })
    expect(headers.getSetCookie()).toEqual([expect.not.stringMatching(/Secure/)])
  })

  it('expires both cookies with the attributes they were set with', () => {
    const headers = new Headers()
    const jar = new ResponseCookies(headers)
    endPreviewSession({ jar, options: previewCookieOptions({ isSecure: true }) })
    const lines = headers.getSetCookie()
    expect(lines.map((line) => line.split('=')[0]).sort()).toEqual([
      '__prerender_bypass',
      'copydesk-preview',
    ])
    for (const line of lines) {
      expect(line).toMatch(/Expires=Thu, 01 Jan 1970 00:00:00 GMT/)
      expect(line).toMatch(/; Secure(;|$)/)
      expect(line).toMatch(/; SameSite=lax(;|$)/i)
    }
  })
})
