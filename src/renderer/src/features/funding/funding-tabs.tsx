import { TabBar } from '../../ui/tab-bar';

const TABS = [
  { href: '/financements', label: 'Demandes' },
  { href: '/financements/financeurs', label: 'Financeurs' },
  { href: '/financements/bilan', label: 'Bilan annuel' },
] as const;

/** The three views of Financements; an application's page and the new-application form stay under « Demandes ». */
export function FundingTabs() {
  return <TabBar label="Financements" tabs={TABS} />;
}
