export const ROLES = ['admin', 'editor', 'writer'] as const

export type Role = (typeof ROLES)[number]

/** Anything with optional roles: a Payload user, a JWT payload, or nobody at all. */
export type MaybeUser = { roles?: readonly Role[] | null } | null | undefined

/**
 * Whether the user holds at least one of the given roles.
 *
 * @example
 * hasRole({ user: { roles: ['editor'] }, roles: ['admin', 'editor'] }) // true
 */
export const hasRole = ({ user, roles }: { user: MaybeUser; roles: readonly Role[] }): boolean =>
  Boolean(user?.roles?.some((role) => roles.includes(role)))

/** Admins manage users and settings. */
export const isAdmin = ({ user }: { user: MaybeUser }): boolean =>
  hasRole({ user, roles: ['admin'] })

/** Editors and admins review and publish. */
export const isEditor = ({ user }: { user: MaybeUser }): boolean =>
  hasRole({ user, roles: ['admin', 'editor'] })

/** Anyone on staff: writers, editors and admins. Readers are never signed in. */
export const isStaff = ({ user }: { user: MaybeUser }): boolean => hasRole({ user, roles: ROLES })
