import type { Access } from 'payload'

import { editability } from '@copydesk/workflow/desk'
import { isStaff } from '@copydesk/workflow/roles'

import type { WorkflowDoc } from './subject'
import { subjectOf } from './subject'

/**
 * `access.update` of the workflow collections. Staff may write (the enforcement hook decides each
 * write with its reason, before this runs); when the admin asks whether the form of one stored
 * document is open to this person, the answer is `editability`, the rule the server applies to
 * writes, so a writer whose story is in review gets a read-only form instead of fields that look
 * editable and autosaves that are refused.
 */
export const editableByStaff: Access = ({ req, id, data }) => {
  if (!isStaff({ user: req.user })) return false
  // Without a document in hand (lists, bulk operations) the enforcement hook decides per write.
  if (
    id === undefined ||
    !data ||
    typeof data !== 'object' ||
    !('workflowState' in data) ||
    !('owners' in data)
  )
    return true
  return editability({
    user: req.user as never,
    doc: subjectOf({ ...(data as WorkflowDoc), id: String(id) }),
  }).canEdit
}
