import { describe, expect, it } from 'vitest'

import { hasRole, isAdmin, isEditor, isStaff } from './roles.ts'

describe('roles', () => {
  const admin = { roles: ['admin'] as const }
  const editor = { roles: ['editor'] as const }
  const writer = { roles: ['writer'] as const }

  it('treats nobody as a reader with no powers', () => {
    for (const user of [null, undefined, {}, { roles: null }, { roles: [] }]) {
      expect(isStaff({ user })).toBe(false)
      expect(isEditor({ user })).toBe(false)
      expect(isAdmin({ user })).toBe(false)
    }
  })

  it('ranks admin above editor above writer', () => {
    expect([isAdmin, isEditor, isStaff].map((rule) => rule({ user: admin }))).toEqual([
      true,
      true,
      true,
    ])
    expect([isAdmin, isEditor, isStaff].map((rule) => rule({ user: editor }))).toEqual([
      false,
      true,
      true,
    ])
    expect([isAdmin, isEditor, isStaff].map((rule) => rule({ user: writer }))).toEqual([
      false,
      false,
      true,
    ])
  })

  it('accepts any of several roles', () => {
    expect(hasRole({ user: { roles: ['writer', 'editor'] }, roles: ['editor'] })).toBe(true)
    expect(hasRole({ user: writer, roles: ['admin', 'editor'] })).toBe(false)
  })
})
