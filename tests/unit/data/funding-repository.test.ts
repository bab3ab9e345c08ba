import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import {
  deleteFunder,
  deleteGrantApplication,
  listFunders,
  listGrantApplications,
  listPayments,
  loadFundingData,
  restoreGrantApplication,
  saveFunder,
  saveGrantApplication,
  savePayment,
} from '../../../src/renderer/src/data/funding-repository';
import {
  getLastOpened,
  listDeadlineStates,
  markDeadlineDone,
  recordOpening,
  restoreDeadlineState,
  saveReminderLadder,
  getReminderLadder,
  snoozeDeadline,
} from '../../../src/renderer/src/data/deadline-state-repository';
import { loadDeadlines } from '../../../src/renderer/src/data/deadlines-repository';
import { caughtUp } from '../../../src/renderer/src/domain/deadlines/engine';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';

const NOW = new Date('2026-11-24T09:00:00Z');
const NBSP = '\u00a0';
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('funding-test');
  await db.open();
});

afterEach(() => db.close());

async function seedFixture() {
  const stamps = { createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), deletedAt: null };
  await db.funders.bulkAdd(fixtureFunders.map((f) => ({ ...f, ...stamps })));
  await db.grantApplications.bulkAdd(fixtureApplications.map((a) => ({ ...a, ...stamps })));
  await db.payments.bulkAdd(fixturePayments.map((p) => ({ ...p, ...stamps })));
}

const caf = {
  name: 'CAF de la Seine-Saint-Denis',
  kind: 'social-bodies',
  portal: 'funder-portal',
  service: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  notes: '',
};

describe('funders', () => {
  it('saves a valid funder with a UUID and stamps, and refuses an empty name writing nothing', async () => {
    const saved = await saveFunder(db, caf, { now: NOW });
    if (!saved.ok) throw new Error('expected success');
    expect(saved.value.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.value).toMatchObject({ name: caf.name, createdAt: NOW.toISOString(), deletedAt: null });
    expect(saved.value.service).toBeUndefined();

    const refused = await saveFunder(db, { ...caf, name: '' });
    expect(refused).toEqual({ ok: false, errors: { name: `Nom du financeur${NBSP}: champ obligatoire.` } });
    expect(await db.funders.count()).toBe(1);
  });

  it('sends a deleted funder to the bin, out of the list', async () => {
    const saved = await saveFunder(db, caf);
    if (!saved.ok) throw new Error('expected success');
    await deleteFunder(db, saved.value.id, NOW);
    expect(await listFunders(db)).toEqual([]);
    expect((await db.funders.get(saved.value.id))?.deletedAt).toBe(NOW.toISOString());
  });
});

describe('grant applications and payments', () => {
  it('saves an application typed in euros, refuses one whose funder is missing', async () => {
    const funder = await saveFunder(db, caf);
    if (!funder.ok) throw new Error('expected success');
    const input = {
      funderId: funder.value.id,
      title: 'Fonds publics et territoires',
      purpose: 'project',
      renewal: false,
      multiYear: false,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      status: 'to-prepare',
      requestedCents: '5 000',
      reportDelayMonths: 6,
    };
    const saved = await saveGrantApplication(db, input, { now: NOW });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.value.requestedCents).toBe(500_000);

    const orphan = await saveGrantApplication(db, { ...input, funderId: 'nobody' });
    expect(orphan).toEqual({ ok: false, errors: { funderId: `Financeur${NBSP}: choisissez un financeur de l’annuaire.` } });
    const decidedBeforeFiled = await saveGrantApplication(db, {
      ...input,
      status: 'granted',
      filedOn: '2026-03-01',
      decidedOn: '2026-02-01',
      grantedCents: '5 000',
    });
    expect(decidedBeforeFiled.ok).toBe(false);
    expect(await db.grantApplications.count()).toBe(1);
  });

  it('records a payment, refuses an implausible date, and versé follows what was received', async () => {
    await seedFixture();
    const saved = await savePayment(
      db,
      {
        applicationId: 'app-caf-territories',
        expectedDate: '2026-09-30',
        expectedCents: 500_000,
        receivedDate: '2026-11-24',
        receivedCents: '5 000,00',
      },
      { id: 'pay-caf-territories', now: NOW },
    );
    expect(saved.ok).toBe(true);
    const wrongYear = await savePayment(db, { applicationId: 'app-caf-territories', expectedDate: '2062-09-30', expectedCents: '100' });
    expect(wrongYear).toEqual({
      ok: false,
      errors: { expectedDate: `Date prévue${NBSP}: trop loin de la période de la subvention — vérifiez l’année.` },
    });
    expect(await listPayments(db, 'app-caf-territories')).toHaveLength(1);
    const deadlines = await loadDeadlines(db, '2026-11-24');
    expect(deadlines.some((d) => d.key === 'payment:pay-caf-territories:payment-expected')).toBe(false);
  });

  it('refuses a reception dated after today and a new tranche on a refused grant, writing nothing', async () => {
    await seedFixture();
    const before = await db.payments.count();
    const tomorrow = await savePayment(
      db,
      {
        applicationId: 'app-caf-territories',
        expectedDate: '2026-09-30',
        expectedCents: '5 000',
        receivedDate: '2026-11-25',
        receivedCents: '5 000',
      },
      { now: NOW },
    );
    expect(tomorrow).toEqual({
      ok: false,
      errors: {
        receivedDate: `Date de réception${NBSP}: dans le futur — laissez la réception vide tant que le versement n’est pas arrivé.`,
      },
    });
    const today = await savePayment(
      db,
      {
        applicationId: 'app-caf-territories',
        expectedDate: '2026-09-30',
        expectedCents: '5 000',
        receivedDate: '2026-11-24',
        receivedCents: '5 000',
      },
      { now: NOW },
    );
    expect(today.ok).toBe(true);
    const onRefused = await savePayment(
      db,
      { applicationId: 'app-state-rights', expectedDate: '2026-09-30', expectedCents: '8 000' },
      { now: NOW },
    );
    expect(onRefused).toEqual({
      ok: false,
      errors: { applicationId: `Demande de subvention${NBSP}: refusée — aucun versement ne peut y être ajouté.` },
    });
    expect(await db.payments.count()).toBe(before + 1);
  });

  it('hides an application in the bin and its payments from the deadlines, and restores both', async () => {
    await seedFixture();
    await deleteGrantApplication(db, 'app-caf-territories', NOW);
    expect((await listGrantApplications(db)).some((a) => a.id === 'app-caf-territories')).toBe(false);
    expect((await loadFundingData(db)).payments.some((p) => p.applicationId === 'app-caf-territories')).toBe(false);
    await restoreGrantApplication(db, 'app-caf-territories', NOW);
    expect((await loadDeadlines(db, '2026-11-24')).some((d) => d.key === 'payment:pay-caf-territories:payment-expected')).toBe(true);
  });
});

describe('deadline states, ladder and openings', () => {
  it('marks done, snoozes, and undoes; the state survives reopening the database', async () => {
    await seedFixture();
    const key = 'payment:pay-caf-territories:payment-expected';
    const { previous, written } = await markDeadlineDone(db, key, NOW);
    expect(previous).toBeUndefined();
    db.close();
    db = new WorkspaceDb('funding-test');
    expect(await listDeadlineStates(db)).toEqual([{ key, doneAt: NOW.toISOString(), updatedAt: NOW.toISOString() }]);
    expect(await restoreDeadlineState(db, key, previous, written)).toEqual({ ok: true });
    expect(await listDeadlineStates(db)).toEqual([]);

    expect(await snoozeDeadline(db, key, '2026-11-24', '2026-11-24')).toEqual({
      ok: false,
      error: `Reporter au${NBSP}: choisissez une date après aujourd’hui.`,
    });
    expect((await snoozeDeadline(db, key, '2026-12-01', '2026-11-24', NOW)).ok).toBe(true);
    expect((await db.deadlineStates.get(key))?.snoozedUntil).toBe('2026-12-01');
  });

  it('reads the last opening before recording this one, and the catch-up uses it', async () => {
    await seedFixture();
    expect(await recordOpening(db, new Date('2026-09-01T08:00:00Z'))).toBeUndefined();
    const previous = await recordOpening(db, NOW);
    expect(previous).toBe('2026-09-01T08:00:00.000Z');
    expect(await getLastOpened(db)).toBe(NOW.toISOString());
    const missed = caughtUp(await loadDeadlines(db, '2026-11-24'), previous, '2026-11-24');
    expect(missed.map((d) => d.rule)).toEqual(['payment-expected', 'convention-to-sign']);
  });

  it('stores the reminder ladder as a setting of the espace', async () => {
    expect(await getReminderLadder(db)).toEqual({ daysBefore: [30, 7, 1], onDueDate: true, whenOverdue: true });
    await saveReminderLadder(db, { daysBefore: [7, 30], onDueDate: true, whenOverdue: false });
    expect(await getReminderLadder(db)).toEqual({ daysBefore: [30, 7], onDueDate: true, whenOverdue: false });
  });
});
