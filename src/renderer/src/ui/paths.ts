import type { Screen, Target } from '../domain/target';

// The one place that knows the app's addresses (DESIGN.md decision 14). The route table in app/app.tsx
// and the sections' own routes are built from ROUTES; every link and every navigate() goes through
// pathTo(). A test (tests/unit/ui/paths.test.ts) fails when a route string is typed anywhere else.
// Hash routes: they work the same from app://passerelle/ and from a plain web server.

type Params<T extends Target> = Omit<T, 'screen'>;

interface Route<S extends Screen> {
  /** The wouter pattern the route table matches. */
  pattern: string;
  build: (target: Params<Extract<Target, { screen: S }>>) => string;
}

type Routes = { [S in Screen]: Route<S> };

const fixed = <S extends Screen>(path: string): Route<S> => ({ pattern: path, build: () => path });
const optionalYear = (base: string) => ({
  pattern: `${base}/:year?`,
  build: ({ year }: { year?: number }) => (year === undefined ? base : `${base}/${year}`),
});

/** In the order the route table tries them: fixed paths before the ones that take an id. */
export const ROUTES = {
  dashboard: fixed('/tableau-de-bord'),
  team: fixed('/equipe'),
  person: { pattern: '/equipe/:personId', build: ({ id }) => `/equipe/${id}` },
  applications: fixed('/financements'),
  'new-application': fixed('/financements/nouvelle'),
  application: { pattern: '/financements/demandes/:id', build: ({ id }) => `/financements/demandes/${id}` },
  funders: fixed('/financements/financeurs'),
  'yearly-summary': optionalYear('/financements/bilan'),
  partners: fixed('/partenaires'),
  'new-partner': fixed('/partenaires/nouveau'),
  'directory-duplicates': fixed('/partenaires/doublons'),
  agreements: fixed('/partenaires/conventions'),
  'new-agreement': fixed('/partenaires/conventions/nouvelle'),
  'edit-agreement': { pattern: '/partenaires/conventions/:id/modifier', build: ({ id }) => `/partenaires/conventions/${id}/modifier` },
  agreement: { pattern: '/partenaires/conventions/:id', build: ({ id }) => `/partenaires/conventions/${id}` },
  'edit-partner': { pattern: '/partenaires/:id/modifier', build: ({ id }) => `/partenaires/${id}/modifier` },
  partner: { pattern: '/partenaires/:id', build: ({ id }) => `/partenaires/${id}` },
  dossier: fixed('/dossiers'),
  reports: fixed('/dossiers/comptes-rendus'),
  report: {
    pattern: '/dossiers/comptes-rendus/:applicationId/:exercise?',
    build: ({ id, exercise }) =>
      exercise === undefined || exercise === 1 ? `/dossiers/comptes-rendus/${id}` : `/dossiers/comptes-rendus/${id}/${exercise}`,
  },
  actions: fixed('/dossiers/actions'),
  'new-action': fixed('/dossiers/actions/nouvelle'),
  action: { pattern: '/dossiers/actions/:id', build: ({ id }) => `/dossiers/actions/${id}` },
  budgets: optionalYear('/dossiers/budgets'),
  'next-exercise': optionalYear('/dossiers/exercice-suivant'),
  treasury: fixed('/tresorerie'),
  import: fixed('/importer'),
  association: fixed('/association'),
  /** The association's own pièces justificatives (issue 19: they lived under Partenaires before). */
  documents: fixed('/association/pieces'),
  backups: fixed('/sauvegardes'),
  journal: fixed('/corbeille/journal'),
  bin: fixed('/corbeille'),
  settings: fixed('/reglages'),
} as const satisfies Routes;

/**
 * Addresses that moved, each with the screen that now lives elsewhere: an old bookmark, or a link kept in
 * a note, lands on the new place instead of on a stranger (the route table redirects them before its
 * sections, as '/partenaires/documents' would otherwise open a partner whose id is « documents »).
 */
export const MOVED_ADDRESSES: ReadonlyArray<{ from: string; to: Target }> = [
  { from: '/partenaires/documents', to: { screen: 'documents' } },
];

/** The address of a target, for a Link's href or navigate(). */
export function pathTo(target: Target): string {
  const { screen, ...params } = target;
  return (ROUTES[screen].build as (params: object) => string)(params);
}

/** A section's sub-pages all start with its address: the pattern that routes them to the section's own table. */
export function sectionPattern(screen: Screen): string {
  return `${ROUTES[screen].pattern}/*`;
}

/** The dashboard is the home screen: what is due comes first (issue 4). */
export const HOME: Target = { screen: 'dashboard' };
