// placeholder until the admin UI lands
export const WorkflowActions = () => null
