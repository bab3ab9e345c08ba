import { mergeYearlyFigures } from '../domain/yearly-figures';
import { useLiveQuery } from 'dexie-react-hooks';
import { associationProfileSchema } from '../domain/association';
import { deadlineKey } from '../domain/deadlines/deadline';
import type { DeadlineState } from '../domain/deadlines/engine';
import type { DossierInput } from '../domain/dossier/dossier-model';
import { associationBudgetOf, budgetLinesOf, projectBudgetOf } from '../domain/dossier/dossier-model';
import { dossierSnapshotSchema, type DossierSnapshotRecord, type SnapshotLine } from '../domain/dossier/dossier-snapshot';
import { financialReportSchema, type FinancialReportRecord } from '../domain/dossier/financial-report';
import { firstIssueMessages } from '../domain/fields';
import { reportExercises, unknownExerciseMessage } from '../domain/dossier/report-form';
import type { BudgetLineRecord } from '../domain/budgets/budget';
import type { ProjectStaffRecord } from '../domain/projects/project';
import type { TeamData } from '../domain/team/team-year';
import type { WorkspaceDb } from './workspace-db';
import { createRow, prepareWrite, saveRow, updateRow, type WriteOutcome } from './write-path';
import { liveTeam } from './live-records';

// Everything a grant dossier or a compte-rendu financier reads, straight from the espace's tables (the
// Actions and Budgets repositories are another feature's; these reads stay simple and read-only), the
// snapshots kept when a dossier is produced, and the compte-rendu records.

const live = <T extends { deletedAt: string | null }>(records: T[]) => records.filter((r) => r.deletedAt === null);

export interface DossierSources {
  profile: DossierInput['profile'] | undefined;
  team: TeamData;
  funders: DossierInput['funders'];
  applications: DossierInput['applications'];
  projects: DossierInput['projects'];
  budgets: DossierInput['budgets'];
  budgetLines: DossierInput['budgetLines'];
  documents: DossierInput['documents'];
  payments: NonNullable<DossierInput['payments']>;
  /** Who works on which action, and for what share (the compte-rendu pre-fills an action's 64 lines). */
  projectStaff: ProjectStaffRecord[];
  /** The vault documents that have a file (a piece is « jointe » only then). */
  attachedDocumentIds: string[];
  /** The papers attached to grant applications (their bytes are not read). */
  applicationPapers: NonNullable<DossierInput['applicationPapers']>;
}

export async function loadDossierSources(db: WorkspaceDb): Promise<DossierSources> {
  return db.transaction(
    'r',
    [
      db.association,
      db.people,
      db.contracts,
      db.amendments,
      db.aidedPosts,
      db.absences,
      db.yearlyFigures,
      db.funders,
      db.grantApplications,
      db.payments,
      db.projects,
      db.projectStaff,
      db.budgets,
      db.budgetLines,
      db.documents,
      db.attachments,
    ],
    async () => {
      const profileRecord = (await db.association.toArray())[0];
      const documents = live(await db.documents.toArray());
      // Only the documents' own files, found by index (an espace's agreements may hold many more).
      const files = live(
        await db.attachments
          .where('ownerId')
          .anyOf(documents.map((d) => d.id))
          .toArray(),
      );
      const applications = live(await db.grantApplications.toArray());
      const papers = live(
        await db.attachments
          .where('ownerId')
          .anyOf(applications.map((a) => a.id))
          .toArray(),
      )
        .filter((a) => a.ownerKind === 'grant-application')
        .map((a) => ({ ownerId: a.ownerId, fileName: a.fileName, paperKind: a.paperKind, validUntil: a.validUntil }));
      const parsed = profileRecord ? associationProfileSchema.safeParse(profileRecord) : undefined;
      return {
        profile: parsed?.success ? parsed.data : undefined,
        team: liveTeam({
          people: await db.people.toArray(),
          contracts: await db.contracts.toArray(),
          amendments: await db.amendments.toArray(),
          aidedPosts: await db.aidedPosts.toArray(),
          // §4's ETPT leaves out unpaid leave; the aid follows the dated figures (team-year.ts).
          absences: await db.absences.toArray(),
          figures: mergeYearlyFigures(live(await db.yearlyFigures.toArray())),
        }),
        funders: live(await db.funders.toArray()),
        applications,
        projects: live(await db.projects.toArray()).sort((a, b) => a.title.localeCompare(b.title, 'fr')),
        budgets: live(await db.budgets.toArray()),
        budgetLines: live(await db.budgetLines.toArray()),
        documents,
        payments: live(await db.payments.toArray()),
        projectStaff: live(await db.projectStaff.toArray()),
        attachedDocumentIds: [...new Set(files.filter((a) => a.ownerKind === 'document').map((a) => a.ownerId))],
        applicationPapers: papers,
      };
    },
  );
}

export function useDossierSources(db: WorkspaceDb): DossierSources | undefined {
  return useLiveQuery(() => loadDossierSources(db), [db]);
}

const snapshotLine = (line: BudgetLineRecord): SnapshotLine => ({
  account: line.account,
  ...(line.label !== undefined ? { label: line.label } : {}),
  amountCents: line.amountCents ?? 0,
  ...(line.funderId !== undefined ? { funderId: line.funderId } : {}),
  ...(line.grantApplicationId !== undefined ? { grantApplicationId: line.grantApplicationId } : {}),
});

/** Keeps the budgets a produced dossier printed, for the compte-rendu's prévision. */
export async function saveDossierSnapshot(
  db: WorkspaceDb,
  input: DossierInput,
  options: { draft: boolean; fileName: string },
  now: Date = new Date(),
): Promise<DossierSnapshotRecord> {
  const association = associationBudgetOf(input.budgets, input.year);
  const snapshot = dossierSnapshotSchema.parse({
    producedAt: now.toISOString(),
    year: input.year,
    funderIds: input.funders.map((f) => f.id),
    grantApplicationIds: input.applications.map((a) => a.id),
    projectIds: input.projects.map((p) => p.id),
    draft: options.draft,
    associationLines: budgetLinesOf(input, association).map(snapshotLine),
    projectBudgets: input.projects.map((project) => ({
      projectId: project.id,
      title: project.title,
      lines: budgetLinesOf(input, projectBudgetOf(input.budgets, project.id, input.year)).map(snapshotLine),
    })),
    fileName: options.fileName,
  });
  return db.transaction('rw', db.dossierSnapshots, () => createRow(db.dossierSnapshots, snapshot, now));
}

/** The produced dossiers out of the bin: the compte-rendu takes its prévision from the latest (forecastFor). */
export async function loadDossierSnapshots(db: WorkspaceDb): Promise<DossierSnapshotRecord[]> {
  return live(await db.dossierSnapshots.toArray());
}

export function useDossierSnapshots(db: WorkspaceDb): DossierSnapshotRecord[] | undefined {
  return useLiveQuery(() => loadDossierSnapshots(db), [db]);
}

export function useFinancialReports(db: WorkspaceDb): FinancialReportRecord[] | undefined {
  return useLiveQuery(async () => live(await db.financialReports.toArray()), [db]);
}

/** The compte-rendu of an application's exercise (null when none was started). */
export function useFinancialReport(db: WorkspaceDb, grantApplicationId: string, exercise = 1): FinancialReportRecord | null | undefined {
  return useLiveQuery(
    async () =>
      live(await db.financialReports.where('grantApplicationId').equals(grantApplicationId).toArray()).find(
        (r) => r.exercise === exercise,
      ) ?? null,
    [db, grantApplicationId, exercise],
  );
}

async function reportOf(db: WorkspaceDb, grantApplicationId: string, exercise: number): Promise<FinancialReportRecord | undefined> {
  return live(await db.financialReports.where('grantApplicationId').equals(grantApplicationId).toArray()).find(
    (r) => r.exercise === exercise,
  );
}

/**
 * Creates or updates the compte-rendu of an application's exercise. Drafts may be incomplete.
 * `loadedRevision` is the `updatedAt` of the compte-rendu the form loaded; `null` says the form loaded none
 * (a new one): if another tab or window started it meanwhile, the save is refused rather than overwriting it.
 */
export async function saveFinancialReport(
  db: WorkspaceDb,
  input: unknown,
  now: Date = new Date(),
  loadedRevision?: string | null,
): Promise<WriteOutcome<FinancialReportRecord>> {
  const parsed = financialReportSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  // One compte-rendu per exercise of the grant (a CPO has one a year): an exercise it does not have is refused.
  const application = await db.grantApplications.get(parsed.data.grantApplicationId);
  if (!application || application.deletedAt !== null) {
    return { ok: false, errors: { '': 'Cette demande n’existe plus ou est dans la corbeille\u00a0: rien n’a été enregistré.' } };
  }
  const exercises = reportExercises(application);
  if (!exercises.some((e) => e.number === parsed.data.exercise)) {
    return { ok: false, errors: { exercise: unknownExerciseMessage(exercises.length) } };
  }
  const found = await reportOf(db, parsed.data.grantApplicationId, parsed.data.exercise);
  if (found && loadedRevision === null) return startedElsewhere();
  const context = await prepareWrite(db, 'financialReports', found ? { id: found.id, updatedAt: loadedRevision ?? undefined } : undefined);
  return db.transaction('rw', db.financialReports, async (): Promise<WriteOutcome<FinancialReportRecord>> => {
    const existing = await reportOf(db, parsed.data.grantApplicationId, parsed.data.exercise);
    if (existing?.id !== found?.id) return startedElsewhere();
    return saveRow(db.financialReports, context, parsed.data, now);
  });
}

const startedElsewhere = (): WriteOutcome<FinancialReportRecord> => ({
  ok: false,
  errors: {
    '': 'Ce compte-rendu vient d’être commencé ailleurs (autre onglet ou autre fenêtre)\u00a0: rien n’a été enregistré. Rechargez-le pour reprendre à partir de celui-ci.',
  },
  conflict: { kind: 'changed' },
});

/** The key of the compte-rendu deadline of an application's exercise (domain/deadlines/funding-deadlines.ts). */
export function financialReportDeadlineKey(grantApplicationId: string, exercise: number): string {
  return deadlineKey('grant', grantApplicationId, 'financial-report', exercise);
}

/**
 * Records that the compte-rendu was produced: the report gets its production date and its deadline is
 * marked « prête à envoyer » (readyAt) — not done, since it still has to reach the funder. One transaction.
 */
export async function markFinancialReportProduced(db: WorkspaceDb, report: FinancialReportRecord, now: Date = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', db.financialReports, db.deadlineStates, async () => {
    const { id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = report;
    await updateRow(db.financialReports, { ref: { id } }, { ...fields, producedAt: at }, now);
    const key = financialReportDeadlineKey(report.grantApplicationId, report.exercise);
    const previous = await db.deadlineStates.get(key);
    const state: DeadlineState = { ...(previous ?? { key }), key, readyAt: at, updatedAt: at };
    await db.deadlineStates.put(state);
  });
}
