import type { DefaultCellComponentProps } from 'payload'
import type React from 'react'

import { StateBadge } from './StateBadge'
import { stateOrDraft } from './shared'

/** The `workflowState` column of list views: the state badge. */
export const StateCell: React.FC<DefaultCellComponentProps> = ({ cellData, rowData }) => (
  <StateBadge
    state={stateOrDraft(cellData ?? (rowData as { _status?: string })?._status)}
    size="small"
  />
)
