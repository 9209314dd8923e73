import type { Access, FieldAccess } from 'payload'

import { isAdmin } from '@copydesk/workflow/roles'

export const isAdminAccess: Access = ({ req }) => isAdmin({ user: req.user })

export const isAdminFieldAccess: FieldAccess = ({ req }) => isAdmin({ user: req.user })
