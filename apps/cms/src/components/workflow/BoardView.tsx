// placeholder until the admin UI lands
export const BoardView = () => null
