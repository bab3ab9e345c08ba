import { useAssociationProfile } from '../../data/association-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { Page } from '../../ui/page';
import { AssociationForm } from './association-form';
import { AssociationTabs } from './association-tabs';
import { Loading } from '../../ui/loading-state';

export function AssociationPage() {
  const { db } = useCurrentWorkspace();
  const profile = useAssociationProfile(db);

  return (
    <Page title="Association">
      <AssociationTabs />
      <p className="muted">
        L’identité de l’association, telle que la demandent les dossiers de subvention (Cerfa 12156*06, rubriques 1 à 3). Seul le nom est
        obligatoire : complétez le reste à votre rythme.
      </p>
      {profile === undefined ? (
        <Loading />
      ) : profile === null ? (
        <p role="alert">Le profil de cette association est introuvable.</p>
      ) : (
        // Remount the form when another espace's profile arrives, so no value leaks from one to the other.
        <AssociationForm key={profile.id} profile={profile} />
      )}
    </Page>
  );
}
