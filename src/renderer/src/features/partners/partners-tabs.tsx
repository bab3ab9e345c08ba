import { TabBar } from '../../ui/tab-bar';

const TABS = [
  { href: '/partenaires', label: 'Annuaire' },
  { href: '/partenaires/conventions', label: 'Conventions' },
  { href: '/partenaires/documents', label: 'Pièces justificatives' },
] as const;

/** The sub-pages of Partenaires: one navigation entry in the sidebar, tabs inside the section. */
export function PartnersTabs() {
  return <TabBar label="Rubriques des partenaires" tabs={TABS} />;
}
