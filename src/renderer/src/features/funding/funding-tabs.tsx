import { Link, useLocation } from 'wouter';

const TABS = [
  { path: '/financements', label: 'Demandes' },
  { path: '/financements/financeurs', label: 'Financeurs' },
  { path: '/financements/bilan', label: 'Bilan annuel' },
] as const;

/** The three views of Financements, as links so that each has its address and the back button works. */
export function FundingTabs() {
  const [location] = useLocation();
  const current = (path: string) =>
    path === '/financements'
      ? location === path || location.startsWith('/financements/demandes') || location === '/financements/nouvelle'
      : location.startsWith(path);
  return (
    <nav className="subnav" aria-label="Financements">
      {TABS.map((tab) => (
        <Link key={tab.path} href={tab.path} className="subnav__link" aria-current={current(tab.path) ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
