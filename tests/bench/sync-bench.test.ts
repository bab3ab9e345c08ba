import { expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { SyncBridge } from '../../src/renderer/src/data/sync/sync-bridge';
import { syncedTables } from '../../src/renderer/src/data/sync/synced-tables';
import { WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { workspaceOfSize, type WorkspaceSize } from '../fixtures/generator';
import { startTestServer, testPouchFactory } from '../sync-server/couch-server';

// Replication figures (issue 20): the initial sync of an espace from one laptop to the server and on to a
// second laptop, and, both live, the delay from an edit on one laptop to its arrival on the other. Node,
// fake-indexeddb and an in-memory PouchDB on each side, express-pouchdb on 127.0.0.1 (SYNC_BENCH_PORT,
// 5320 by default): slower than Chromium's IndexedDB, so the figures are an upper bound. It prints and
// never fails on a figure.

const SIZE = (process.env.SYNC_BENCH_SIZE ?? 'L') as WorkspaceSize;
const RUNS = Number(process.env.SYNC_BENCH_RUNS ?? 1);
const EDITS = Number(process.env.SYNC_BENCH_EDITS ?? 10);
const PORT = Number(process.env.SYNC_BENCH_PORT ?? 5320);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

it(`replication of ${SIZE}`, async () => {
  const server = await startTestServer({ port: PORT });
  const initial: { push: number; pull: number }[] = [];
  const delays: number[] = [];
  let documents = 0;
  const synced = new Set(syncedTables().map((t) => t.name));
  const tables = Object.entries(workspaceOfSize(SIZE).tables).filter(([name]) => synced.has(name));
  try {
    for (let run = 0; run < RUNS; run++) {
      const name = `bench-${run}`;
      await fetch(`${server.url}/${name}`, { method: 'PUT' });
      const remote = () => testPouchFactory.remote(`${server.url}/${name}`, { username: '', password: '' });
      const a = new WorkspaceDb(`bench-a-${run}`);
      const b = new WorkspaceDb(`bench-b-${run}`);
      await a.open();
      await b.open();
      await a.transaction(
        'rw',
        tables.map(([t]) => t),
        async () => {
          for (const [table, rows] of tables) await a.table(table).bulkAdd(rows as never[]);
        },
      );
      documents = await a.syncOutbox.count();
      const bridgeA = new SyncBridge(a, testPouchFactory.local(`bench-pouch-a-${run}`));
      const bridgeB = new SyncBridge(b, testPouchFactory.local(`bench-pouch-b-${run}`));
      let t = performance.now();
      await bridgeA.syncOnce(remote());
      const push = performance.now() - t;
      t = performance.now();
      await bridgeB.syncOnce(remote());
      const pull = performance.now() - t;
      initial.push({ push, pull });
      expect(await b.payments.count()).toBe(await a.payments.count());

      // Steady state: both live, one edit at a time on A, timed until B's Dexie holds it.
      bridgeA.start(remote());
      bridgeB.start(remote());
      await new Promise((r) => setTimeout(r, 2000));
      const funder = (await a.funders.toArray())[0]!;
      for (let i = 0; i < EDITS; i++) {
        const notes = `bench ${run}-${i}`;
        const started = performance.now();
        await a.funders.put({ ...funder, notes, updatedAt: new Date(Date.now() + i).toISOString() } as never);
        for (;;) {
          const there = (await b.funders.get(funder.id)) as unknown as { notes?: string } | undefined;
          if (there?.notes === notes) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        delays.push(performance.now() - started);
      }
      bridgeA.stop();
      bridgeB.stop();
      for (const db of [a, b]) {
        db.close();
        await Dexie.delete(db.name);
      }
    }
  } finally {
    await server.stop();
  }
  const row = (label: string, ms: number) => console.log(`${label.padEnd(58)} ${Math.round(ms).toLocaleString('fr-FR')} ms`);
  console.log(
    `\nSynchronisation, ${SIZE} (${documents.toLocaleString('fr-FR')} documents), médianes de ${RUNS} essai(s) / ${EDITS} modifications — machine partagée, chiffres bruités`,
  );
  row('Première synchronisation, ordinateur A → serveur', median(initial.map((r) => r.push)));
  row('Première synchronisation, serveur → ordinateur B', median(initial.map((r) => r.pull)));
  row('Délai d’une modification de A à son arrivée sur B (live)', median(delays));
});
