import type { FieldAccess, FieldHook, PayloadRequest } from 'payload'

import type { WorkflowWrittenField } from '@copydesk/workflow/workflowFields'
import {
  canReadWorkflowFields,
  canSetOnCreate,
  canWriteWorkflowField,
} from '@copydesk/workflow/workflowFields'

import { forbidden } from '../workflow/refusal'

/**
 * Writes the workflow makes itself: workflow actions and the scheduler say so in the request
 * context, which only server code can set.
 */
const isWorkflowWrite = (req: PayloadRequest): boolean => {
  const context = req.context as Record<string, unknown> | undefined
  return Boolean(context?.workflowTransition || context?.workflowSystem)
}

/** Staff only: readers never see who owns, created or reviews a document, nor its schedule. */
export const workflowFieldRead: FieldAccess = ({ req }) => canReadWorkflowFields({ user: req.user })

/**
 * Who may send this field at all. A value someone may not send is dropped on create and kept as
 * stored on update, and the CMS sets the right one (owner tracking, workflow actions).
 */
export const workflowFieldWrite =
  (field: WorkflowWrittenField): FieldAccess =>
  ({ req }) =>
    isWorkflowWrite(req) || canWriteWorkflowField({ user: req.user, field })

/**
 * Refuses a new document that carries this field with a value the person may not set, with a
 * 403 naming the field, rather than dropping it without a word. Runs before the field's access
 * rule, on the value as sent. Copies (duplicate) send only what the caller overrides, so a copy
 * of someone else's document is not refused for its source's values.
 */
export const refuseOnCreate =
  (field: WorkflowWrittenField): FieldHook =>
  ({ operation, overrideAccess, req, siblingData }) => {
    if (operation !== 'create' || overrideAccess || isWorkflowWrite(req)) return undefined
    if (!siblingData || !Object.prototype.hasOwnProperty.call(siblingData, field)) return undefined
    const decision = canSetOnCreate({ user: req.user, field, value: siblingData[field] })
    if (!decision.ok) throw forbidden(decision.reason)
    return undefined
  }
