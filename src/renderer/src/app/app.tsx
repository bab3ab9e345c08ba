import { Redirect, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { RegistryDb } from '../data/registry-db';
import { RegistryProvider } from '../data/workspace-context';
import { ActionPage, NewActionPage } from '../features/actions/action-page';
import { ActionsListPage } from '../features/actions/actions-list-page';
import { BudgetsPage } from '../features/actions/budgets-page';
import { AssociationPage } from '../features/association/association-page';
import { BackupsPage } from '../features/backups/backups-page';
import { DashboardPage } from '../features/deadlines/dashboard-page';
import { DossierPage } from '../features/dossier/dossier-page';
import { ReportFormPage } from '../features/dossier/report-form-page';
import { ReportsListPage } from '../features/dossier/reports-list-page';
import { OpeningProvider } from '../features/deadlines/opening-provider';
import { ApplicationPage } from '../features/funding/application-page';
import { ImportPage } from '../features/imports/import-page';
import { FundersPage } from '../features/funding/funders-page';
import { NewApplicationPage } from '../features/funding/new-application-page';
import { PipelinePage } from '../features/funding/pipeline-page';
import { YearlySummaryPage } from '../features/funding/yearly-summary-page';
import { BinRoutes } from '../features/bin/bin-routes';
import { PartnersRoutes } from '../features/partners/partners-routes';
import { SettingsPage } from '../features/settings/settings-page';
import { PersonPage } from '../features/team/person-page';
import { TeamPage } from '../features/team/team-page';
import { ToastProvider } from '../ui/toast';
import { ErrorBoundary } from './error-boundary';
import { JournalSession } from './journal-session';
import { Layout } from './layout';
import { HOME_PATH } from './sections';
import { WorkspaceGate } from './workspace-gate';

export function App({ registry }: { registry: RegistryDb }) {
  return (
    <ErrorBoundary>
      <ToastProvider>
        <RegistryProvider registry={registry}>
          <WorkspaceGate>
            <JournalSession />
            {/* Hash routes: they work the same from app://passerelle/ and from a plain web server. */}
            <OpeningProvider>
              <Router hook={useHashLocation}>
                <Layout>
                  <ErrorBoundary>
                    <Switch>
                      <Route path="/tableau-de-bord" component={DashboardPage} />
                      <Route path="/equipe" component={TeamPage} />
                      <Route path="/equipe/:personId" component={PersonPage} />
                      <Route path="/financements" component={PipelinePage} />
                      <Route path="/financements/nouvelle" component={NewApplicationPage} />
                      <Route path="/financements/demandes/:id" component={ApplicationPage} />
                      <Route path="/financements/financeurs" component={FundersPage} />
                      <Route path="/financements/bilan/:year?" component={YearlySummaryPage} />
                      <Route path="/partenaires" component={PartnersRoutes} />
                      <Route path="/partenaires/*" component={PartnersRoutes} />
                      <Route path="/dossiers" component={DossierPage} />
                      <Route path="/dossiers/comptes-rendus" component={ReportsListPage} />
                      <Route path="/dossiers/comptes-rendus/:applicationId" component={ReportFormPage} />
                      <Route path="/dossiers/actions" component={ActionsListPage} />
                      <Route path="/dossiers/actions/nouvelle" component={NewActionPage} />
                      <Route path="/dossiers/actions/:id" component={ActionPage} />
                      <Route path="/dossiers/budgets/:year?" component={BudgetsPage} />
                      <Route path="/importer" component={ImportPage} />
                      <Route path="/association" component={AssociationPage} />
                      <Route path="/sauvegardes" component={BackupsPage} />
                      <Route path="/corbeille" component={BinRoutes} />
                      <Route path="/corbeille/*" component={BinRoutes} />
                      <Route path="/reglages" component={SettingsPage} />
                      <Route>
                        <Redirect to={HOME_PATH} replace />
                      </Route>
                    </Switch>
                  </ErrorBoundary>
                </Layout>
              </Router>
            </OpeningProvider>
          </WorkspaceGate>
        </RegistryProvider>
      </ToastProvider>
    </ErrorBoundary>
  );
}
