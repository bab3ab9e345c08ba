import { Link, useLocation } from 'wouter';

// The « Dossiers » section gathers two feature folders (actions and budgets; the dossier and the
// compte-rendu financier) that may not import each other, so the tab bar they share lives here.
const TABS = [
  { path: '/dossiers', label: 'Dossier de demande' },
  { path: '/dossiers/actions', label: 'Actions' },
  { path: '/dossiers/budgets', label: 'Budgets' },
  { path: '/dossiers/comptes-rendus', label: 'Comptes-rendus' },
] as const;

export function DossiersTabs() {
  const [location] = useLocation();
  const current = (path: string) => (path === '/dossiers' ? location === path : location.startsWith(path));
  return (
    <nav className="subnav" aria-label="Dossiers">
      {TABS.map((tab) => (
        <Link key={tab.path} href={tab.path} className="subnav__link" aria-current={current(tab.path) ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
