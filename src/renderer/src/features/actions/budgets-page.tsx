import { Link, useLocation, useParams } from 'wouter';
import { findBudget } from '../../data/budgets-repository';
import { useAssociationProfile } from '../../data/association-repository';
import { renewOne, undoRenewal } from '../../data/renewal-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { todayIso } from '../../domain/dates';
import { defaultDossierExercise } from '../../domain/dossier/dossier-choices';
import { exerciseCalendar } from '../../domain/exercise';
import { DossiersTabs } from '../../ui/dossiers-tabs';
import { Loading } from '../../ui/loading-state';
import { Page } from '../../ui/page';
import { useRenewal } from '../../ui/use-renewal';
import { BudgetEditor } from './budget-editor';
import { YearPicker } from './year-picker';
import { pathTo } from '../../ui/paths';

/**
 * The association's budget prévisionnel (Cerfa §5). By default the exercise the association is preparing —
 * the one a new dossier opens on (its §5 is this budget), on the association's own exercise dates.
 */
export function BudgetsPage() {
  const params = useParams<{ year?: string }>();
  const [, navigate] = useLocation();
  const { db } = useCurrentWorkspace();
  const profile = useAssociationProfile(db);
  const renewal = useRenewal();
  const parsed = Number(params.year);
  const asked = Number.isInteger(parsed) && parsed >= 2000 && parsed <= 2100 ? parsed : undefined;
  if (profile === undefined) {
    return (
      <Page title="Budget de l’association">
        <Loading what="du budget" />
      </Page>
    );
  }
  const preparing = defaultDossierExercise(exerciseCalendar(profile ?? undefined), todayIso()).startYear;
  const year = asked ?? preparing;

  const renew = () =>
    renewal({
      run: async () => {
        const budget = await findBudget(db, { scope: 'association', year });
        if (!budget) return { ok: false as const, message: `Le budget ${year} est vide\u00a0: rien à reconduire.` };
        return renewOne(db, 'budget', budget.id);
      },
      opens: () => ({ screen: 'budgets', year: year + 1 }),
      says: () => `Budget ${year} reconduit pour ${year + 1}\u00a0: les lignes liées suivent les demandes de l’exercice.`,
      undo: ({ created }) => undoRenewal(db, created),
    });

  return (
    <Page title={`Budget de l’association ${year}`}>
      <DossiersTabs />
      <div className="budget-section__header">
        <p className="actions-lede">Le budget prévisionnel de l’exercice, tel que le dossier de demande le présente (partie 5).</p>
        <YearPicker label="Exercice" value={year} around={preparing} onChange={(y) => navigate(pathTo({ screen: 'budgets', year: y }))} />
      </div>
      <div className="toolbar">
        <button type="button" className="button" onClick={renew}>
          Reconduire pour l’exercice suivant
        </button>
        <Link href={pathTo({ screen: 'next-exercise', year: year + 1 })}>Préparer l’exercice {year + 1}</Link>
      </div>
      <BudgetEditor target={{ scope: 'association', year }} />
    </Page>
  );
}
