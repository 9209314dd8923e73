import type { CollectionConfig } from 'payload'

import { isEditorAccess } from '../../access/isEditor'
import { isStaffAccess } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { shortEditor } from '../../fields/richText'
import { slugField } from '../../fields/slug'
import {
  rememberPublishedFaq,
  revalidateDeletedFaq,
  revalidateFaq,
} from '../../hooks/revalidateFaq'
import { versionsWithDrafts } from '../versions'

export const Faqs: CollectionConfig<'faqs'> = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', '_status', 'updatedAt'],
    group: 'Newsroom',
  },
  access: {
    read: publishedOrStaff,
    create: isStaffAccess,
    update: isStaffAccess,
    delete: isEditorAccess,
  },
  defaultPopulate: { question: true, answer: true, slug: true },
  versions: versionsWithDrafts,
  hooks: {
    beforeChange: [rememberPublishedFaq],
    afterChange: [revalidateFaq],
    afterDelete: [revalidateDeletedFaq],
  },
  fields: [
    { name: 'question', type: 'text', required: true, maxLength: 300 },
    { name: 'answer', type: 'richText', editor: shortEditor },
    slugField({ from: 'question' }),
  ],
}
