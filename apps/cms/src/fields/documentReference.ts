import type { Field, TextField } from 'payload'

import { WORKFLOW_COLLECTIONS } from '@copydesk/workflow/states'

/**
 * Which editorial document a record is about: its collection and id. Shared by the workflow
 * history, editorial comments and notifications.
 */
export const documentReferenceFields = ({
  required = true,
  access,
}: { required?: boolean; access?: TextField['access'] } = {}): Field[] => [
  {
    name: 'documentCollection',
    label: 'Collection',
    type: 'select',
    required,
    index: true,
    options: WORKFLOW_COLLECTIONS.map((value) => ({ label: value, value })),
    ...(access ? { access } : {}),
  },
  {
    name: 'document',
    type: 'text',
    required,
    index: true,
    ...(access ? { access } : {}),
  },
]
