import { useLiveQuery } from 'dexie-react-hooks';
import { DISMISS_REASON_MAX, DISMISS_REASON_REQUIRED, DISMISS_REASON_TOO_LONG } from '../domain/deadlines/deadline-forms';
import { normalizeLadder, snoozeDateProblem, type DeadlineState, type ReminderLadder } from '../domain/deadlines/engine';
import type { IsoDate } from '../domain/dates';
import type { WorkspaceDb } from './workspace-db';
import { putBackState, setState } from './write-path';

// The user's state on deadlines (done, snoozed), the reminder ladder and the date the espace was last
// opened. The deadlines themselves are never stored (DESIGN.md decision 9). A deadline's state is written
// through the write path's keyed states (setState, putBackState); `meta` is the espace's housekeeping.

/** What a change of state returns: what it replaced (for « Annuler ») and what it wrote (checked then). */
export interface StateChange {
  previous: DeadlineState | undefined;
  written: DeadlineState;
}

const LAST_OPENED_KEY = 'lastOpenedAt';
const LADDER_KEY = 'reminderLadder';

export function listDeadlineStates(db: WorkspaceDb): Promise<DeadlineState[]> {
  return db.deadlineStates.toArray();
}

export function markDeadlineDone(db: WorkspaceDb, key: string, now = new Date()): Promise<StateChange> {
  return setState(db, db.deadlineStates, { key, doneAt: now.toISOString() }, now);
}

export async function snoozeDeadline(
  db: WorkspaceDb,
  key: string,
  until: IsoDate,
  today: IsoDate,
  now = new Date(),
): Promise<({ ok: true } & StateChange) | { ok: false; error: string }> {
  const problem = snoozeDateProblem(until, today);
  if (problem !== null) return { ok: false, error: problem };
  return { ok: true, ...(await setState(db, db.deadlineStates, { key, snoozedUntil: until }, now)) };
}

/**
 * « Ne plus rappeler »: the deadline leaves the lists for good, with the reason the user gave. The state is
 * a journaled record (journal-middleware.ts), so the reason is in the journal with who and when.
 */
export async function dismissDeadline(
  db: WorkspaceDb,
  key: string,
  reason: string,
  title: string,
  now = new Date(),
): Promise<({ ok: true } & StateChange) | { ok: false; error: string }> {
  const text = reason.trim();
  if (text === '') return { ok: false, error: DISMISS_REASON_REQUIRED };
  if (text.length > DISMISS_REASON_MAX) return { ok: false, error: DISMISS_REASON_TOO_LONG };
  const change = await setState(
    db,
    db.deadlineStates,
    {
      key,
      dismissedAt: now.toISOString(),
      dismissReason: text,
      // The journal names a record by its title: « Suivi d’échéance « DPAE… (ne plus rappeler : …) » ».
      title: `${title} (ne plus rappeler\u00a0: ${text})`,
    },
    now,
  );
  return { ok: true, ...change };
}

/** Every stored state, for screens that show deadlines outside the dashboard (a person's page). */
export function useDeadlineStates(db: WorkspaceDb): DeadlineState[] | undefined {
  return useLiveQuery(() => listDeadlineStates(db), [db]);
}

/**
 * Puts back the state a deadline had before (the « Annuler » of done, snooze or dismiss), or clears it
 * (« Rétablir »). Given the state the change wrote (`null`: it removed the state), refused when someone
 * changed it since.
 */
export function restoreDeadlineState(
  db: WorkspaceDb,
  key: string,
  previous: DeadlineState | undefined,
  written?: DeadlineState | null,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  return putBackState(db, db.deadlineStates, key, previous, now, written);
}

export async function getLastOpened(db: WorkspaceDb): Promise<string | undefined> {
  const record = await db.meta.get(LAST_OPENED_KEY);
  return typeof record?.value === 'string' ? record.value : undefined;
}

/**
 * Records that the espace is being opened now and returns when it was opened before — read first, then
 * written, in one transaction, so the catch-up panel sees the previous opening and not this one.
 */
export async function recordOpening(db: WorkspaceDb, now = new Date()): Promise<string | undefined> {
  return db.transaction('rw', db.meta, async () => {
    const previous = await getLastOpened(db);
    await db.meta.put({ key: LAST_OPENED_KEY, value: now.toISOString() });
    return previous;
  });
}

export async function getReminderLadder(db: WorkspaceDb): Promise<ReminderLadder> {
  return normalizeLadder((await db.meta.get(LADDER_KEY))?.value);
}

export async function saveReminderLadder(db: WorkspaceDb, ladder: ReminderLadder): Promise<ReminderLadder> {
  const normalized = normalizeLadder(ladder);
  await db.meta.put({ key: LADDER_KEY, value: normalized });
  return normalized;
}

export function useReminderLadder(db: WorkspaceDb): ReminderLadder | undefined {
  return useLiveQuery(() => getReminderLadder(db), [db]);
}
