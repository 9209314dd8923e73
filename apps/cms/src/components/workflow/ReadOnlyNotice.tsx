'use client'

import type React from 'react'

import { useLockHolderName } from './LockHolderName'
import { useWorkflowInfo } from './useWorkflowInfo'

import './workflow.scss'

/**
 * Heads the form when this person may not change the document now (the form is then read-only:
 * `access.update` answers with the same rule), saying why and what they can do instead. Also
 * names the holder of an edit lock in Payload's "Document locked".
 */
export const ReadOnlyNotice: React.FC = () => {
  const { info, reload } = useWorkflowInfo()
  useLockHolderName({ info, reload })
  if (!info || info.editing.canEdit) return null
  return (
    <div className="wf-readonly" role="note" data-testid="read-only-notice">
      <div>
        <p className="wf-readonly__title">Read-only for you. {info.editing.reason}</p>
        <p className="wf-readonly__next">{info.editing.next}</p>
      </div>
    </div>
  )
}
