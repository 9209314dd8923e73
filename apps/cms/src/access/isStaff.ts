import type { Access, FieldAccess } from 'payload'

import { isStaff } from '@copydesk/workflow/roles'

export const isStaffAccess: Access = ({ req }) => isStaff({ user: req.user })

export const isStaffFieldAccess: FieldAccess = ({ req }) => isStaff({ user: req.user })
