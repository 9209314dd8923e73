// placeholder until the admin UI lands
export const QueueView = () => null
