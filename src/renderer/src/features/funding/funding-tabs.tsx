import { TabBar } from '../../ui/tab-bar';
import { pathTo } from '../../ui/paths';

const TABS = [
  { href: pathTo({ screen: 'applications' }), label: 'Demandes' },
  { href: pathTo({ screen: 'funders' }), label: 'Financeurs' },
  { href: pathTo({ screen: 'yearly-summary' }), label: 'Bilan annuel' },
] as const;

/** The three views of Financements; an application's page and the new-application form stay under « Demandes ». */
export function FundingTabs() {
  return <TabBar label="Financements" tabs={TABS} />;
}
