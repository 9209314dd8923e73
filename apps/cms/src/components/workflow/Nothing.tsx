/**
 * Stands in for Payload's Unpublish button: taking a document off the site is the workflow's
 * Unpublish action (with a note), offered by WorkflowActions.
 */
export const Nothing = () => null
