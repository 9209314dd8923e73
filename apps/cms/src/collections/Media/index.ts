import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { mediaDir } from '../../env'
import { isStaffAccess, isStaffFieldAccess } from '../../access/isStaff'
import { mediaChangeAccess, mediaReadAccess } from '../../access/media'
import { revalidateDeletedMedia, revalidateMedia } from '../../hooks/revalidateMedia'
import { guardMediaChanges, setUploader } from './hooks/guardMediaChanges'

export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  labels: { singular: 'Image', plural: 'Media' },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'], group: 'Newsroom' },
  access: {
    // Readers see an image only once a published document shows it (files included).
    read: mediaReadAccess,
    create: isStaffAccess,
    // Editors and admins change any image; writers only their own uploads that no live or
    // reviewed story uses (@copydesk/workflow/media). The guard answers with the reason.
    update: mediaChangeAccess,
    delete: mediaChangeAccess,
  },
  hooks: {
    beforeOperation: [guardMediaChanges],
    beforeChange: [setUploader],
    afterChange: [revalidateMedia],
    afterDelete: [revalidateDeletedMedia],
  },
  upload: {
    staticDir: path.resolve(mediaDir),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 320, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'hero', width: 1600, withoutEnlargement: true },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
  },
  fields: [
    {
      name: 'alt',
      label: 'Alt text',
      type: 'text',
      required: true,
      admin: { description: 'Describe the image for readers who cannot see it.' },
    },
    { name: 'caption', type: 'text' },
    { name: 'credit', type: 'text' },
    {
      name: 'uploadedBy',
      label: 'Uploaded by',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      // Set when the image is uploaded; nobody edits it, and readers never see it.
      access: { read: isStaffFieldAccess, create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
