import type { Access } from 'payload'

import { isStaff } from '@copydesk/workflow/roles'

/**
 * Staff read everything; everyone else reads published documents only. Returning a `Where`
 * (rather than `false`) lets anonymous lists and lookups work while filtering out drafts, and
 * Payload applies it to the published version, so a newer draft never leaks.
 */
export const publishedOrStaff: Access = ({ req }) =>
  isStaff({ user: req.user }) || { _status: { equals: 'published' } }
