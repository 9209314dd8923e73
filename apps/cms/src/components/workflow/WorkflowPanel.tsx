// placeholder until the admin UI lands
export const WorkflowPanel = () => null
