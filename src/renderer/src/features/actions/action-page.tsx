import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { deleteProject, restoreProject, useProject } from '../../data/projects-repository';
import { renewOne, undoRenewal } from '../../data/renewal-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateLong } from '../../domain/dates';
import { formatProjectDuration } from '../../domain/projects/project-duration';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { DossiersTabs } from '../../ui/dossiers-tabs';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useRenewal } from '../../ui/use-renewal';
import { ActionForm } from './action-form';
import { BudgetEditor } from './budget-editor';
import { YearPicker } from './year-picker';
import { refusalText, useAction } from '../../ui/use-action';
import { Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

export function NewActionPage() {
  return (
    <Page title="Nouvelle action">
      <DossiersTabs />
      <ActionForm />
    </Page>
  );
}

export function ActionPage() {
  const act = useAction();
  const renewal = useRenewal();
  const { id = '' } = useParams<{ id: string }>();
  const { db } = useCurrentWorkspace();
  const data = useProject(db, id);
  const toast = useToast();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [year, setYear] = useState<number>();

  if (data === undefined) return <Loading />;
  if (data === null) {
    return (
      <Page title="Action introuvable">
        <DossiersTabs />
        <p>
          Cette action n’existe pas ou a été mise à la corbeille. <Link href={pathTo({ screen: 'actions' })}>Retour aux actions</Link>
        </p>
      </Page>
    );
  }
  const { project } = data;
  const startYear = Number(project.startDate.slice(0, 4));
  const budgetYear = year ?? startYear;

  const remove = async () => {
    const binned = await deleteProject(db, { id: project.id, updatedAt: project.updatedAt });
    if (!binned.ok) {
      toast.show(refusalText(binned.errors), { tone: 'error' });
      return;
    }
    navigate(pathTo({ screen: 'actions' }));
    toast.show(`Action « ${project.title} » mise à la corbeille.`, {
      action: { label: 'Annuler', run: () => restoreProject(db, project.id) },
    });
  };

  const renew = () =>
    renewal({
      run: () => renewOne(db, 'action', project.id),
      opens: ({ created }) => ({ screen: 'action', id: created.projectIds[0] ?? '' }),
      says: ({ targetYear }) =>
        `Action reconduite pour l’exercice ${targetYear ?? ''}, avec ses objectifs, son équipe sous contrat et son budget\u00a0: vérifiez les dates.`,
      undo: ({ created }) => undoRenewal(db, created),
    });

  return (
    <Page
      title={project.title}
      action={
        <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
          Mettre à la corbeille
        </button>
      }
    >
      <DossiersTabs />
      <div className="toolbar">
        <button type="button" className="button" onClick={renew}>
          Reconduire pour l’exercice suivant
        </button>
      </div>
      <p className="actions-lede">
        Du {formatDateLong(project.startDate)} au {formatDateLong(project.endDate)} — {formatProjectDuration(project)}
      </p>
      <ActionForm key={project.updatedAt} data={data} />
      <section className="budget-section" aria-labelledby="action-budget-title">
        <div className="budget-section__header">
          <h2 id="action-budget-title">Budget de l’action</h2>
          <YearPicker label="Année du budget" value={budgetYear} around={startYear} onChange={setYear} />
        </div>
        <BudgetEditor target={{ scope: 'project', projectId: project.id, year: budgetYear }} />
      </section>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Mettre l’action à la corbeille ?"
        description={<p>« {project.title} » et son équipe iront à la corbeille ; vous pourrez les restaurer.</p>}
        confirmLabel="Mettre à la corbeille"
        destructive
        onConfirm={() => act(() => remove())}
      />
    </Page>
  );
}
