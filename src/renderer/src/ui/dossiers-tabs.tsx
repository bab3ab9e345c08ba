import { TabBar } from './tab-bar';
import { pathTo } from './paths';

// The « Dossiers » section gathers two feature folders (actions and budgets; the dossier and the
// compte-rendu financier) that may not import each other, so the tab bar they share lives here.
const TABS = [
  { href: pathTo({ screen: 'dossier' }), label: 'Dossier de demande' },
  { href: pathTo({ screen: 'actions' }), label: 'Actions' },
  { href: pathTo({ screen: 'budgets' }), label: 'Budgets' },
  { href: pathTo({ screen: 'reports' }), label: 'Comptes-rendus' },
] as const;

export function DossiersTabs() {
  return <TabBar label="Dossiers" tabs={TABS} />;
}
