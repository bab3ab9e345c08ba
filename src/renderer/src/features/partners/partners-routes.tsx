import { Route, Switch } from 'wouter';
import { AgreementPage, AgreementsPage, EditAgreementPage, NewAgreementPage } from './agreement-pages';
import { DocumentsPage } from './documents-page';
import { EditPartnerPage, NewPartnerPage, PartnerPage } from './partner-pages';
import { PartnersDirectoryPage } from './partners-directory-page';

/** Every page of the Partenaires section; fixed paths before the ones that take an id. */
export function PartnersRoutes() {
  return (
    <Switch>
      <Route path="/partenaires" component={PartnersDirectoryPage} />
      <Route path="/partenaires/nouveau" component={NewPartnerPage} />
      <Route path="/partenaires/conventions" component={AgreementsPage} />
      <Route path="/partenaires/conventions/nouvelle" component={NewAgreementPage} />
      <Route path="/partenaires/conventions/:id/modifier" component={EditAgreementPage} />
      <Route path="/partenaires/conventions/:id" component={AgreementPage} />
      <Route path="/partenaires/documents" component={DocumentsPage} />
      <Route path="/partenaires/:id/modifier" component={EditPartnerPage} />
      <Route path="/partenaires/:id" component={PartnerPage} />
    </Switch>
  );
}
