import { Route, Switch } from 'wouter';
import { BinPage } from './bin-page';
import { JournalPage } from './journal-page';

export function BinRoutes() {
  return (
    <Switch>
      <Route path="/corbeille/journal" component={JournalPage} />
      <Route component={BinPage} />
    </Switch>
  );
}
