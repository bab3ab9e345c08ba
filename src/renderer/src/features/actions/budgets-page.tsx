import { Link, useLocation, useParams } from 'wouter';
import { findBudget } from '../../data/budgets-repository';
import { renewOne, undoRenewal } from '../../data/renewal-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';
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
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const toast = useToast();

  async function renew() {
    const budget = await findBudget(db, { scope: 'association', year });
    if (!budget) {
      toast.show(`Le budget ${year} est vide\u00a0: rien à reconduire.`, { tone: 'error' });
      return;
    }
    const outcome = await renewOne(db, 'budget', budget.id);
    if (!outcome.ok) {
      toast.show(outcome.message, { tone: 'error' });
      return;
    }
    const created = outcome.created;
    navigate(pathTo({ screen: 'budgets', year: year + 1 }));
    toast.show(`Budget ${year} reconduit pour ${year + 1}\u00a0: les lignes liées suivent les demandes de l’exercice.`, {
      action: {
        label: 'Annuler',
        run: async () => {
          const undone = await undoRenewal(db, created);
          if (!undone.ok) toast.show(undone.message, { tone: 'error' });
          else toast.show('Reconduction annulée.');
        },
      },
    });
  }
  return (
    <Page title={`Budget de l’association ${year}`}>
      <DossiersTabs />
      <div className="budget-section__header">
        <p className="actions-lede">Le budget prévisionnel de l’exercice, tel que le dossier de demande le présente (partie 5).</p>
        <YearPicker label="Exercice" value={year} around={nextYear} onChange={(y) => navigate(pathTo({ screen: 'budgets', year: y }))} />
      </div>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => act(() => renew())}>
          Reconduire pour l’exercice suivant
        </button>
        <Link href={pathTo({ screen: 'next-exercise', year: year + 1 })}>Préparer l’exercice {year + 1}</Link>
      </div>
      <BudgetEditor target={{ scope: 'association', year }} />
    </Page>
  );
}
