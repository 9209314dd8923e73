import type { CollectionConfig } from 'payload'

import {
  MetaDescriptionField,
  MetaImageField,
  MetaTitleField,
  OverviewField,
  PreviewField,
} from '@payloadcms/plugin-seo/fields'

import { isEditorAccess } from '../../access/isEditor'
import { slugField } from '../../fields/slug'
import { rememberTopicSlug, revalidateDeletedTopic, revalidateTopic } from './hooks/revalidateTopic'

/**
 * The subjects stories are filed under. A topic's page, the topic list and the sitemap come from
 * these documents. Topics have no drafts: a topic is a label, and a save is live. Editors and
 * admins manage them; writers read them and pick them on their stories; readers see them all
 * (a topic with no published story simply lists nothing).
 */
export const Topics: CollectionConfig<'topics'> = {
  slug: 'topics',
  labels: { singular: 'Topic', plural: 'Topics' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'updatedAt'],
    listSearchableFields: ['name', 'slug'],
    group: 'Newsroom',
  },
  defaultSort: 'name',
  access: {
    read: () => true,
    create: isEditorAccess,
    update: isEditorAccess,
    delete: isEditorAccess,
  },
  defaultPopulate: { name: true, slug: true },
  hooks: {
    beforeChange: [rememberTopicSlug],
    afterChange: [revalidateTopic],
    afterDelete: [revalidateDeletedTopic],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80, index: true },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'About',
          fields: [
            {
              name: 'description',
              type: 'textarea',
              maxLength: 500,
              admin: { description: 'One or two sentences at the top of the topic page.' },
            },
          ],
        },
        {
          name: 'meta',
          label: 'SEO',
          fields: [
            OverviewField({
              titlePath: 'meta.title',
              descriptionPath: 'meta.description',
              imagePath: 'meta.image',
            }),
            MetaTitleField({ hasGenerateFn: false }),
            MetaImageField({ relationTo: 'media' }),
            MetaDescriptionField({ hasGenerateFn: false }),
            PreviewField({
              hasGenerateFn: false,
              titlePath: 'meta.title',
              descriptionPath: 'meta.description',
            }),
          ],
        },
      ],
    },
    slugField({ from: 'name' }),
  ],
}
