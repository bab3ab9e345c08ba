import { TabBar } from '../../ui/tab-bar';
import { pathTo } from '../../ui/paths';

export const BIN_PATH = pathTo({ screen: 'bin' });
export const JOURNAL_PATH = pathTo({ screen: 'journal' });

const TABS = [
  { href: BIN_PATH, label: 'Corbeille' },
  { href: JOURNAL_PATH, label: 'Journal' },
] as const;

/** The bin and the journal share one entry in the sidebar: both answer « what happened to my records? ». */
export function BinTabs() {
  return <TabBar label="Rubriques de la corbeille" tabs={TABS} />;
}
