import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { loadDeadlineData } from '../../../src/renderer/src/data/deadlines-repository';
import { factDefaults, recordDeadlineFact } from '../../../src/renderer/src/data/deadline-facts';
import { dismissDeadline } from '../../../src/renderer/src/data/deadline-state-repository';
import { listJournal } from '../../../src/renderer/src/data/journal-repository';
import { classifyDeadlines } from '../../../src/renderer/src/domain/deadlines/engine';
import { isPaymentOverdue } from '../../../src/renderer/src/domain/funding/payment';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';
import { fixtureTeam, TEAM_IDS } from '../../fixtures/team';

// « Fait » from the dashboard writes the fact into its record, and « Ne plus rappeler » keeps its reason in
// the journal — on a real IndexedDB (fake-indexeddb), with the clock fixed on 24 November 2026.

const TODAY = '2026-11-24';
const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T09:00:00Z'));
  db = new WorkspaceDb('ws-facts');
  await db.open();
  db.setCurrentPerson('Karim Benali');
  await db.transaction('rw', db.tables, async () => {
    await db.table('funders').bulkAdd(fixtureFunders.map((f) => ({ ...stamps, ...f })));
    await db.table('grantApplications').bulkAdd(fixtureApplications.map((a) => ({ ...stamps, ...a })));
    await db.table('payments').bulkAdd(fixturePayments.map((p) => ({ ...stamps, ...p })));
    await db.table('people').bulkAdd(fixtureTeam.people);
    await db.table('contracts').bulkAdd(fixtureTeam.contracts);
    await db.table('amendments').bulkAdd(fixtureTeam.amendments);
    await db.table('aidedPosts').bulkAdd(fixtureTeam.aidedPosts);
  });
});

afterEach(() => {
  db.close();
  vi.useRealTimers();
});

async function board() {
  const data = await loadDeadlineData(db, TODAY);
  return { data, board: classifyDeadlines(data.deadlines, data.states, TODAY) };
}

describe('« Fait » records the fact', () => {
  it('on a late tranche: the payment is received, with the date and amount given, and nothing is late any more', async () => {
    const { board: before } = await board();
    const late = before.overdue.find((d) => d.rule === 'payment-expected');
    if (!late) throw new Error('the fixture has a late tranche');
    const id = late.key.split(':')[1] ?? '';
    const expected = (await db.payments.get(id))?.expectedCents;
    expect(await factDefaults(db, late, TODAY)).toEqual({ date: TODAY, amountCents: expected });

    const result = await recordDeadlineFact(db, late, { date: '2026-11-20', amount: '4 999,99' }, TODAY);
    expect(result).toEqual({ ok: true, message: 'Versement enregistré au 20 nov. 2026.' });
    const payment = await db.payments.get(id);
    expect(payment).toMatchObject({ receivedDate: '2026-11-20', receivedCents: 499_999 });
    expect(isPaymentOverdue(payment!, TODAY)).toBe(false);
    const { board: after } = await board();
    expect(after.overdue.some((d) => d.key === late.key)).toBe(false);
    expect(after.done.some((d) => d.key === late.key)).toBe(false);
  });

  it('refuses a date after today, or no amount, and writes nothing', async () => {
    const { board: before } = await board();
    const late = before.overdue.find((d) => d.rule === 'payment-expected')!;
    const id = late.key.split(':')[1] ?? '';
    expect(await recordDeadlineFact(db, late, { date: '2026-11-25', amount: '10' }, TODAY)).toEqual({
      ok: false,
      errors: { date: 'Date de réception\u00a0: la date ne peut pas être après aujourd’hui.' },
    });
    const noAmount = await recordDeadlineFact(db, late, { date: TODAY, amount: '' }, TODAY);
    expect(noAmount.ok).toBe(false);
    expect(noAmount.ok ? '' : noAmount.errors.amount).toMatch(/^Montant reçu/);
    expect((await db.payments.get(id))?.receivedDate).toBeUndefined();
    // Today itself is accepted.
    expect((await recordDeadlineFact(db, late, { date: TODAY, amount: '10' }, TODAY)).ok).toBe(true);
  });

  it('on a filing deadline: the application is « déposée » on the date given', async () => {
    const { data } = await board();
    const filing = data.deadlines.find((d) => d.rule === 'filing')!;
    expect((await recordDeadlineFact(db, filing, { date: '2026-11-23' }, TODAY)).ok).toBe(true);
    expect(await db.grantApplications.get(filing.key.split(':')[1] ?? '')).toMatchObject({ status: 'filed', filedOn: '2026-11-23' });
    expect((await board()).data.deadlines.some((d) => d.key === filing.key)).toBe(false);
  });

  it('on a convention to sign: the application is « convention signée » on the date given', async () => {
    const { data } = await board();
    const convention = data.deadlines.find((d) => d.rule === 'convention-to-sign')!;
    expect((await recordDeadlineFact(db, convention, { date: '2026-11-02' }, TODAY)).ok).toBe(true);
    expect(await db.grantApplications.get(convention.key.split(':')[1] ?? '')).toMatchObject({
      status: 'agreement-signed',
      agreementSignedOn: '2026-11-02',
    });
  });

  it('on a missing DPAE: the date goes on the contract, as the contract card shows it', async () => {
    const { data } = await board();
    const dpae = data.deadlines.find((d) => d.key === `contract:${TEAM_IDS.lucasApprenticeship}:dpae`)!;
    expect((await recordDeadlineFact(db, dpae, { date: '2026-09-04' }, TODAY)).ok).toBe(true);
    expect((await db.contracts.get(TEAM_IDS.lucasApprenticeship))?.dpaeDate).toBe('2026-09-04');
    expect((await board()).data.deadlines.some((d) => d.key === dpae.key)).toBe(false);
  });
});

describe('« Ne plus rappeler »', () => {
  it('asks for a reason, and the journal keeps it with who did it', async () => {
    const key = `contract:${TEAM_IDS.lucasApprenticeship}:dpae`;
    expect(await dismissDeadline(db, key, '   ', 'DPAE')).toEqual({
      ok: false,
      error: 'Raison\u00a0: dites pourquoi ne plus rappeler cette échéance (elle est gardée dans le journal).',
    });
    expect(await db.deadlineStates.get(key)).toBeUndefined();

    const result = await dismissDeadline(db, key, 'Faite par le CFA', 'DPAE à déclarer avant l’embauche — Lucas Martin');
    expect(result.ok).toBe(true);
    const { board: after } = await board();
    expect(after.dismissed.map((d) => d.key)).toContain(key);
    expect(after.overdue.some((d) => d.key === key)).toBe(false);
    const entry = (await listJournal(db)).find((e) => e.table === 'deadlineStates');
    expect(entry?.person).toBe('Karim Benali');
    expect(entry?.summary).toContain('Faite par le CFA');
  });
});
