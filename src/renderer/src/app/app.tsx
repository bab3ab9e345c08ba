import { Redirect, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { RegistryDb } from '../data/registry-db';
import { RegistryProvider } from '../data/workspace-context';
import { AssociationPage } from '../features/association/association-page';
import { BackupsPage } from '../features/backups/backups-page';
import { BinRoutes } from '../features/bin/bin-routes';
import { PartnersRoutes } from '../features/partners/partners-routes';
import { SettingsPage } from '../features/settings/settings-page';
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
            <Router hook={useHashLocation}>
              <Layout>
                <ErrorBoundary>
                  <Switch>
                    <Route path="/association" component={AssociationPage} />
                    <Route path="/sauvegardes" component={BackupsPage} />
                    <Route path="/partenaires" component={PartnersRoutes} />
                    <Route path="/partenaires/*" component={PartnersRoutes} />
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
          </WorkspaceGate>
        </RegistryProvider>
      </ToastProvider>
    </ErrorBoundary>
  );
}
