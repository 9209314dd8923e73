import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '@copydesk/types/payload-types'

/** Whoever creates the very first account must be able to manage the others. */
export const firstUserIsAdmin: CollectionBeforeChangeHook<User> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}
