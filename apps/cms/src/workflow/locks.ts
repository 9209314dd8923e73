import type { User } from '@copydesk/types/payload-types'
import { editability } from '@copydesk/workflow/desk'

import { relationIds } from '../revalidate/lookups'
import type { DocumentAt } from './subject'
import { findLatest, subjectOf } from './subject'

/**
 * After a workflow move, lets go of Payload's edit locks on the document held by people who may
 * no longer edit it (a writer who just submitted, with the story still open): their form is
 * read-only now, and their lock must not stop the reviewer with "Document locked".
 */
export const releaseLocksOfNonEditors = async ({ collection, id, req }: DocumentAt) => {
  const latest = await findLatest({ collection, id, req })
  if (!latest) return
  const subject = subjectOf(latest)
  const { docs: locks } = await req.payload.find({
    collection: 'payload-locked-documents',
    where: {
      and: [
        { 'document.value': { equals: String(id) } },
        { 'document.relationTo': { equals: collection } },
      ],
    },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const lock of locks) {
    const [holderId] = relationIds(lock.user?.value)
    const holder = holderId
      ? ((await req.payload
          .findByID({ collection: 'users', id: holderId, depth: 0, overrideAccess: true, req })
          .catch(() => null)) as User | null)
      : null
    if (holder && editability({ user: holder, doc: subject }).canEdit) continue
    await req.payload.delete({
      collection: 'payload-locked-documents',
      id: lock.id,
      overrideAccess: true,
      req,
    })
  }
}
