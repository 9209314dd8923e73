// placeholder until the admin UI lands
export const NavLinks = () => null
