import { lazy, Suspense } from 'react';
import { Redirect, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { RegistryDb } from '../data/registry-db';
import { RegistryProvider } from '../data/workspace-context';
import { AssociationPage } from '../features/association/association-page';
import { BackupsPage } from '../features/backups/backups-page';
import { DashboardPage } from '../features/deadlines/dashboard-page';
import { OpeningProvider } from '../features/deadlines/opening-provider';
import { ApplicationPage } from '../features/funding/application-page';
import { FundersPage } from '../features/funding/funders-page';
import { NewApplicationPage } from '../features/funding/new-application-page';
import { PipelinePage } from '../features/funding/pipeline-page';
import { SettingsPage } from '../features/settings/settings-page';
import { PersonPage } from '../features/team/person-page';
import { TeamPage } from '../features/team/team-page';
import { ToastProvider } from '../ui/toast';
import { ErrorBoundary } from './error-boundary';
import { GlobalErrors, ToastsFollowNavigation } from './global-errors';
import { UnsavedChangesGuard } from '../ui/unsaved-changes';
import { JournalSession } from './journal-session';
import { Layout } from './layout';
import { HOME_PATH } from './sections';
import { WorkspaceGate } from './workspace-gate';
import { Loading } from '../ui/loading-state';
import { MOVED_ADDRESSES, pathTo, ROUTES, sectionPattern } from '../ui/paths';

// Screens a coordinator does not open every day load on first visit, so that the first screen appears
// sooner (the initial JavaScript stays under 300 kB gzipped; npm run bench prints it).
const ActionPage = lazy(() => import('../features/actions/action-page').then((m) => ({ default: m.ActionPage })));
const NewActionPage = lazy(() => import('../features/actions/action-page').then((m) => ({ default: m.NewActionPage })));
const ActionsListPage = lazy(() => import('../features/actions/actions-list-page').then((m) => ({ default: m.ActionsListPage })));
const NextExercisePage = lazy(() => import('../features/actions/next-exercise-page').then((m) => ({ default: m.NextExercisePage })));
const TreasuryPage = lazy(() => import('../features/treasury/treasury-page').then((m) => ({ default: m.TreasuryPage })));
const BudgetsPage = lazy(() => import('../features/actions/budgets-page').then((m) => ({ default: m.BudgetsPage })));
const DossierPage = lazy(() => import('../features/dossier/dossier-page').then((m) => ({ default: m.DossierPage })));
const ReportFormPage = lazy(() => import('../features/dossier/report-form-page').then((m) => ({ default: m.ReportFormPage })));
const ReportsListPage = lazy(() => import('../features/dossier/reports-list-page').then((m) => ({ default: m.ReportsListPage })));
const ImportPage = lazy(() => import('../features/imports/import-page').then((m) => ({ default: m.ImportPage })));
const BinRoutes = lazy(() => import('../features/bin/bin-routes').then((m) => ({ default: m.BinRoutes })));
const AssociationDocumentsPage = lazy(() =>
  import('../features/association/association-documents-page').then((m) => ({ default: m.AssociationDocumentsPage })),
);
const PartnersRoutes = lazy(() => import('../features/partners/partners-routes').then((m) => ({ default: m.PartnersRoutes })));
const YearlySummaryPage = lazy(() => import('../features/funding/yearly-summary-page').then((m) => ({ default: m.YearlySummaryPage })));

export function App({ registry }: { registry: RegistryDb }) {
  return (
    <ErrorBoundary>
      <ToastProvider>
        <GlobalErrors />
        <RegistryProvider registry={registry}>
          <WorkspaceGate>
            <JournalSession />
            {/* Hash routes: they work the same from app://passerelle/ and from a plain web server. */}
            <OpeningProvider>
              <Router hook={useHashLocation}>
                <ToastsFollowNavigation />
                <UnsavedChangesGuard />
                <Layout>
                  <ErrorBoundary>
                    <Suspense fallback={<Loading />}>
                      <Switch>
                        <Route path={ROUTES.dashboard.pattern} component={DashboardPage} />
                        <Route path={ROUTES.team.pattern} component={TeamPage} />
                        <Route path={ROUTES.person.pattern} component={PersonPage} />
                        <Route path={ROUTES.applications.pattern} component={PipelinePage} />
                        <Route path={ROUTES['new-application'].pattern} component={NewApplicationPage} />
                        <Route path={ROUTES.application.pattern} component={ApplicationPage} />
                        <Route path={ROUTES.funders.pattern} component={FundersPage} />
                        <Route path={ROUTES['yearly-summary'].pattern} component={YearlySummaryPage} />
                        {MOVED_ADDRESSES.map(({ from, to }) => (
                          <Route key={from} path={from}>
                            <Redirect to={pathTo(to)} replace />
                          </Route>
                        ))}
                        <Route path={ROUTES.partners.pattern} component={PartnersRoutes} />
                        <Route path={sectionPattern('partners')} component={PartnersRoutes} />
                        <Route path={ROUTES.dossier.pattern} component={DossierPage} />
                        <Route path={ROUTES.reports.pattern} component={ReportsListPage} />
                        <Route path={ROUTES.report.pattern} component={ReportFormPage} />
                        <Route path={ROUTES.actions.pattern} component={ActionsListPage} />
                        <Route path={ROUTES['new-action'].pattern} component={NewActionPage} />
                        <Route path={ROUTES.action.pattern} component={ActionPage} />
                        <Route path={ROUTES.budgets.pattern} component={BudgetsPage} />
                        <Route path={ROUTES['next-exercise'].pattern} component={NextExercisePage} />
                        <Route path={ROUTES.treasury.pattern} component={TreasuryPage} />
                        <Route path={ROUTES.import.pattern} component={ImportPage} />
                        <Route path={ROUTES.association.pattern} component={AssociationPage} />
                        <Route path={ROUTES.documents.pattern} component={AssociationDocumentsPage} />
                        <Route path={ROUTES.backups.pattern} component={BackupsPage} />
                        <Route path={ROUTES.bin.pattern} component={BinRoutes} />
                        <Route path={sectionPattern('bin')} component={BinRoutes} />
                        <Route path={ROUTES.settings.pattern} component={SettingsPage} />
                        <Route>
                          <Redirect to={HOME_PATH} replace />
                        </Route>
                      </Switch>
                    </Suspense>
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
