import type { CollectionConfig } from 'payload'

import { STATE_LABELS, WORKFLOW_STATES } from '@copydesk/workflow/states'

import { isStaffAccess } from '../../access/isStaff'
import { documentReferenceFields } from '../../fields/documentReference'
import { forbidden } from '../../workflow/refusal'

const stateOptions = WORKFLOW_STATES.map((value) => ({ label: STATE_LABELS[value], value }))

/**
 * The editorial history: one entry per workflow decision and per automatic state change.
 * Append-only for everyone: the API refuses create, update and delete (entries are written by
 * the workflow code on the server), and the hooks refuse update and delete even to server code
 * that overrides access.
 */
export const WorkflowEvents: CollectionConfig<'workflow-events'> = {
  slug: 'workflow-events',
  labels: { singular: 'Workflow event', plural: 'Workflow history' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['at', 'title', 'action', 'from', 'to', 'actor', 'note'],
    group: 'Workflow',
    description: 'Every decision on every document. Nobody can edit or delete it.',
  },
  defaultSort: '-at',
  access: {
    read: isStaffAccess,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  hooks: {
    beforeChange: [
      ({ operation, req }) => {
        if (operation !== 'create' || !req.context.workflowEventWrite)
          throw forbidden('The workflow history is append-only: entries cannot be changed.')
      },
    ],
    beforeDelete: [
      () => {
        throw forbidden('The workflow history is append-only: entries cannot be deleted.')
      },
    ],
  },
  fields: [
    ...documentReferenceFields(),
    { name: 'title', type: 'text' },
    { name: 'action', type: 'text', required: true },
    { name: 'from', type: 'select', options: stateOptions },
    { name: 'to', type: 'select', required: true, options: stateOptions },
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      admin: { description: 'Empty when the scheduler acted.' },
    },
    {
      name: 'actorName',
      label: 'Actor name',
      type: 'text',
      admin: { description: 'The name at the time, so the history reads the same for everyone.' },
    },
    { name: 'note', type: 'textarea' },
    { name: 'version', type: 'text', admin: { description: 'The version the decision saw.' } },
    { name: 'at', type: 'date', required: true, index: true },
  ],
  timestamps: true,
}
