'use client'

import { useFormFields } from '@payloadcms/ui'
import type React from 'react'

import { STATE_LABELS } from '@copydesk/workflow/states'

import { stateOrDraft } from './shared'
import { useWorkflowInfo } from './useWorkflowInfo'

/**
 * Takes the place of Payload's "Status: Draft / Published" in the document's top bar: the
 * workflow state, the same one the panel, the lists and the board show.
 */
export const DocumentState: React.FC = () => {
  const formState = useFormFields(([fields]) => fields.workflowState?.value)
  const { info } = useWorkflowInfo()
  const state = info?.state ?? stateOrDraft(formState)
  return (
    <div className="status wf-doc-state" data-testid="document-state">
      <div className="status__value-wrap">
        <span className="status__label">State: </span>
        <span className="status__value" data-state={state}>
          {STATE_LABELS[state]}
          {info?.hasPendingRevision ? ' (live version published)' : ''}
        </span>
      </div>
    </div>
  )
}
