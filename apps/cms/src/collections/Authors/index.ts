import type { CollectionConfig } from 'payload'

import { isStaffAccess, isStaffFieldAccess } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { shortEditor } from '../../fields/richText'
import { slugField } from '../../fields/slug'
import { workflowFields } from '../../fields/workflow'
import {
  rememberPublishedAuthor,
  revalidateAuthor,
  revalidateDeletedAuthor,
} from '../../hooks/revalidateAuthor'
import { refreshSearchForAuthor } from '../../search/hooks'
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

export const Authors: CollectionConfig<'authors'> = {
  slug: 'authors',
  labels: { singular: 'Author', plural: 'Authors' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'role', 'workflowState', 'updatedAt'],
    group: 'Newsroom',
    // Opens the reader site in draft mode on the latest draft (a signed, short-lived link).
    preview: (doc, { req }) => previewUrlFor({ collection: 'authors', id: String(doc.id), req }),
    components: {
      edit: {
        // The workflow's moves, shown whether or not the form is open to this person: Payload
        // renders its Publish slot only for people who may save, and a writer whose story is in
        // review still needs Withdraw.
        beforeDocumentControls: [
          '/components/workflow/WorkflowActions#WorkflowActions',
          // Nothing is stored until the new document has its name.
          {
            path: '/components/workflow/FirstDraftSave#FirstDraftSave',
            clientProps: { titleLabel: 'name' },
          },
        ],
        PublishButton: '/components/workflow/Nothing#Nothing',
        UnpublishButton: '/components/workflow/Nothing#Nothing',
        // The workflow's state instead of Payload's draft/published status: one state everywhere.
        Status: '/components/workflow/DocumentState#DocumentState',
      },
    },
  },
  access: {
    read: publishedOrStaff,
    create: isStaffAccess,
    update: editableByStaff,
    // Writers may delete their own drafts that never went live: the workflow rules decide.
    delete: isStaffAccess,
  },
  defaultPopulate: { name: true, slug: true, role: true, avatar: true },
  versions: versionsWithDrafts,
  endpoints: [...workflowEndpoints('authors'), ...siteEndpoints('authors')],
  hooks: {
    beforeOperation: [enforceWorkflow()],
    beforeDelete: [requireDeleteDecision],
    beforeChange: [trackOwners, rememberPublishedAuthor],
    afterChange: [recordAutomaticEvents, revalidateAuthor, refreshSearchForAuthor],
    afterDelete: [revalidateDeletedAuthor],
  },
  fields: [
    // First, so the workflow panel heads the sidebar.
    ...workflowFields(),
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'role',
      label: 'Title / role',
      type: 'text',
      admin: { placeholder: 'e.g. Senior Correspondent' },
    },
    { name: 'bio', type: 'richText', editor: shortEditor },
    { name: 'avatar', type: 'upload', relationTo: 'media' },
    {
      name: 'links',
      type: 'array',
      labels: { singular: 'Link', plural: 'Links' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, admin: { width: '40%' } },
            { name: 'url', label: 'URL', type: 'text', required: true, admin: { width: '60%' } },
          ],
        },
      ],
    },
    {
      name: 'email',
      type: 'email',
      // Contact details are for the newsroom, never for readers or the public API.
      access: { read: isStaffFieldAccess },
      admin: { position: 'sidebar', description: 'Staff only; never shown on the site.' },
    },
    slugField({ from: 'name' }),
    {
      name: 'user',
      label: 'Staff account',
      type: 'relationship',
      relationTo: 'users',
      access: { read: isStaffFieldAccess },
      admin: {
        position: 'sidebar',
        description: 'The newsroom account of this author: they may edit work in their byline.',
      },
    },
  ],
}
