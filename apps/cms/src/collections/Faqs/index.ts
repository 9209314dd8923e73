import type { CollectionConfig } from 'payload'

import { isStaffAccess } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { shortEditor } from '../../fields/richText'
import { slugField } from '../../fields/slug'
import { workflowFields } from '../../fields/workflow'
import {
  rememberPublishedFaq,
  revalidateDeletedFaq,
  revalidateFaq,
} from '../../hooks/revalidateFaq'
import { refreshSearchForFaq } from '../../search/hooks'
import { editableByStaff } from '../../workflow/editAccess'
import { workflowEndpoints } from '../../workflow/endpoints'
import {
  enforceWorkflow,
  recordAutomaticEvents,
  requireDeleteDecision,
  trackOwners,
} from '../../workflow/enforce'
import { siteEndpoints } from '../../workflow/siteEndpoints'
import { versionsWithDrafts } from '../versions'

export const Faqs: CollectionConfig<'faqs'> = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'workflowState', 'updatedAt'],
    group: 'Newsroom',
    components: {
      edit: {
        // The workflow's moves, shown whether or not the form is open to this person: Payload
        // renders its Publish slot only for people who may save, and a writer whose story is in
        // review still needs Withdraw.
        beforeDocumentControls: [
          '/components/workflow/WorkflowActions#WorkflowActions',
          // Nothing is stored until the new document has its question.
          {
            path: '/components/workflow/FirstDraftSave#FirstDraftSave',
            clientProps: { titleLabel: 'question' },
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
  defaultPopulate: { question: true, answer: true, slug: true },
  versions: versionsWithDrafts,
  endpoints: [...workflowEndpoints('faqs'), ...siteEndpoints('faqs')],
  hooks: {
    beforeOperation: [enforceWorkflow()],
    beforeDelete: [requireDeleteDecision],
    beforeChange: [trackOwners, rememberPublishedFaq],
    afterChange: [recordAutomaticEvents, revalidateFaq, refreshSearchForFaq],
    afterDelete: [revalidateDeletedFaq],
  },
  fields: [
    // First, so the workflow panel heads the sidebar.
    ...workflowFields(),
    { name: 'question', type: 'text', required: true, maxLength: 300 },
    { name: 'answer', type: 'richText', editor: shortEditor },
    slugField({ from: 'question' }),
  ],
}
