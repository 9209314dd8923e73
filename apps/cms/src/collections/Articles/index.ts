import type { CollectionConfig } from 'payload'

import {
  MetaDescriptionField,
  MetaImageField,
  MetaTitleField,
  OverviewField,
  PreviewField,
} from '@payloadcms/plugin-seo/fields'

import { compoundIndexes } from '@copydesk/types/indexes'

import { isStaffAccess } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { newsroomEditor } from '../../fields/richText'
import { countsEndpoint } from '../../archive/countsEndpoint'
import { archiveEndpoint } from '../../archive/endpoint'
import { requiredToPublish } from '../../fields/requiredToPublish'
import { searchEndpoint } from '../../search/endpoint'
import { searchFields } from '../../search/fields'
import { setSearchText } from '../../search/hooks'
import { slugField } from '../../fields/slug'
import { correctionsField, workflowFields } from '../../fields/workflow'
import {
  rememberPublishedArticle,
  revalidateArticle,
  revalidateDeletedArticle,
} from '../../hooks/revalidateArticle'
import { editableByStaff } from '../../workflow/editAccess'
import { workflowEndpoints } from '../../workflow/endpoints'
import {
  enforceWorkflow,
  recordAutomaticEvents,
  requireDeleteDecision,
  trackOwners,
} from '../../workflow/enforce'
import { previewUrlFor, siteEndpoints } from '../../workflow/siteEndpoints'
import { versionsWithDrafts } from '../versions'
import { TITLE_MAX_LENGTH } from './constants'
import { resolveTopicNames } from './hooks/resolveTopicNames'
import {
  redirectOldSlug,
  rememberPublishedSlug,
  removeRedirectsToDeleted,
} from './hooks/redirectOldSlug'
import { setPublishedAt } from './hooks/setPublishedAt'

export const Articles: CollectionConfig<'articles'> = {
  slug: 'articles',
  labels: { singular: 'Article', plural: 'Articles' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'authors', 'workflowState', 'publishedAt', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'dek'],
    group: 'Newsroom',
    // Opens the reader site in draft mode on the latest draft (a signed, short-lived link).
    preview: (doc, { req }) => previewUrlFor({ collection: 'articles', id: String(doc.id), req }),
    // The same page beside the form, updated as the editor types.
    livePreview: {
      url: ({ data, req }) =>
        data?.id
          ? previewUrlFor({ collection: 'articles', id: String(data.id), req, live: true })
          : null,
    },
    components: {
      edit: {
        // The workflow's moves, shown whether or not the form is open to this person: Payload
        // renders its Publish slot only for people who may save, and a writer whose story is in
        // review still needs Withdraw.
        beforeDocumentControls: [
          '/components/workflow/WorkflowActions#WorkflowActions',
          // Nothing is stored until the new document has its headline.
          {
            path: '/components/workflow/FirstDraftSave#FirstDraftSave',
            clientProps: { titleLabel: 'headline' },
          },
        ],
        PublishButton: '/components/workflow/Nothing#Nothing',
        UnpublishButton: '/components/workflow/Nothing#Nothing',
        // The workflow's state instead of Payload's draft/published status: one state everywhere.
        Status: '/components/workflow/DocumentState#DocumentState',
      },
    },
  },
  defaultSort: '-publishedAt',
  // Every list the reader site shows narrows by one of these first (@copydesk/types/indexes).
  indexes: compoundIndexes('articles'),
  access: {
    read: publishedOrStaff,
    create: isStaffAccess,
    update: editableByStaff,
    // Writers may delete their own drafts that never went live: the workflow rules decide.
    delete: isStaffAccess,
  },
  defaultPopulate: {
    title: true,
    slug: true,
    dek: true,
    hero: true,
    publishedAt: true,
  },
  versions: versionsWithDrafts,
  endpoints: [
    searchEndpoint,
    archiveEndpoint,
    countsEndpoint,
    ...workflowEndpoints('articles'),
    ...siteEndpoints('articles'),
  ],
  hooks: {
    // Topic names become ids before the input checks (withInputChecks) and the workflow see them.
    beforeOperation: [resolveTopicNames, enforceWorkflow()],
    beforeDelete: [requireDeleteDecision],
    beforeChange: [
      trackOwners,
      setPublishedAt,
      rememberPublishedArticle,
      setSearchText,
      rememberPublishedSlug,
    ],
    // Redirects are written before the site is told, so its next look-up finds them.
    afterChange: [recordAutomaticEvents, redirectOldSlug, revalidateArticle],
    afterDelete: [removeRedirectsToDeleted, revalidateDeletedArticle],
  },
  fields: [
    // First, so the workflow panel heads the sidebar.
    ...workflowFields(),
    {
      name: 'title',
      label: 'Headline',
      type: 'text',
      required: true,
      maxLength: TITLE_MAX_LENGTH,
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Story',
          fields: [
            {
              name: 'dek',
              label: 'Dek',
              type: 'textarea',
              maxLength: 320,
              admin: { description: 'One or two sentences under the headline.' },
            },
            {
              name: 'hero',
              type: 'group',
              label: 'Hero image',
              fields: [
                { name: 'image', type: 'upload', relationTo: 'media' },
                {
                  type: 'row',
                  fields: [
                    { name: 'caption', type: 'text', admin: { width: '60%' } },
                    { name: 'credit', type: 'text', admin: { width: '40%' } },
                  ],
                },
              ],
            },
            { name: 'body', type: 'richText', editor: newsroomEditor },
          ],
        },
        {
          label: 'Key Questions',
          description: 'Questions and answers shown after the story.',
          fields: [
            {
              name: 'faqsHeading',
              label: 'Heading',
              type: 'text',
              admin: { placeholder: 'Key Questions' },
            },
            { name: 'faqsIntro', label: 'Introduction', type: 'textarea' },
            {
              name: 'faqs',
              label: 'Questions',
              type: 'relationship',
              relationTo: 'faqs',
              hasMany: true,
              admin: { description: 'Shown in this order.' },
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
            MetaTitleField({ hasGenerateFn: true }),
            MetaImageField({ relationTo: 'media' }),
            MetaDescriptionField({}),
            PreviewField({
              hasGenerateFn: true,
              titlePath: 'meta.title',
              descriptionPath: 'meta.description',
            }),
          ],
        },
      ],
    },
    slugField({ from: 'title' }),
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set on first publish unless you choose a date.',
      },
    },
    {
      name: 'authors',
      label: 'Byline',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      index: true,
      validate: requiredToPublish('articles', 'authors'),
      admin: { position: 'sidebar', description: 'In byline order. At least one to publish.' },
    },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: 'topics',
      hasMany: true,
      index: true,
      admin: { position: 'sidebar', description: 'The first one is the story’s kicker.' },
    },
    {
      name: 'source',
      type: 'group',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'name', type: 'text' },
        {
          name: 'url',
          label: 'URL',
          type: 'text',
          validate: (value: string | null | undefined) => {
            if (!value) return true
            try {
              const url = new URL(value)
              return url.protocol === 'http:' || url.protocol === 'https:'
                ? true
                : 'Use an http(s) address.'
            } catch {
              return 'Enter a full address, e.g. https://example.com/story.'
            }
          },
        },
      ],
    },
    correctionsField(),
    ...searchFields(),
  ],
}
