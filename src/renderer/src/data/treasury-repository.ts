import { useLiveQuery } from 'dexie-react-hooks';
import { firstIssueMessages } from '../domain/fields';
import { listPayments } from './funding-repository';
import {
  OPENING_BALANCE_ID,
  openingBalanceOf,
  openingBalanceSchema,
  recurringLineSchema,
  recurringLinesOf,
  type CashLineRecord,
} from '../domain/treasury/cash-line';
import { cashForecast, type CashForecast } from '../domain/treasury/cash-forecast';
import { personName } from '../domain/team/person';
import { live, liveTeam } from './live-records';
import { readTables } from './read-tables';
import type { WorkspaceDb } from './workspace-db';
import { binOne, createRow, prepareWrite, restoreOne, saveRow, type Target, type WriteOutcome } from './write-path';

// Trésorerie: the balance and recurring lines the user enters (cashLines), and the forecast read from them
// with the requests, payments and team the app already holds.

export async function listCashLines(db: WorkspaceDb): Promise<CashLineRecord[]> {
  return live(await db.cashLines.toArray());
}

/** The balance read on the bank statement, on its date: one record per espace, replaced on each save. */
export async function saveOpeningBalance(
  db: WorkspaceDb,
  input: Record<string, unknown>,
  loadedRevision?: string,
  now = new Date(),
): Promise<WriteOutcome<CashLineRecord>> {
  const parsed = openingBalanceSchema.safeParse({ ...input, kind: 'opening' });
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const stored = await db.cashLines.get(OPENING_BALANCE_ID);
  const context = await prepareWrite(db, 'cashLines', stored ? { id: OPENING_BALANCE_ID, updatedAt: loadedRevision } : undefined);
  return db.transaction('rw', db.cashLines, async () => {
    if (context.ref === undefined) {
      // The first balance takes the fixed id, so that two windows cannot each create one.
      return { ok: true as const, value: await createRow(db.cashLines, parsed.data, now, OPENING_BALANCE_ID) };
    }
    return saveRow(db.cashLines, context, parsed.data, now);
  });
}

export async function saveRecurringLine(
  db: WorkspaceDb,
  input: Record<string, unknown>,
  target?: Target,
  now = new Date(),
): Promise<WriteOutcome<CashLineRecord>> {
  const parsed = recurringLineSchema.safeParse({ ...input, kind: 'recurring' });
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const context = await prepareWrite(db, 'cashLines', target);
  return db.transaction('rw', db.cashLines, () => saveRow(db.cashLines, context, parsed.data, now));
}

export function deleteRecurringLine(db: WorkspaceDb, target: Target, now = new Date()): Promise<WriteOutcome<CashLineRecord>> {
  return binOne(db, db.cashLines, target, now);
}

export function restoreRecurringLine(db: WorkspaceDb, id: string, now = new Date()): Promise<void> {
  return restoreOne(db, db.cashLines, id, now);
}

export interface TreasuryView {
  lines: CashLineRecord[];
  forecast: CashForecast;
}

export async function loadTreasury(db: WorkspaceDb, today: string): Promise<TreasuryView> {
  const [lines, payments, { grantApplications, ...team }] = await Promise.all([
    listCashLines(db),
    listPayments(db),
    readTables(db, 'grantApplications', 'people', 'contracts', 'amendments', 'aidedPosts'),
  ]);
  const names = new Map(team.people.map((p) => [p.id, personName(p)]));
  const forecast = cashForecast({
    today,
    opening: openingBalanceOf(lines),
    applications: live(grantApplications),
    payments,
    team: liveTeam(team),
    personName: (id) => names.get(id) ?? 'Personne supprimée',
    recurring: recurringLinesOf(lines),
  });
  return { lines, forecast };
}

export function useTreasury(db: WorkspaceDb, today: string): TreasuryView | undefined {
  return useLiveQuery(() => loadTreasury(db, today), [db, today]);
}
