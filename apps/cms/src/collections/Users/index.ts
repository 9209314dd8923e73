import type { CollectionConfig } from 'payload'

import type { User } from '@copydesk/types/payload-types'

import { isEditor, isStaff, ROLES } from '@copydesk/workflow/roles'

import { adminOrSelf } from '../../access/adminOrSelf'
import { isAdminAccess, isAdminFieldAccess } from '../../access/isAdmin'
import { isProduction } from '../../env'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { limitSignInAttempts } from './hooks/limitSignInAttempts'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  labels: { singular: 'User', plural: 'Users' },
  auth: {
    tokenExpiration: 60 * 60 * 8,
    // Staff sessions travel over TLS only in production. Browsers treat localhost as secure, so the
    // production build still signs in on http://localhost and 127.0.0.1 (e2e, `npm run start`).
    cookies: { sameSite: 'Lax', secure: isProduction },
    // Ten wrong passwords lock the account for ten minutes; only an admin can unlock it sooner.
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: 'Settings',
    // Writers may read only their own account (the Account page): a Users list would show them
    // nothing else, so it stays out of their navigation and dashboard.
    hidden: ({ user }) => !isEditor({ user: user as { roles?: User['roles'] } }),
  },
  access: {
    admin: ({ req }) => isStaff({ user: req.user }),
    read: adminOrSelf,
    create: isAdminAccess,
    update: adminOrSelf,
    delete: isAdminAccess,
    // Payload's default lets any signed-in account unlock any other, undoing a lockout.
    unlock: isAdminAccess,
  },
  hooks: {
    // Per client address, before Payload looks anything up (see the hook for the key).
    beforeOperation: [limitSignInAttempts],
    beforeChange: [firstUserIsAdmin],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['writer'],
      saveToJWT: true,
      options: ROLES.map((role) => ({
        label: role[0]?.toUpperCase() + role.slice(1),
        value: role,
      })),
      // Only admins hand out powers; nobody promotes themselves.
      access: { create: isAdminFieldAccess, update: isAdminFieldAccess },
    },
  ],
}
