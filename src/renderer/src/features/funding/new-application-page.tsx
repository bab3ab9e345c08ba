import { useLocation } from 'wouter';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { FundingTabs } from './funding-tabs';
import { GrantApplicationForm } from './grant-application-form';
import { pathTo } from '../../ui/paths';

export function NewApplicationPage() {
  const [, navigate] = useLocation();
  const toast = useToast();
  return (
    <Page title="Nouvelle demande de subvention">
      <FundingTabs />
      <GrantApplicationForm
        onSaved={(saved) => {
          toast.show('Demande enregistrée.');
          navigate(pathTo({ screen: 'application', id: saved.id }));
        }}
        onCancel={() => navigate(pathTo({ screen: 'applications' }))}
      />
    </Page>
  );
}
