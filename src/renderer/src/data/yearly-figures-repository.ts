import { useLiveQuery } from 'dexie-react-hooks';
import { firstIssueMessages, fieldMessage } from '../domain/fields';
import { formatDateShort } from '../domain/dates';
import {
  DEFAULT_YEARLY_FIGURES,
  mergeYearlyFigures,
  yearlyFigureSchema,
  type YearlyFigureRecord,
  type YearlyFigures,
} from '../domain/yearly-figures';
import type { WorkspaceDb } from './workspace-db';
import { binOne, prepareWrite, restoreOne, saveRow, type Target, type WriteOutcome } from './write-path';

// The association's own dated figures (a new SMIC, this year's FONJEP post, the adulte-relais aid after
// 1 July), entered in Réglages and added to the shipped defaults (domain/yearly-figures.ts). Through the one
// write path: validated, journaled, binned and restored like every record.

export async function getYearlyFigureRecords(db: WorkspaceDb): Promise<YearlyFigureRecord[]> {
  return (await db.yearlyFigures.toArray()).filter((f) => f.deletedAt === null);
}

/** The defaults and the association's values, merged. */
export async function getYearlyFigures(db: WorkspaceDb): Promise<YearlyFigures> {
  return mergeYearlyFigures(await getYearlyFigureRecords(db));
}

/** Saves a value unless the association already gave one for that figure on that date. */
export async function saveYearlyFigure(
  db: WorkspaceDb,
  input: unknown,
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<YearlyFigureRecord>> {
  const parsed = yearlyFigureSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const figure = parsed.data;
  const id = typeof target === 'string' ? target : target?.id;
  const context = await prepareWrite(db, 'yearlyFigures', target);
  return db.transaction('rw', db.yearlyFigures, async (): Promise<WriteOutcome<YearlyFigureRecord>> => {
    const same = (await db.yearlyFigures.toArray()).find(
      (f) => f.deletedAt === null && f.id !== id && f.figure === figure.figure && f.from === figure.from,
    );
    if (same) {
      return {
        ok: false,
        errors: {
          from: fieldMessage(
            'En vigueur à partir du',
            `une valeur est déjà saisie pour le ${formatDateShort(figure.from)} — retirez-la d’abord.`,
          ),
        },
      };
    }
    return saveRow(db.yearlyFigures, context, figure, now);
  });
}

export async function binYearlyFigure(db: WorkspaceDb, target: Target, now: Date = new Date()): Promise<WriteOutcome<YearlyFigureRecord>> {
  return binOne(db, db.yearlyFigures, target, now);
}

export async function restoreYearlyFigure(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  await restoreOne(db, db.yearlyFigures, id, now);
}

/** The merged figures; the shipped defaults while loading (a hint is never blank for that). */
export function useYearlyFigures(db: WorkspaceDb): YearlyFigures {
  return useLiveQuery(() => getYearlyFigures(db), [db]) ?? DEFAULT_YEARLY_FIGURES;
}

/** The association's own values; `undefined` while loading. */
export function useYearlyFigureRecords(db: WorkspaceDb): YearlyFigureRecord[] | undefined {
  return useLiveQuery(() => getYearlyFigureRecords(db), [db]);
}
