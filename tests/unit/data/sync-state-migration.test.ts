import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { SYNC_STATE_VERSION, workspaceVersions } from '../../../src/renderer/src/data/schema';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { migrateFrom } from './migration-helper';

// The version that adds what replication keeps on the laptop (issue 20): three new tables, no data step,
// so every record of the previous version is kept as it was — and an espace encrypted at rest upgrades
// too (Dexie upgrades at open, before any key: there is nothing to decrypt).

const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };

describe(`workspace schema version ${SYNC_STATE_VERSION} (replication state)`, () => {
  it('keeps every record and opens empty sync tables indexed as declared', async () => {
    const person = { id: 'p1', firstName: 'Awa', lastName: 'Diop', ...stamps };
    const payment = { id: 'pay1', applicationId: 'g1', expectedDate: '2026-03-31', expectedCents: 150_000, ...stamps };
    const sealed = { key: 'protection', value: { salt: 'abc', wrapped: 'def' } };
    await migrateFrom({
      name: 'sync-state-migration-test',
      versions: workspaceVersions,
      from: SYNC_STATE_VERSION - 1,
      seed: async (db) => {
        await db.table('people').add(person);
        await db.table('payments').add(payment);
        await db.table('meta').add(sealed);
      },
      check: async (db) => {
        expect(await db.table('people').toArray()).toEqual([person]);
        expect(await db.table('payments').toArray()).toEqual([payment]);
        expect(await db.table('meta').get('protection')).toEqual(sealed);
        for (const name of ['syncState', 'syncOutbox', 'syncConflicts']) expect(await db.table(name).count(), name).toBe(0);
        await db.table('syncConflicts').add({ id: 'c1', docId: 'payments:pay1' });
        expect(await db.table('syncConflicts').where('docId').equals('payments:pay1').count()).toBe(1);
      },
    });
  });

  it('puts a change made here in the outbox, in the same transaction, and not a change the bridge applies', async () => {
    const db = new WorkspaceDb('sync-outbox-test');
    await db.open();
    try {
      db.setCurrentPerson('Awa');
      await db.people.add({ id: 'p1', firstName: 'Awa', lastName: 'Diop', ...stamps } as never);
      expect(await db.syncOutbox.toArray()).toEqual([{ docId: 'people:p1', at: expect.any(String), person: 'Awa' }]);
      // meta and the journal are not replicated: nothing goes to the outbox.
      await db.meta.put({ key: 'lastBackup', value: 'x' });
      expect(await db.syncOutbox.count()).toBe(1);
      // The bridge's transactions name syncState: what they write is what came from the server.
      await db.transaction('rw', [db.people, db.syncState], () =>
        db.people.put({ id: 'p2', firstName: 'Léa', lastName: 'Morel', ...stamps } as never),
      );
      expect((await db.syncOutbox.toArray()).map((e) => e.docId)).toEqual(['people:p1']);
      // A failing write leaves no outbox entry behind.
      await expect(db.people.add({ id: 'p1', firstName: 'X', lastName: 'Y', ...stamps } as never)).rejects.toThrow();
      expect(await db.syncOutbox.count()).toBe(1);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  it('refuses every user write while the sync account is read-only, and lets the bridge write', async () => {
    const db = new WorkspaceDb('sync-readonly-test');
    await db.open();
    try {
      db.syncReadOnly = true;
      await expect(db.people.add({ id: 'p1', firstName: 'Awa', lastName: 'Diop', ...stamps } as never)).rejects.toMatchObject({
        name: 'ReadOnlyWorkspaceError',
      });
      expect(await db.people.count()).toBe(0);
      expect(await db.journal.count()).toBe(0);
      await db.transaction('rw', [db.people, db.syncState], () =>
        db.people.put({ id: 'p2', firstName: 'Léa', lastName: 'Morel', ...stamps } as never),
      );
      expect(await db.people.count()).toBe(1);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });
});
