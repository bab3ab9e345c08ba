import { useLiveQuery } from 'dexie-react-hooks';
import { fieldMessage, firstIssueMessages } from '../domain/fields';
import {
  projectSchema,
  projectStaffSchema,
  type ProjectRecord,
  type ProjectStaff,
  type ProjectStaffRecord,
} from '../domain/projects/project';
import { personName } from '../domain/team/person';
import { budgetTotals, type BudgetTotals } from '../domain/budgets/budget-totals';
import { lineAmountResolver } from '../domain/budgets/budget-lines';
import { exerciseCalendar, exerciseStartingIn } from '../domain/exercise';
import type { WorkspaceDb } from './workspace-db';
import { binAlong, binRow, prepareWrite, refOf, restoreAlong, restoreRow, saveRow, type Target, type WriteOutcome } from './write-path';

// Actions (projets) and the staff assigned to them. An action and its staff are written in one
// transaction: the form edits both, and a refused staff row must leave the action as it was.

export type ProjectStaffInput = Pick<ProjectStaff, 'personId' | 'sharePercent'> & { role?: string | undefined };

export interface ProjectWithStaff {
  project: ProjectRecord;
  staff: ProjectStaffRecord[];
}

const live = <T extends { deletedAt: string | null }>(records: T[]) => records.filter((r) => r.deletedAt === null);

const byStartThenTitle = (a: ProjectRecord, b: ProjectRecord) =>
  b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title, 'fr');

export async function listProjects(db: WorkspaceDb): Promise<ProjectRecord[]> {
  return live(await db.projects.toArray()).sort(byStartThenTitle);
}

export async function getProject(db: WorkspaceDb, id: string): Promise<ProjectWithStaff | undefined> {
  const project = await db.projects.get(id);
  if (!project || project.deletedAt !== null) return undefined;
  const staff = live(await db.projectStaff.where('projectId').equals(id).toArray());
  return { project, staff };
}

/**
 * Creates (no `id`) or replaces an action with its staff. `input` holds the action's fields and `staff`,
 * the list of assignments; a person may appear once. Invalid input writes nothing and returns the French
 * messages keyed by field (`endDate`, `staff.1.sharePercent`…).
 */
export async function saveProject(
  db: WorkspaceDb,
  input: { staff?: unknown } & Record<string, unknown>,
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<ProjectWithStaff>> {
  const id = refOf(target)?.id;
  const parsed = projectSchema.safeParse(input);
  const errors: Record<string, string> = parsed.success ? {} : firstIssueMessages(parsed.error);
  const staffInput = Array.isArray(input.staff) ? (input.staff as unknown[]) : [];
  const staff: ProjectStaffInput[] = [];
  staffInput.forEach((row, index) => {
    const result = projectStaffSchema.safeParse({ ...(row as object), projectId: id ?? 'new' });
    if (!result.success) {
      for (const [path, message] of Object.entries(firstIssueMessages(result.error))) errors[`staff.${index}.${path}`] ??= message;
    } else {
      const { personId, sharePercent, role } = result.data;
      staff.push({ personId, sharePercent, ...(role !== undefined ? { role } : {}) });
    }
  });
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };

  const context = await prepareWrite(db, 'projects', target);
  return db.transaction(
    'rw',
    [db.projects, db.projectStaff, db.people, db.agreements],
    async (): Promise<WriteOutcome<ProjectWithStaff>> => {
      const refusals: Record<string, string> = {};
      const seen = new Set<string>();
      for (const [index, row] of staff.entries()) {
        const person = await db.people.get(row.personId);
        if (!person || person.deletedAt !== null) {
          refusals[`staff.${index}.personId`] = fieldMessage('Personne', 'choisissez une personne de l’équipe.');
        } else if (seen.has(row.personId)) {
          refusals[`staff.${index}.personId`] = fieldMessage('Personne', `${personName(person)} est déjà affecté·e à l’action.`);
        }
        seen.add(row.personId);
      }
      for (const agreementId of parsed.data.agreementIds) {
        const agreement = await db.agreements.get(agreementId);
        if (!agreement || agreement.deletedAt !== null) {
          refusals.agreementIds = fieldMessage('Partenaires impliqués', 'une convention choisie n’existe plus.');
        }
      }
      if (Object.keys(refusals).length > 0) return { ok: false as const, errors: refusals };

      const written = await saveRow(db.projects, context, parsed.data, now);
      if (!written.ok) return written;
      const project = written.value;
      const projectId = project.id;

      const current = live(await db.projectStaff.where('projectId').equals(projectId).toArray());
      const byPerson = new Map(current.map((s) => [s.personId, s]));
      const saved: ProjectStaffRecord[] = [];
      for (const row of staff) {
        const previous = byPerson.get(row.personId);
        const rowContext = { ref: previous ? { id: previous.id } : undefined };
        const record = await saveRow(db.projectStaff, rowContext, { ...row, projectId }, now);
        if (record.ok) saved.push(record.value);
      }
      const kept = new Set(staff.map((s) => s.personId));
      await binAlong(
        db.projectStaff,
        current.filter((s) => !kept.has(s.personId)),
        now.toISOString(),
        now,
      );
      return { ...written, value: { project, staff: saved } };
    },
  );
}

/** Sends an action and its staff to the bin together (one deletedAt: the bin restores them as one). */
export async function deleteProject(db: WorkspaceDb, target: Target, now: Date = new Date()): Promise<WriteOutcome<ProjectRecord>> {
  const context = await prepareWrite(db, 'projects', target);
  const id = context.ref?.id ?? '';
  return db.transaction('rw', db.projects, db.projectStaff, async () => {
    const binned = await binRow(db.projects, context, now);
    if (!binned.ok || binned.value.deletedAt === null) return binned;
    await binAlong(db.projectStaff, await db.projectStaff.where('projectId').equals(id).toArray(), binned.value.deletedAt, now);
    return binned;
  });
}

/** Brings an action back with the staff rows binned at the same moment. */
export async function restoreProject(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.projects, db.projectStaff, async () => {
    const binnedAt = (await db.projects.get(id))?.deletedAt;
    if (!binnedAt || !(await restoreRow(db.projects, id, now))) return;
    await restoreAlong(db.projectStaff, await db.projectStaff.where('projectId').equals(id).toArray(), binnedAt, now);
  });
}

export function useProjects(db: WorkspaceDb): ProjectRecord[] | undefined {
  return useLiveQuery(() => listProjects(db), [db]);
}

/** One action with its staff (null when missing or in the bin); undefined while loading. */
export function useProject(db: WorkspaceDb, id: string): ProjectWithStaff | null | undefined {
  return useLiveQuery(async () => (await getProject(db, id)) ?? null, [db, id]);
}

export interface ProjectSummary {
  project: ProjectRecord;
  staffCount: number;
  /** The budget shown in the list: the one of the action's first year, else its latest. */
  budgetYear: number | undefined;
  totals: BudgetTotals | undefined;
}

/** The list of actions with their budget totals (linked lines follow their applications). */
export async function listProjectSummaries(db: WorkspaceDb): Promise<ProjectSummary[]> {
  const [projects, staff, budgets, lines, applications, profile] = await Promise.all([
    listProjects(db),
    db.projectStaff.toArray(),
    db.budgets.where('scope').equals('project').toArray(),
    db.budgetLines.toArray(),
    db.grantApplications.toArray(),
    db.association.get(db.workspaceId),
  ]);
  const calendar = exerciseCalendar(profile);
  return projects.map((project) => {
    const own = live(budgets).filter((b) => b.projectId === project.id);
    const startYear = Number(project.startDate.slice(0, 4));
    const budget = own.find((b) => b.year === startYear) ?? own.sort((a, b) => b.year - a.year)[0];
    const budgetLines = budget ? live(lines).filter((l) => l.budgetId === budget.id) : [];
    return {
      project,
      staffCount: live(staff).filter((s) => s.projectId === project.id).length,
      budgetYear: budget?.year,
      totals:
        budget && budgetLines.length > 0
          ? budgetTotals(budgetLines, lineAmountResolver(live(applications), exerciseStartingIn(calendar, budget.year)))
          : undefined,
    };
  });
}

export function useProjectSummaries(db: WorkspaceDb): ProjectSummary[] | undefined {
  return useLiveQuery(() => listProjectSummaries(db), [db]);
}
