import { Link, useLocation } from 'wouter';

// One tab bar for every section with sub-pages (Financements, Partenaires, Dossiers, Corbeille): links,
// so that each tab has its address and the back button works. The current tab is the one whose address
// is the longest prefix of where the user is: /financements/demandes/… stays under « Demandes »
// (/financements), /financements/financeurs is « Financeurs ».

export interface Tab {
  href: string;
  label: string;
}

/** The tab that owns `location`, or undefined when none does. */
export function currentTab<T extends Tab>(tabs: readonly T[], location: string): T | undefined {
  let best: T | undefined;
  for (const tab of tabs) {
    const owns = location === tab.href || location.startsWith(tab.href.endsWith('/') ? tab.href : `${tab.href}/`);
    if (owns && (best === undefined || tab.href.length > best.href.length)) best = tab;
  }
  return best;
}

export function TabBar({ label, tabs }: { label: string; tabs: readonly Tab[] }) {
  const [location] = useLocation();
  const current = currentTab(tabs, location);
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} className="tabs__link" aria-current={tab === current ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
