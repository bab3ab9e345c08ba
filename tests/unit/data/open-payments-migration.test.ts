import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { OPEN_PAYMENTS_VERSION, workspaceVersions } from '../../../src/renderer/src/data/schema';
import { listOpenPayments } from '../../../src/renderer/src/data/deadlines-repository';
import { savePayment } from '../../../src/renderer/src/data/funding-repository';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { migrateFrom } from './migration-helper';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';

// Schema OPEN_PAYMENTS_VERSION (issue 17): payments indexed by reception date, so that the dashboard reads
// only those still expected.

const STAMPS = { createdAt: '2026-01-15T09:00:00.000Z', updatedAt: '2026-01-15T09:00:00.000Z', deletedAt: null };
const payments = fixturePayments.map((p) => ({ ...STAMPS, ...p }));
const binned = { ...payments.find((p) => p.receivedDate === undefined)!, id: 'payment-binned', deletedAt: '2026-11-20T10:00:00.000Z' };
const notReceived = payments
  .filter((p) => p.receivedDate === undefined)
  .map((p) => p.id)
  .sort();

describe(`schema version ${OPEN_PAYMENTS_VERSION} (payments by reception date)`, () => {
  it('keeps every payment of the version before and indexes the received ones only', async () => {
    await migrateFrom({
      name: 'passerelle-ws-ws-migration-open-payments',
      versions: workspaceVersions,
      from: OPEN_PAYMENTS_VERSION - 1,
      seed: async (db) => {
        await db.table('payments').bulkAdd([...payments, binned]);
      },
      check: async (db) => {
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(await db.table('payments').orderBy('id').toArray()).toEqual([...payments, binned].sort(byId));
        const received = await db.table('payments').orderBy('receivedDate').primaryKeys();
        expect(received.sort()).toEqual(
          payments
            .filter((p) => p.receivedDate !== undefined)
            .map((p) => p.id)
            .sort(),
        );
      },
    });
  });
});

describe('the payments still expected, read through the index', () => {
  let db: WorkspaceDb;
  beforeEach(async () => {
    for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
    db = new WorkspaceDb('ws-open-payments');
    await db.open();
    await db.funders.bulkAdd(fixtureFunders.map((f) => ({ ...STAMPS, ...f })) as never);
    await db.grantApplications.bulkAdd(fixtureApplications.map((a) => ({ ...STAMPS, ...a })) as never);
    await db.payments.bulkAdd([...payments, binned] as never);
  });
  afterEach(() => db.close());

  it('are exactly those not received, out of the bin', async () => {
    expect(notReceived.length).toBeGreaterThan(1);
    expect((await listOpenPayments(db)).map((p) => p.id).sort()).toEqual(notReceived);
  });

  it('lose a payment once its reception is recorded, and get it back when the reception is cleared', async () => {
    const id = notReceived[0]!;
    const payment = (await db.payments.get(id))!;
    expect((await savePayment(db, { ...payment, receivedDate: '2026-11-20', receivedCents: payment.expectedCents }, { id })).ok).toBe(true);
    expect((await listOpenPayments(db)).map((p) => p.id)).not.toContain(id);
    const { receivedDate: _d, receivedCents: _c, ...cleared } = (await db.payments.get(id))!;
    expect((await savePayment(db, cleared, { id })).ok).toBe(true);
    expect((await listOpenPayments(db)).map((p) => p.id)).toContain(id);
  });
});
