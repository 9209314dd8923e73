import { describe, expect, it } from 'vitest'

import { startupRefusal } from './startup'

describe('startupRefusal', () => {
  it('lets a fully configured server start', () => {
    expect(startupRefusal({ missing: [] })).toBeNull()
  })

  it('names every missing variable', () => {
    expect(startupRefusal({ missing: ['REVALIDATE_SECRET', 'PREVIEW_SECRET'] })).toMatch(
      /^Refusing to start in production without REVALIDATE_SECRET and PREVIEW_SECRET: set them/,
    )
    expect(startupRefusal({ missing: ['PREVIEW_SECRET'] })).toMatch(
      /without PREVIEW_SECRET: set it /,
    )
  })
})
