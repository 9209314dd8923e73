import type { Field } from 'payload'

import { STATE_LABELS, WORKFLOW_STATES } from '@copydesk/workflow/states'

/**
 * The editorial workflow's fields, shared by articles, FAQs and authors. They are versioned with
 * the document, so a pending revision carries its own state while the live version stays
 * published. They are top-level so the list view can show and filter them. Nothing here is
 * edited by hand: workflow actions set them (src/workflow), and the enforcement hook refuses a
 * direct change with the reason.
 */
export const workflowFields = (): Field[] => [
  {
    name: 'workflowState',
    label: 'State',
    type: 'select',
    defaultValue: 'draft',
    index: true,
    options: WORKFLOW_STATES.map((value) => ({ label: STATE_LABELS[value], value })),
    admin: {
      position: 'sidebar',
      readOnly: true,
      components: {
        Field: '/components/workflow/WorkflowPanel#WorkflowPanel',
        Cell: '/components/workflow/StateCell#StateCell',
      },
    },
  },
  {
    name: 'assignee',
    label: 'Reviewer',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    filterOptions: { roles: { in: ['editor', 'admin'] } },
    admin: {
      position: 'sidebar',
      description: 'The editor this waits on. Writers choose one when they submit.',
    },
  },
  {
    name: 'owners',
    type: 'relationship',
    relationTo: 'users',
    hasMany: true,
    index: true,
    admin: { hidden: true },
  },
  {
    name: 'createdBy',
    type: 'relationship',
    relationTo: 'users',
    admin: { hidden: true },
  },
  {
    name: 'publishAt',
    label: 'Scheduled for',
    type: 'date',
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime' },
      condition: (data) => Boolean(data?.publishAt),
    },
  },
  {
    name: 'unpublishAt',
    label: 'Comes off the site at',
    type: 'date',
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime' },
      condition: (data) => Boolean(data?.unpublishAt),
    },
  },
]

/** Public corrections on an article, added when an editor publishes a corrected revision. */
export const correctionsField = (): Field => ({
  name: 'corrections',
  type: 'array',
  labels: { singular: 'Correction', plural: 'Corrections' },
  admin: {
    readOnly: true,
    description: 'Added by the Publish action when a correction note is given. Shown to readers.',
    condition: (data) => Array.isArray(data?.corrections) && data.corrections.length > 0,
  },
  fields: [
    { name: 'note', type: 'textarea', required: true },
    { name: 'at', type: 'date', required: true },
  ],
})
