import type { Access, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { isAdmin } from '@copydesk/workflow/roles'
import { isWorkflowCollection } from '@copydesk/workflow/states'

import { isStaffAccess } from '../../access/isStaff'
import { documentReferenceFields } from '../../fields/documentReference'
import { findLatest } from '../../workflow/subject'

/** Authors change their own notes; admins may remove any. */
const ownOrAdmin: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdmin({ user: req.user })) return true
  return { author: { equals: req.user.id } }
}

/**
 * Editorial notes on a document, threaded by `parent`. Staff only: no access rule ever lets a
 * reader or the public API read them, and the reader site never asks.
 */
export const EditorialComments: CollectionConfig<'editorial-comments'> = {
  slug: 'editorial-comments',
  labels: { singular: 'Editorial comment', plural: 'Editorial comments' },
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['body', 'author', 'documentCollection', 'createdAt'],
    group: 'Workflow',
  },
  defaultSort: 'createdAt',
  access: {
    read: isStaffAccess,
    create: isStaffAccess,
    update: ownOrAdmin,
    delete: ownOrAdmin,
  },
  hooks: {
    beforeChange: [
      async ({ data, operation, originalDoc, req }) => {
        if (operation === 'create') {
          data.author = req.user?.id
          data.authorName = req.user ? String(req.user.name ?? req.user.email) : null
        } else {
          data.author = originalDoc?.author
          data.authorName = originalDoc?.authorName
        }
        const collection = data.documentCollection ?? originalDoc?.documentCollection
        const id = data.document ?? originalDoc?.document
        if (
          !isWorkflowCollection(collection) ||
          !id ||
          !(await findLatest({ collection, id, req }))
        )
          throw new ValidationError({
            collection: 'editorial-comments',
            errors: [{ path: 'document', message: 'The comment must be on an existing document.' }],
          })
        return data
      },
    ],
  },
  fields: [
    ...documentReferenceFields(),
    { name: 'body', type: 'textarea', required: true, maxLength: 4000 },
    {
      name: 'parent',
      label: 'In reply to',
      type: 'relationship',
      relationTo: 'editorial-comments',
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true },
    },
    // Writers cannot read other accounts, so the name is kept with the comment.
    { name: 'authorName', type: 'text', admin: { readOnly: true } },
  ],
}
