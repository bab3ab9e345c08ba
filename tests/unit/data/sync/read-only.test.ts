import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { setupCouchDb } from '../../../../scripts/couchdb-setup.mjs';
import { checkAccess } from '../../../../src/renderer/src/data/sync/sync-access';
import { SyncBridge } from '../../../../src/renderer/src/data/sync/sync-bridge';
import { WorkspaceDb } from '../../../../src/renderer/src/data/workspace-db';
import { saveFunder } from '../../../../src/renderer/src/data/funding-repository';
import { READ_ONLY_MESSAGE, WRITE_REFUSED_MESSAGE } from '../../../../src/renderer/src/domain/sync/sync-messages';
import { failureMessage } from '../../../../src/renderer/src/ui/failure-message';
import { fixtureFunders } from '../../../fixtures/funding';
import { startTestServer, testPouchFactory, type TestServer } from '../../../sync-server/couch-server';

// A centre social's server as scripts/couchdb-setup.mjs prepares it: accounts, roles, a database whose
// validation rule refuses a reader's writes. express-pouchdb in its full CouchDB mode has _users, _session,
// _security and validate_doc_update, so the script and the read-only rule are tested for real here.

const DB = 'passerelle-amis-du-quartier';
const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ mode: 'fullCouchDB' });
  const admin = await fetch(`${server.url}/_config/admins/admin`, { method: 'PUT', body: JSON.stringify('secret') });
  expect(admin.status).toBe(200);
});
afterAll(async () => {
  await server.stop();
});

const setup = () =>
  setupCouchDb({
    server: server.url,
    admin: 'admin',
    adminPassword: 'secret',
    database: DB,
    coordinators: ['awa'],
    readers: ['reseau'],
    passwords: { awa: 'pw-awa', reseau: 'pw-reseau' },
  });

describe('scripts/couchdb-setup.mjs', { timeout: 30_000 }, () => {
  it('creates the database, a coordinator and a reader, and running it again changes nothing', async () => {
    const first = await setup();
    expect(first.done).toEqual(
      expect.arrayContaining([
        `created database ${DB}`,
        `created user awa with role ${DB}:coordinateur`,
        `created user reseau with role ${DB}:lecteur`,
      ]),
    );
    const again = await setup();
    expect(again.done).toEqual(expect.arrayContaining([`database ${DB} already exists`, `user awa already has role ${DB}:coordinateur`]));
    expect(again.generated).toEqual({});
  });

  it('refuses a wrong admin password', async () => {
    await expect(setupCouchDb({ server: server.url, admin: 'admin', adminPassword: 'wrong', database: DB })).rejects.toThrow();
  });
});

describe('a network’s read-only account', () => {
  it('the coordinator writes; the reader receives, cannot write here, and a write made before is refused by the server and shown', async () => {
    await setup();
    const remote = (username: string, password: string) => testPouchFactory.remote(`${server.url}/${DB}`, { username, password });

    expect(await checkAccess(server.url, DB, { username: 'awa', password: 'pw-awa' })).toMatchObject({ ok: true, readOnly: false });
    const reader = await checkAccess(server.url, DB, { username: 'reseau', password: 'pw-reseau' });
    expect(reader).toMatchObject({ ok: true, readOnly: true });
    const wrong = await checkAccess(server.url, DB, { username: 'reseau', password: 'nope' });
    expect(wrong).toEqual({ ok: false, message: expect.stringContaining('refusé l’identifiant ou le mot de passe') });

    const awaDb = new WorkspaceDb('ro-awa');
    const netDb = new WorkspaceDb('ro-reseau');
    const awa = new SyncBridge(awaDb, testPouchFactory.local('ro-pouch-awa'));
    const net = new SyncBridge(netDb, testPouchFactory.local('ro-pouch-reseau'));
    try {
      await awaDb.funders.add({ ...fixtureFunders[0], ...stamps } as never);
      await awa.syncOnce(remote('awa', 'pw-awa'));

      // A write made before the account's roles were known: it goes out, and the server refuses it.
      await netDb.funders.add({ ...fixtureFunders[1], ...stamps } as never);
      await net.syncOnce(remote('reseau', 'pw-reseau'));
      expect(await netDb.funders.get(fixtureFunders[0]!.id)).toBeDefined();
      expect(net.status.error).toBe(WRITE_REFUSED_MESSAGE);
      const onServer = await fetch(`${server.url}/${DB}/funders:${fixtureFunders[1]!.id}`, {
        headers: { authorization: `Basic ${btoa('admin:secret')}` },
      });
      expect(onServer.status).toBe(404);

      // Once the access is known the espace is read-only: a save is refused, in French, and nothing is written.
      net.setReadOnly(true);
      expect(net.status).toMatchObject({ readOnly: true, error: READ_ONLY_MESSAGE });
      const before = await netDb.funders.count();
      const { id: _id, ...fields } = fixtureFunders[3]!;
      const saving = saveFunder(netDb, { ...fields, name: 'Nouveau financeur' });
      await expect(saving).rejects.toMatchObject({ name: 'ReadOnlyWorkspaceError' });
      expect(failureMessage(await saving.catch((e: unknown) => e))).toContain('lecture seule');
      expect(await netDb.funders.count()).toBe(before);
      // What the coordinator changes still arrives.
      await awaDb.funders.add({ ...fixtureFunders[2], ...stamps } as never);
      await awa.syncOnce(remote('awa', 'pw-awa'));
      await net.syncOnce(remote('reseau', 'pw-reseau'));
      expect(await netDb.funders.get(fixtureFunders[2]!.id)).toBeDefined();
    } finally {
      for (const db of [awaDb, netDb]) {
        db.close();
        await Dexie.delete(db.name);
      }
      await awa.local.destroy();
      await net.local.destroy();
    }
  }, 60_000);
});
