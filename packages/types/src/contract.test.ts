import { describe, expect, it } from 'vitest'

import {
  missingSharedSecrets,
  resolveSharedSecret,
  SHARED_SECRET_NAMES,
  SHARED_SECRETS,
  secretTooShortMessage,
  VERSION_META_NAME,
  versionInHtml,
} from './contract.ts'

describe('shared secrets', () => {
  it('names both secrets, each with a development default long enough to pass its own rule', () => {
    expect(SHARED_SECRET_NAMES).toEqual(['REVALIDATE_SECRET', 'PREVIEW_SECRET'])
    for (const name of SHARED_SECRET_NAMES) {
      const rule = SHARED_SECRETS[name]
      expect(rule.developmentDefault.length).toBeGreaterThanOrEqual(rule.minLength)
    }
    expect(secretTooShortMessage('PREVIEW_SECRET')).toBe(
      'PREVIEW_SECRET must be at least 16 characters',
    )
  })

  it('uses a configured value everywhere', () => {
    for (const isProduction of [true, false])
      expect(
        resolveSharedSecret({
          name: 'REVALIDATE_SECRET',
          value: 'configured-secret',
          isProduction,
        }),
      ).toBe('configured-secret')
  })

  it('falls back to the public development default only outside production', () => {
    expect(
      resolveSharedSecret({ name: 'REVALIDATE_SECRET', value: undefined, isProduction: false }),
    ).toBe('copydesk-development-revalidate-secret')
    expect(
      resolveSharedSecret({ name: 'REVALIDATE_SECRET', value: undefined, isProduction: true }),
    ).toBeNull()
    expect(
      resolveSharedSecret({ name: 'PREVIEW_SECRET', value: '', isProduction: true }),
    ).toBeNull()
  })

  it('lists what a production server lacks, and nothing outside production', () => {
    expect(missingSharedSecrets({ isProduction: true, values: {} })).toEqual([
      'REVALIDATE_SECRET',
      'PREVIEW_SECRET',
    ])
    expect(
      missingSharedSecrets({ isProduction: true, values: { PREVIEW_SECRET: 'p'.repeat(16) } }),
    ).toEqual(['REVALIDATE_SECRET'])
    expect(
      missingSharedSecrets({
        isProduction: true,
        values: { PREVIEW_SECRET: 'p'.repeat(16), REVALIDATE_SECRET: 'r'.repeat(16) },
      }),
    ).toEqual([])
    expect(missingSharedSecrets({ isProduction: false, values: {} })).toEqual([])
  })
})

describe('the version meta tag', () => {
  it('is read back from the HTML the site renders, attributes in either order', () => {
    const at = '2026-05-01T10:00:00.000Z'
    expect(versionInHtml(`<head><meta name="${VERSION_META_NAME}" content="${at}"/></head>`)).toBe(
      at,
    )
    expect(versionInHtml(`<meta content="${at}" name="copydesk:version">`)).toBe(at)
  })

  it('ignores other meta tags and answers null when there is none', () => {
    expect(
      versionInHtml(
        '<meta name="description" content="x"><meta name="copydesk:versions" content="y">',
      ),
    ).toBeNull()
  })
})
