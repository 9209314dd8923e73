// placeholder until the admin UI lands
export const StateCell = () => null
