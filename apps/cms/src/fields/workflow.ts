import type { Field } from 'payload'

import type { MaybeUser } from '@copydesk/workflow/roles'
import { isAdmin } from '@copydesk/workflow/roles'
import { STATE_LABELS, WORKFLOW_STATES } from '@copydesk/workflow/states'

import { refuseOnCreate, workflowFieldRead, workflowFieldWrite } from '../access/workflowFields'

/**
 * The editorial workflow's fields, shared by articles, FAQs and authors. They are versioned with
 * the document, so a pending revision carries its own state while the live version stays
 * published. They are top-level so the list view can show and filter them. Nothing here is
 * edited by hand: workflow actions set them (src/workflow), and the enforcement hook refuses a
 * direct change with the reason.
 *
 * Readers never see them (`access.read`: staff only, on REST, GraphQL, population and versions).
 * Only the reviewer may be written by a person (editors and admins); a writer who sends a
 * creator, reviewer or corrections with a new document gets a 403 naming the field, and anything
 * else nobody may send is dropped on create and kept as stored on update
 * (@copydesk/workflow/workflowFields).
 */
export const workflowFields = (): Field[] => [
  {
    // Above the form: why it is read-only for this person, and what to do about it.
    name: 'editingNotice',
    type: 'ui',
    admin: { components: { Field: '/components/workflow/ReadOnlyNotice#ReadOnlyNotice' } },
  },
  {
    name: 'workflowState',
    label: 'State',
    type: 'select',
    defaultValue: 'draft',
    index: true,
    access: { read: workflowFieldRead },
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
    access: {
      read: workflowFieldRead,
      create: workflowFieldWrite('assignee'),
      update: workflowFieldWrite('assignee'),
    },
    hooks: { beforeValidate: [refuseOnCreate('assignee')] },
    admin: {
      position: 'sidebar',
      description: 'Reassign the review to another editor.',
      // The workflow panel names the reviewer and the Submit dialog chooses one: one place, by
      // name. Only admins, who may read every account (so the field shows names, not ids),
      // reassign here; everyone else would see an id.
      condition: (_data, _siblingData, { user }) => isAdmin({ user: user as MaybeUser }),
    },
  },
  {
    name: 'owners',
    type: 'relationship',
    relationTo: 'users',
    hasMany: true,
    index: true,
    access: {
      read: workflowFieldRead,
      create: workflowFieldWrite('owners'),
      update: workflowFieldWrite('owners'),
    },
    admin: { hidden: true },
  },
  {
    name: 'createdBy',
    type: 'relationship',
    relationTo: 'users',
    access: {
      read: workflowFieldRead,
      create: workflowFieldWrite('createdBy'),
      update: workflowFieldWrite('createdBy'),
    },
    hooks: { beforeValidate: [refuseOnCreate('createdBy')] },
    admin: { hidden: true },
  },
  {
    name: 'publishAt',
    label: 'Scheduled for',
    type: 'date',
    access: {
      read: workflowFieldRead,
      create: workflowFieldWrite('publishAt'),
      update: workflowFieldWrite('publishAt'),
    },
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
    access: {
      read: workflowFieldRead,
      create: workflowFieldWrite('unpublishAt'),
      update: workflowFieldWrite('unpublishAt'),
    },
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
  // Public: readers see each correction's note and date (no names). Only the Publish action adds
  // them; a hand-made change is dropped (create: 403 for a non-empty list) or kept as stored.
  access: {
    create: workflowFieldWrite('corrections'),
    update: workflowFieldWrite('corrections'),
  },
  hooks: { beforeValidate: [refuseOnCreate('corrections')] },
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
