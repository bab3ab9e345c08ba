// Only sections that work appear in the navigation (DESIGN.md, The screens). A feature issue adds its
// section here when its screens exist.
export const SECTIONS = [
  { path: '/tableau-de-bord', label: 'Tableau de bord' },
  { path: '/equipe', label: 'Équipe' },
  { path: '/financements', label: 'Financements' },
  { path: '/tresorerie', label: 'Trésorerie' },
  { path: '/partenaires', label: 'Partenaires' },
  { path: '/dossiers', label: 'Dossiers' },
  { path: '/importer', label: 'Importer' },
  { path: '/association', label: 'Association' },
  { path: '/sauvegardes', label: 'Sauvegardes' },
  { path: '/corbeille', label: 'Corbeille' },
  { path: '/reglages', label: 'Réglages' },
] as const;

// The dashboard is the home screen: what is due comes first (issue 4).
export const HOME_PATH = '/tableau-de-bord';
