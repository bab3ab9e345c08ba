// Routes are data (DESIGN.md decision 14): the domain says which screen a deadline or a checklist item
// leads to, as a target; ui/paths.ts alone turns a target into an address, so that moving a screen is
// one change there and the compiler names every target that no longer fits.

export type Target =
  | { screen: 'dashboard' }
  | { screen: 'team' }
  | { screen: 'person'; id: string }
  | { screen: 'applications' }
  | { screen: 'new-application' }
  | { screen: 'application'; id: string }
  | { screen: 'funders' }
  /** The yearly summary of the exercise that starts in `year`; the current one without it. */
  | { screen: 'yearly-summary'; year?: number }
  | { screen: 'partners' }
  | { screen: 'new-partner' }
  /** The directory's likely duplicates, to merge (issue 19). */
  | { screen: 'directory-duplicates' }
  | { screen: 'partner'; id: string }
  | { screen: 'edit-partner'; id: string }
  | { screen: 'agreements' }
  | { screen: 'new-agreement' }
  | { screen: 'agreement'; id: string }
  | { screen: 'edit-agreement'; id: string }
  | { screen: 'documents' }
  | { screen: 'dossier' }
  | { screen: 'actions' }
  | { screen: 'new-action' }
  | { screen: 'action'; id: string }
  /** The budgets of the exercise that starts in `year`; without it, the exercise being prepared (a new dossier's). */
  | { screen: 'budgets'; year?: number }
  /** « Préparer l'exercice » for the exercise that starts in `year`; the next one without it. */
  | { screen: 'next-exercise'; year?: number }
  | { screen: 'treasury' }
  | { screen: 'reports' }
  /** The compte-rendu of an application's exercise (a CPO has one a year); the first without it. */
  | { screen: 'report'; id: string; exercise?: number }
  | { screen: 'import' }
  | { screen: 'association' }
  | { screen: 'backups' }
  | { screen: 'bin' }
  | { screen: 'journal' }
  | { screen: 'settings' };

export type Screen = Target['screen'];
