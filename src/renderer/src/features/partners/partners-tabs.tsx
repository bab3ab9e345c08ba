import { TabBar } from '../../ui/tab-bar';
import { pathTo } from '../../ui/paths';

const TABS = [
  { href: pathTo({ screen: 'partners' }), label: 'Annuaire' },
  { href: pathTo({ screen: 'agreements' }), label: 'Conventions' },
] as const;

/** The sub-pages of Partenaires: one navigation entry in the sidebar, tabs inside the section. */
export function PartnersTabs() {
  return <TabBar label="Rubriques des partenaires" tabs={TABS} />;
}
