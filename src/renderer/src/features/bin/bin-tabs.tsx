import { Link, useLocation } from 'wouter';

export const BIN_PATH = '/corbeille';
export const JOURNAL_PATH = '/corbeille/journal';

const TABS = [
  { path: BIN_PATH, label: 'Corbeille' },
  { path: JOURNAL_PATH, label: 'Journal' },
] as const;

/** The bin and the journal share one entry in the sidebar: both answer « what happened to my records? ». */
export function BinTabs() {
  const [location] = useLocation();
  return (
    <nav className="tabs" aria-label="Rubriques de la corbeille">
      {TABS.map((tab) => (
        <Link key={tab.path} href={tab.path} className="tabs__link" aria-current={location === tab.path ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
