import type React from 'react'

import type { WorkflowState } from '@copydesk/workflow/states'
import { STATE_LABELS } from '@copydesk/workflow/states'

import './workflow.scss'

/** The workflow state as a coloured label; the same in the sidebar, list cells and the board. */
export const StateBadge: React.FC<{ state: WorkflowState; size?: 'small' | 'medium' }> = ({
  state,
  size = 'medium',
}) => (
  <span className={`wf-badge wf-badge--${state} wf-badge--${size}`} data-state={state}>
    <span className="wf-badge__dot" aria-hidden="true" />
    {STATE_LABELS[state]}
  </span>
)
