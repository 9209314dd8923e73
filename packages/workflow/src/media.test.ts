import { describe, expect, it } from 'vitest'

import type { MediaUse } from './media.ts'
import { canChangeMedia } from './media.ts'

const writer = { roles: ['writer'] as const }
const editor = { roles: ['editor'] as const }
const admin = { roles: ['admin'] as const }

const use = (overrides: Partial<MediaUse> = {}): MediaUse => ({
  isOwner: true,
  isUsedByLive: false,
  isUsedBeyondDrafts: false,
  ...overrides,
})

describe('canChangeMedia', () => {
  it('lets a writer change their own upload while only drafts use it', () => {
    expect(canChangeMedia({ user: writer, use: use() })).toEqual({ ok: true })
  })

  it('keeps images on the live site away from writers, even their own', () => {
    const decision = canChangeMedia({ user: writer, use: use({ isUsedByLive: true }) })
    expect(decision).toMatchObject({ ok: false, code: 'forbidden' })
    expect(decision.ok ? '' : decision.reason).toMatch(/live site.*editor or admin/)
  })

  it('keeps images of stories past the draft stage away from writers', () => {
    const decision = canChangeMedia({ user: writer, use: use({ isUsedBeyondDrafts: true }) })
    expect(decision.ok ? '' : decision.reason).toMatch(/in review, approved, scheduled/)
  })

  it("refuses a writer another person's upload", () => {
    const decision = canChangeMedia({ user: writer, use: use({ isOwner: false }) })
    expect(decision.ok ? '' : decision.reason).toMatch(/only images they uploaded/)
  })

  it('names the live site first when several reasons apply', () => {
    const decision = canChangeMedia({
      user: writer,
      use: { isOwner: false, isUsedByLive: true, isUsedBeyondDrafts: true },
    })
    expect(decision.ok ? '' : decision.reason).toMatch(/live site/)
  })

  it('lets editors and admins change any image, live or not', () => {
    for (const user of [editor, admin])
      for (const isUsedByLive of [true, false])
        expect(
          canChangeMedia({ user, use: { isOwner: false, isUsedByLive, isUsedBeyondDrafts: true } }),
        ).toEqual({ ok: true })
  })

  it('refuses anyone who is not on staff', () => {
    for (const user of [null, undefined, {}, { roles: [] }])
      expect(canChangeMedia({ user, use: use() })).toMatchObject({ ok: false })
  })
})
