// Only sections that work appear in the navigation (DESIGN.md, The screens). A feature issue adds its
// section here when its screens exist.
export const SECTIONS = [
  { path: '/partenaires', label: 'Partenaires' },
  { path: '/association', label: 'Association' },
  { path: '/sauvegardes', label: 'Sauvegardes' },
  { path: '/corbeille', label: 'Corbeille' },
  { path: '/reglages', label: 'Réglages' },
] as const;

export const HOME_PATH = '/association';
