import { TabBar } from '../../ui/tab-bar';
import { pathTo } from '../../ui/paths';

// The association's own record and its own papers (issue 19): the pièces that every grant dossier asks for
// belong to the association, not to a partner, so they sit beside its profile.
const TABS = [
  { href: pathTo({ screen: 'association' }), label: 'Profil' },
  { href: pathTo({ screen: 'documents' }), label: 'Pièces de l’association' },
] as const;

/** The sub-pages of Association: one navigation entry in the sidebar, tabs inside the section. */
export function AssociationTabs() {
  return <TabBar label="Rubriques de l’association" tabs={TABS} />;
}
