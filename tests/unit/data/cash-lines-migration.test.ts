import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { CASH_LINES_VERSION, workspaceVersions } from '../../../src/renderer/src/data/schema';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import {
  deleteRecurringLine,
  listCashLines,
  loadTreasury,
  saveOpeningBalance,
  saveRecurringLine,
} from '../../../src/renderer/src/data/treasury-repository';
import { undoLastChange } from '../../../src/renderer/src/data/undo';
import { loadDeadlines } from '../../../src/renderer/src/data/deadlines-repository';
import { migrateFrom } from './migration-helper';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';

// Schema CASH_LINES_VERSION (issue 18): the Trésorerie's table. The version before keeps every record;
// the new table starts empty and takes the balance and the recurring lines through the write path.

const STAMPS = { createdAt: '2026-01-15T09:00:00.000Z', updatedAt: '2026-01-15T09:00:00.000Z', deletedAt: null };
const NOW = new Date('2026-11-24T09:00:00Z');

describe(`schema version ${CASH_LINES_VERSION} (Trésorerie)`, () => {
  it('keeps the records of the version before and opens an empty cashLines table', async () => {
    const applications = fixtureApplications.map((a) => ({ ...STAMPS, ...a }));
    await migrateFrom({
      name: 'passerelle-ws-ws-migration-cash-lines',
      versions: workspaceVersions,
      from: CASH_LINES_VERSION - 1,
      seed: async (db) => {
        await db.table('grantApplications').bulkAdd(applications);
      },
      check: async (db) => {
        expect(await db.table('grantApplications').count()).toBe(applications.length);
        expect(await db.table('cashLines').count()).toBe(0);
        expect(db.table('cashLines').schema.indexes.map((i) => i.name)).toEqual(['deletedAt']);
      },
    });
  });
});

describe('the balance and the recurring lines', () => {
  let db: WorkspaceDb;
  beforeEach(async () => {
    for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
    db = new WorkspaceDb('ws-cash');
    await db.open();
    await db.funders.bulkAdd(fixtureFunders.map((f) => ({ ...STAMPS, ...f })) as never);
    await db.grantApplications.bulkAdd(fixtureApplications.map((a) => ({ ...STAMPS, ...a })) as never);
    await db.payments.bulkAdd(fixturePayments.map((p) => ({ ...STAMPS, ...p })) as never);
  });
  afterEach(() => db.close());

  it('one balance per espace, replaced on save; an overdraft is below zero; a wrong amount writes nothing', async () => {
    expect(await saveOpeningBalance(db, { date: '2026-11-24', amountCents: '-12,00' }, undefined, NOW)).toMatchObject({
      ok: false,
      errors: { amountCents: expect.stringMatching(/^Solde en banque\u00a0: /) },
    });
    expect(await listCashLines(db)).toEqual([]);
    const first = await saveOpeningBalance(db, { date: '2026-11-24', amountCents: '18 000,00' }, undefined, NOW);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const second = await saveOpeningBalance(
      db,
      { date: '2026-11-30', amountCents: '1 500,00', overdrawn: true },
      first.value.updatedAt,
      NOW,
    );
    expect(second.ok).toBe(true);
    expect(await listCashLines(db)).toHaveLength(1);
    const view = await loadTreasury(db, '2026-11-30');
    expect(view.forecast.months[0]).toMatchObject({ month: '2026-11', openingCents: -150_000 });
  });

  it('a recurring line is checked, counted, binned and undone', async () => {
    expect(
      await saveRecurringLine(db, {
        label: 'Loyer',
        direction: 'out',
        amountCents: '800,00',
        rhythm: 'monthly',
        firstDate: '2026-12-05',
        lastDate: '2026-11-05',
      }),
    ).toMatchObject({
      ok: false,
      errors: { lastDate: 'Dernière échéance\u00a0: doit être après la première.' },
    });
    const rent = await saveRecurringLine(
      db,
      { label: 'Loyer', direction: 'out', amountCents: '800,00', rhythm: 'monthly', firstDate: '2026-12-05' },
      undefined,
      NOW,
    );
    if (!rent.ok) throw new Error(JSON.stringify(rent.errors));
    expect(
      (await loadTreasury(db, '2026-11-24')).forecast.months[1]!.flows.filter((f) => f.kind === 'recurring').map((f) => [
        f.date,
        f.amountCents,
      ]),
    ).toEqual([['2026-12-05', 80_000]]);
    expect((await deleteRecurringLine(db, { id: rent.value.id, updatedAt: rent.value.updatedAt }, NOW)).ok).toBe(true);
    expect(await listCashLines(db)).toEqual([]);
    expect((await undoLastChange(db)).ok).toBe(true);
    expect(await listCashLines(db)).toHaveLength(1);
  });

  it('the dashboard warns of the first negative month once a balance is entered', async () => {
    expect((await loadDeadlines(db, '2026-11-24')).some((d) => d.rule === 'cash-negative')).toBe(false);
    await saveOpeningBalance(db, { date: '2026-11-24', amountCents: '1 000,00' }, undefined, NOW);
    await saveRecurringLine(
      db,
      { label: 'Salaires', direction: 'out', amountCents: '8 000,00', rhythm: 'monthly', firstDate: '2026-12-05' },
      undefined,
      NOW,
    );
    // 1 000 € + the fixture's granted tranches still expected — CAF 5 000 (late, November), Département
    // 24 000 (15 Dec), CPO 30 000 (31 Jan), Région 7 500 (31 Mar), CLAS 4 400 (31 Jul) — less 8 000 € a
    // month from December: 7 900 € at the end of July, −100 € at the end of August.
    const warning = (await loadDeadlines(db, '2026-11-24')).filter((d) => d.rule === 'cash-negative');
    expect(warning).toMatchObject([
      {
        title: 'Trésorerie négative prévue en août 2027',
        dueDate: '2027-08-31',
        target: { screen: 'treasury' },
        detail: 'Solde prévu fin août 2027\u00a0: -100,00\u00a0€',
      },
    ]);
  });
});
