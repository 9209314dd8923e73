import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { mediaDir } from '../../env'
import { isEditorAccess } from '../../access/isEditor'
import { isStaffAccess } from '../../access/isStaff'
import { revalidateDeletedMedia, revalidateMedia } from '../../hooks/revalidateMedia'

export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  labels: { singular: 'Image', plural: 'Media' },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'], group: 'Newsroom' },
  access: {
    // Images are public once uploaded: they only reach readers through published documents.
    read: () => true,
    create: isStaffAccess,
    update: isStaffAccess,
    delete: isEditorAccess,
  },
  hooks: {
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
  ],
}
