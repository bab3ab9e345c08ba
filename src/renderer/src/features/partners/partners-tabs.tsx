import { Link, useLocation } from 'wouter';

const TABS = [
  { path: '/partenaires', label: 'Annuaire' },
  { path: '/partenaires/conventions', label: 'Conventions' },
  { path: '/partenaires/documents', label: 'Pièces justificatives' },
] as const;

/** The sub-pages of Partenaires: one navigation entry in the sidebar, tabs inside the section. */
export function PartnersTabs() {
  const [location] = useLocation();
  const current = TABS.slice()
    .reverse()
    .find((tab) => location === tab.path || location.startsWith(`${tab.path}/`));
  return (
    <nav className="tabs" aria-label="Rubriques des partenaires">
      {TABS.map((tab) => (
        <Link key={tab.path} href={tab.path} className="tabs__link" aria-current={current?.path === tab.path ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
