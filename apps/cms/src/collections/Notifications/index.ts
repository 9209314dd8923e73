import type { Access, CollectionConfig } from 'payload'

import { documentReferenceFields } from '../../fields/documentReference'

/** Each person sees and marks read only their own notifications. */
const ownNotifications: Access = ({ req }) =>
  req.user ? { recipient: { equals: req.user.id } } : false

/** In-app notifications, written by the workflow when something waits on someone. */
export const Notifications: CollectionConfig<'notifications'> = {
  slug: 'notifications',
  labels: { singular: 'Notification', plural: 'Notifications' },
  admin: {
    useAsTitle: 'message',
    defaultColumns: ['message', 'isRead', 'createdAt'],
    group: 'Workflow',
  },
  defaultSort: '-createdAt',
  access: {
    read: ownNotifications,
    update: ownNotifications,
    delete: ownNotifications,
    create: () => false,
  },
  fields: [
    {
      name: 'recipient',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      access: { update: () => false },
    },
    { name: 'message', type: 'text', required: true, access: { update: () => false } },
    { name: 'kind', type: 'text', access: { update: () => false } },
    ...documentReferenceFields({ required: false, access: { update: () => false } }),
    { name: 'isRead', label: 'Read', type: 'checkbox', defaultValue: false, index: true },
  ],
}
