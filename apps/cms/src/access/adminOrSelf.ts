import type { Access } from 'payload'

import { isAdmin } from '@copydesk/workflow/roles'

/** Admins see and change every account; other staff only their own; readers none. */
export const adminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdmin({ user: req.user })) return true
  return { id: { equals: req.user.id } }
}
