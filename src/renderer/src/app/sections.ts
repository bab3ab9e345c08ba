import { HOME, pathTo } from '../ui/paths';

// Only sections that work appear in the navigation (DESIGN.md, The screens). A feature issue adds its
// section here when its screens exist.
export const SECTIONS = [
  { path: pathTo({ screen: 'dashboard' }), label: 'Tableau de bord' },
  { path: pathTo({ screen: 'team' }), label: 'Équipe' },
  { path: pathTo({ screen: 'applications' }), label: 'Financements' },
  { path: pathTo({ screen: 'treasury' }), label: 'Trésorerie' },
  { path: pathTo({ screen: 'partners' }), label: 'Partenaires' },
  { path: pathTo({ screen: 'dossier' }), label: 'Dossiers' },
  { path: pathTo({ screen: 'import' }), label: 'Importer' },
  { path: pathTo({ screen: 'association' }), label: 'Association' },
  { path: pathTo({ screen: 'backups' }), label: 'Sauvegardes' },
  { path: pathTo({ screen: 'bin' }), label: 'Corbeille' },
  { path: pathTo({ screen: 'settings' }), label: 'Réglages' },
] as const;

// The dashboard is the home screen: what is due comes first (issue 4).
export const HOME_PATH = pathTo(HOME);
