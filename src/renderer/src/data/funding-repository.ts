import { useLiveQuery } from 'dexie-react-hooks';
import { Dexie } from 'dexie';
import { firstIssueMessages } from '../domain/fields';
import { funderFormSchema, type FunderRecord } from '../domain/funding/funder';
import { funderKindOf, organisationFromFunder, withRole } from '../domain/partners/directory';
import { grantApplicationSchema, type GrantApplicationRecord } from '../domain/funding/grant-application';
import {
  acceptsPayments,
  byExpectedDate,
  futureReceptionProblem,
  paymentProblems,
  paymentSchema,
  REFUSED_GRANT_PAYMENT_MESSAGE,
  type PaymentRecord,
} from '../domain/funding/payment';
import { todayIso } from '../domain/dates';
import type { RecordStamps } from '../domain/record';
import type { WorkspaceDb } from './workspace-db';
import {
  binAlong,
  binOne,
  binRow,
  createRow,
  prepareWrite,
  restoreAlong,
  restoreOne,
  restoreRow,
  saveRow,
  updateRow,
  type Target,
  type WriteOutcome,
} from './write-path';

// Funders, grant applications and their payments. Every write validates with the domain schema first:
// invalid input writes nothing and returns one French message per field. Deleting sends to the bin.

interface SaveOptions {
  /** The record to replace (with the `updatedAt` its form loaded); a new record gets a fresh UUID. */
  id?: Target;
  now?: Date;
}

const alive = <T extends RecordStamps>(records: T[]) => records.filter((r) => r.deletedAt === null);
const byName = (a: FunderRecord, b: FunderRecord) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' });

// Funders

export async function listFunders(db: WorkspaceDb): Promise<FunderRecord[]> {
  return alive(await db.funders.toArray()).sort(byName);
}

/**
 * Creates or replaces a funder — the funder role of an organisation of the directory, under the same id
 * (domain/partners/directory.ts) — and, in the same transaction, that organisation: created with the
 * funder role, or given the role and the funder's name. The SIRET, when the input has the field, is the
 * organisation's.
 */
export async function saveFunder(db: WorkspaceDb, input: unknown, options: SaveOptions = {}): Promise<WriteOutcome<FunderRecord>> {
  const parsed = funderFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const { siret, ...role } = parsed.data;
  const touchesSiret = typeof input === 'object' && input !== null && 'siret' in input;
  const now = options.now ?? new Date();
  const context = await prepareWrite(db, 'funders', options.id);
  return db.transaction('rw', db.funders, db.partners, async () => {
    const saved = await saveRow(db.funders, context, role, now);
    if (!saved.ok) return saved;
    const organisation = await db.partners.get(saved.value.id);
    if (organisation === undefined) {
      const { id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = organisationFromFunder(saved.value, siret);
      await createRow(db.partners, fields, now, id);
    } else {
      const { id, createdAt: _c, updatedAt: _u, deletedAt: _d, siret: storedSiret, ...fields } = organisation;
      const kept = touchesSiret ? siret : storedSiret;
      await updateRow(
        db.partners,
        { ref: { id } },
        {
          ...fields,
          ...(kept !== undefined ? { siret: kept } : {}),
          name: saved.value.name,
          roles: withRole(organisation.roles, 'funder'),
        },
        now,
      );
    }
    return saved;
  });
}

/** The organisation's SIRET, for the funder dialog. */
export function useFunderSiret(db: WorkspaceDb, funderId: string | undefined): string | undefined | null {
  return useLiveQuery(async () => (funderId === undefined ? null : ((await db.partners.get(funderId))?.siret ?? null)), [db, funderId]);
}

/**
 * Sends a funder to the bin; its organisation goes along when being a funder was all it was (no partner
 * role), under the same stamp, so that restoring the funder brings it back.
 */
export async function deleteFunder(db: WorkspaceDb, target: Target, now = new Date()): Promise<WriteOutcome<FunderRecord>> {
  const context = await prepareWrite(db, 'funders', target);
  return db.transaction('rw', db.funders, db.partners, async () => {
    const binned = await binRow(db.funders, context, now);
    if (!binned.ok || binned.value.deletedAt === null) return binned;
    const organisation = await db.partners.get(binned.value.id);
    if (organisation !== undefined && !(organisation.roles ?? ['partner']).includes('partner')) {
      await binAlong(db.partners, [organisation], binned.value.deletedAt, now);
    }
    return binned;
  });
}

export async function restoreFunder(db: WorkspaceDb, id: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.funders, db.partners, async () => {
    const stamp = (await db.funders.get(id))?.deletedAt;
    if (!stamp || !(await restoreRow(db.funders, id, now))) return;
    const organisation = await db.partners.get(id);
    if (organisation !== undefined) await restoreAlong(db.partners, [organisation], stamp, now);
  });
}

export function useFunders(db: WorkspaceDb): FunderRecord[] | undefined {
  return useLiveQuery(() => listFunders(db), [db]);
}

// Grant applications

export async function listGrantApplications(db: WorkspaceDb): Promise<GrantApplicationRecord[]> {
  return alive(await db.grantApplications.toArray()).sort(
    (a, b) => b.periodStart.localeCompare(a.periodStart) || a.title.localeCompare(b.title, 'fr'),
  );
}

export async function saveGrantApplication(
  db: WorkspaceDb,
  input: unknown,
  options: SaveOptions = {},
): Promise<WriteOutcome<GrantApplicationRecord>> {
  const parsed = grantApplicationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const context = await prepareWrite(db, 'grantApplications', options.id);
  return db.transaction('rw', db.grantApplications, db.funders, db.partners, async () => {
    const now = options.now ?? new Date();
    const funder = await db.funders.get(parsed.data.funderId);
    const organisation = funder === undefined ? await db.partners.get(parsed.data.funderId) : undefined;
    // A partner of the directory a grant is addressed to takes the funder role, under its own id.
    const becomesFunder = funder === undefined && organisation !== undefined && organisation.deletedAt === null;
    if (!becomesFunder && (!funder || funder.deletedAt !== null)) {
      return { ok: false as const, errors: { funderId: 'Financeur\u00a0: choisissez un financeur de l’annuaire.' } };
    }
    const saved = await saveRow(db.grantApplications, context, parsed.data, now);
    if (saved.ok && becomesFunder) {
      await createRow(db.funders, { name: organisation.name, kind: funderKindOf(organisation), portal: 'paper' }, now, organisation.id);
      const { id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = organisation;
      await updateRow(db.partners, { ref: { id } }, { ...fields, roles: withRole(organisation.roles ?? ['partner'], 'funder') }, now);
    }
    return saved;
  });
}

export function deleteGrantApplication(db: WorkspaceDb, target: Target, now = new Date()): Promise<WriteOutcome<GrantApplicationRecord>> {
  return binOne(db, db.grantApplications, target, now);
}

export function restoreGrantApplication(db: WorkspaceDb, id: string, now = new Date()): Promise<void> {
  return restoreOne(db, db.grantApplications, id, now);
}

export function useGrantApplications(db: WorkspaceDb): GrantApplicationRecord[] | undefined {
  return useLiveQuery(() => listGrantApplications(db), [db]);
}

/** One application (null when missing or in the bin); undefined while loading. */
export function useGrantApplication(db: WorkspaceDb, id: string): GrantApplicationRecord | null | undefined {
  return useLiveQuery(async () => {
    const app = await db.grantApplications.get(id);
    return app && app.deletedAt === null ? app : null;
  }, [db, id]);
}

// Payments

export async function listPayments(db: WorkspaceDb, applicationId?: string): Promise<PaymentRecord[]> {
  // One application's tranches come from the compound index already in date order (ties by id, as the
  // stable sort below leaves them).
  const records =
    applicationId === undefined
      ? await db.payments.toArray()
      : await db.payments
          .where('[applicationId+expectedDate]')
          .between([applicationId, Dexie.minKey], [applicationId, Dexie.maxKey])
          .toArray();
  return alive(records).sort(byExpectedDate);
}

export async function savePayment(db: WorkspaceDb, input: unknown, options: SaveOptions = {}): Promise<WriteOutcome<PaymentRecord>> {
  const parsed = paymentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const now = options.now ?? new Date();
  const future = futureReceptionProblem(parsed.data.receivedDate, todayIso(now));
  if (future !== undefined) return { ok: false, errors: { receivedDate: future } };
  const context = await prepareWrite(db, 'payments', options.id);
  return db.transaction('rw', db.payments, db.grantApplications, async () => {
    const app = await db.grantApplications.get(parsed.data.applicationId);
    if (!app) return { ok: false as const, errors: { applicationId: 'Demande de subvention\u00a0: introuvable.' } };
    // A tranche already recorded on a grant refused later can still be corrected; a new one cannot be added.
    if (options.id === undefined && !acceptsPayments(app))
      return { ok: false as const, errors: { applicationId: REFUSED_GRANT_PAYMENT_MESSAGE } };
    const problems = paymentProblems(parsed.data, app);
    if (Object.keys(problems).length > 0) return { ok: false as const, errors: problems };
    return saveRow(db.payments, context, parsed.data, now);
  });
}

export function deletePayment(db: WorkspaceDb, target: Target, now = new Date()): Promise<WriteOutcome<PaymentRecord>> {
  return binOne(db, db.payments, target, now);
}

export function restorePayment(db: WorkspaceDb, id: string, now = new Date()): Promise<void> {
  return restoreOne(db, db.payments, id, now);
}

export function usePayments(db: WorkspaceDb, applicationId?: string): PaymentRecord[] | undefined {
  return useLiveQuery(() => listPayments(db, applicationId), [db, applicationId]);
}

/** What the funding deadline rules and the summary read: records out of the bin, payments of live applications. */
export async function loadFundingData(db: WorkspaceDb): Promise<{
  funders: FunderRecord[];
  applications: GrantApplicationRecord[];
  payments: PaymentRecord[];
}> {
  const [funders, applications, payments] = await Promise.all([listFunders(db), listGrantApplications(db), listPayments(db)]);
  const liveIds = new Set(applications.map((a) => a.id));
  return { funders, applications, payments: payments.filter((p) => liveIds.has(p.applicationId)) };
}

export function useFundingData(db: WorkspaceDb) {
  return useLiveQuery(() => loadFundingData(db), [db]);
}
