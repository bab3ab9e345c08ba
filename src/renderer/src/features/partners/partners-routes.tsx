import { Route, Switch } from 'wouter';
import { AgreementPage, AgreementsPage, EditAgreementPage, NewAgreementPage } from './agreement-pages';
import { DirectoryDuplicatesPage } from './directory-duplicates-page';
import { EditPartnerPage, NewPartnerPage, PartnerPage } from './partner-pages';
import { PartnersDirectoryPage } from './partners-directory-page';
import { ROUTES } from '../../ui/paths';

/** Every page of the Partenaires section; fixed paths before the ones that take an id. */
export function PartnersRoutes() {
  return (
    <Switch>
      <Route path={ROUTES.partners.pattern} component={PartnersDirectoryPage} />
      <Route path={ROUTES['new-partner'].pattern} component={NewPartnerPage} />
      <Route path={ROUTES['directory-duplicates'].pattern} component={DirectoryDuplicatesPage} />
      <Route path={ROUTES.agreements.pattern} component={AgreementsPage} />
      <Route path={ROUTES['new-agreement'].pattern} component={NewAgreementPage} />
      <Route path={ROUTES['edit-agreement'].pattern} component={EditAgreementPage} />
      <Route path={ROUTES.agreement.pattern} component={AgreementPage} />
      <Route path={ROUTES['edit-partner'].pattern} component={EditPartnerPage} />
      <Route path={ROUTES.partner.pattern} component={PartnerPage} />
    </Switch>
  );
}
