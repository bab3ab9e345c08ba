import { Route, Switch } from 'wouter';
import { BinPage } from './bin-page';
import { JournalPage } from './journal-page';
import { ROUTES } from '../../ui/paths';

export function BinRoutes() {
  return (
    <Switch>
      <Route path={ROUTES.journal.pattern} component={JournalPage} />
      <Route component={BinPage} />
    </Switch>
  );
}
