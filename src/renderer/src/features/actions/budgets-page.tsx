import { useLocation, useParams } from 'wouter';
import { todayIso } from '../../domain/dates';
import { DossiersTabs } from '../../ui/dossiers-tabs';
import { Page } from '../../ui/page';
import { BudgetEditor } from './budget-editor';
import { YearPicker } from './year-picker';
import { pathTo } from '../../ui/paths';

/** The association's budget prévisionnel (Cerfa §5); by default the next exercise, the one dossiers ask for. */
export function BudgetsPage() {
  const params = useParams<{ year?: string }>();
  const [, navigate] = useLocation();
  const nextYear = Number(todayIso().slice(0, 4)) + 1;
  const parsed = Number(params.year);
  const year = Number.isInteger(parsed) && parsed >= 2000 && parsed <= 2100 ? parsed : nextYear;
  return (
    <Page title={`Budget de l’association ${year}`}>
      <DossiersTabs />
      <div className="budget-section__header">
        <p className="actions-lede">Le budget prévisionnel de l’exercice, tel que le dossier de demande le présente (partie 5).</p>
        <YearPicker label="Exercice" value={year} around={nextYear} onChange={(y) => navigate(pathTo({ screen: 'budgets', year: y }))} />
      </div>
      <BudgetEditor target={{ scope: 'association', year }} />
    </Page>
  );
}
