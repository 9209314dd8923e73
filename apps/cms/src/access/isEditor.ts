import type { Access } from 'payload'

import { isEditor } from '@copydesk/workflow/roles'

export const isEditorAccess: Access = ({ req }) => isEditor({ user: req.user })
