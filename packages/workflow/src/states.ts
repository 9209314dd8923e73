/** Every editorial document (article, FAQ, author) moves through these states. */
export const WORKFLOW_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'archived',
] as const

export type WorkflowState = (typeof WORKFLOW_STATES)[number]

/** Collections that follow the editorial workflow. */
export const WORKFLOW_COLLECTIONS = ['articles', 'faqs', 'authors'] as const

export type WorkflowCollection = (typeof WORKFLOW_COLLECTIONS)[number]

export const STATE_LABELS: Readonly<Record<WorkflowState, string>> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  archived: 'Archived',
}

/** States in which a writer may still change their own document. */
export const WRITER_EDITABLE_STATES: readonly WorkflowState[] = ['draft', 'changes_requested']

/** States in which an approval stands: editing the content sends the document back to review. */
export const APPROVED_STATES: readonly WorkflowState[] = ['approved', 'scheduled']

export const isWorkflowState = (value: unknown): value is WorkflowState =>
  typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value)

export const isWorkflowCollection = (value: unknown): value is WorkflowCollection =>
  typeof value === 'string' && (WORKFLOW_COLLECTIONS as readonly string[]).includes(value)
