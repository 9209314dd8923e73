// placeholder until the admin UI lands
export const Nothing = () => null
