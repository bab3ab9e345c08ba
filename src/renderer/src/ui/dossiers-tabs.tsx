import { TabBar } from './tab-bar';

// The « Dossiers » section gathers two feature folders (actions and budgets; the dossier and the
// compte-rendu financier) that may not import each other, so the tab bar they share lives here.
const TABS = [
  { href: '/dossiers', label: 'Dossier de demande' },
  { href: '/dossiers/actions', label: 'Actions' },
  { href: '/dossiers/budgets', label: 'Budgets' },
  { href: '/dossiers/comptes-rendus', label: 'Comptes-rendus' },
] as const;

export function DossiersTabs() {
  return <TabBar label="Dossiers" tabs={TABS} />;
}
