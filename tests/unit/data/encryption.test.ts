import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb, workspaceDbName } from '../../../src/renderer/src/data/workspace-db';
import { WorkspaceLockedError, ENCRYPTED_FIELD, PROTECTION_KEY } from '../../../src/renderer/src/data/encryption-middleware';
import {
  MIGRATION_CHUNK,
  protectInPlace,
  readProtection,
  resumeMigration,
  rewrapDataKey,
  unlockWorkspace,
  unprotectInPlace,
} from '../../../src/renderer/src/data/workspace-protection';
import { CLEAR_FIELDS, ENCRYPTED_INDEXES, latestVersion, workspaceVersions } from '../../../src/renderer/src/data/schema';
import { fixtureWorkspace } from '../../fixtures/generator';

// Encryption at rest of a protected espace: what a person copying the database files, or running script
// in the page, can read of it; and what the app still finds through its indexes once it is unlocked.

const ID = '7d0b3f5e-2c41-4f7a-9b8e-5a1c2d3e4f60';
const GOOD = 'le chat dort au soleil';
// The real 600 000 iterations are pinned elsewhere (workspace-lock.test.ts); here a cheap derivation keeps
// the suite quick on a loaded machine.
const FAST = 1_000;

// What a labour inspector would call personal data, taken from the fixture: names, an e-mail, a phone
// number, a salary and a grant amount (cents, as stored), a note.
const SECRETS = [
  'Benali',
  'Karim',
  'coordination@amis-du-quartier.example',
  '01 48 20 30 40',
  'c.moreau@ville-saint-denis.example',
  '260000',
  '1800000',
  'Coordinateur',
];

type Row = Record<string, unknown>;

function extraRows(): Record<string, Row[]> {
  const at = '2026-11-02T10:00:00.000Z';
  return {
    association: [
      { id: 'association', name: 'Les Amis du Quartier', siret: '12345678900011', createdAt: at, updatedAt: at, deletedAt: null },
    ],
    meta: [
      { key: 'workspace', value: { id: ID, createdAt: at } },
      { key: 'keyboardPeople', value: ['Karim Benali', 'Awa Diop'] },
    ],
    deadlineStates: [{ key: 'contract:c1:trial-end', doneAt: at, snoozedUntil: null }],
    attachments: [
      {
        id: 'a1',
        ownerId: 'agreement-1',
        name: 'convention-Benali.pdf',
        type: 'application/pdf',
        size: 5,
        data: new Uint8Array([37, 80, 68, 70, 45]),
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      },
    ],
    dossierSnapshots: [{ id: 's1', createdAt: at, deletedAt: null, title: 'Dossier Benali', totalCents: 1_800_000 }],
    financialReports: [
      { id: 'r1', grantApplicationId: 'g1', deletedAt: null, comment: 'Karim a animé 40 ateliers', spentCents: 1_234_567 },
    ],
    journal: [
      {
        id: 'j1',
        at,
        table: 'people',
        recordId: 'p1',
        person: 'Awa',
        session: 's',
        batch: 'b1',
        seq: 1,
        kind: 'update',
        summary: 'Personne « Karim Benali » modifiée',
        before: { lastName: 'Benali' },
        undoneAt: null,
      },
    ],
  };
}

function allRows(): Record<string, Row[]> {
  const fixture = fixtureWorkspace().tables as unknown as Record<string, Row[]>;
  return { ...fixture, ...extraRows(), journal: extraRows().journal ?? [] };
}

async function seed(db: WorkspaceDb): Promise<void> {
  const rows = allRows();
  await db.transaction('rw', db.tables, async () => {
    for (const [name, values] of Object.entries(rows)) if (values.length > 0) await db.table(name).bulkPut(values);
  });
}

/** Everything IndexedDB holds for this espace, as text: what another program reading the files would get. */
async function rawContent(name = workspaceDbName(ID)): Promise<{ text: string; stores: Record<string, Row[]> }> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores: Record<string, Row[]> = {};
  for (const store of Array.from(idb.objectStoreNames)) {
    stores[store] = await new Promise<Row[]>((resolve, reject) => {
      const request = idb.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as Row[]);
      request.onerror = () => reject(request.error);
    });
  }
  idb.close();
  const text = JSON.stringify(stores, (_key, value: unknown) =>
    value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? `<${(value as ArrayBuffer).byteLength} octets>` : value,
  );
  return { text, stores };
}

function byKey(rows: Row[], keyPath: string): Row[] {
  return [...rows].sort((a, b) => String(a[keyPath]).localeCompare(String(b[keyPath])));
}

let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb(ID);
  await db.open();
  await seed(db);
});

afterEach(() => {
  db.lockAndClose();
  vi.useRealTimers();
});

describe('the fields kept in clear', () => {
  it('cover every index of the latest schema, or say why an index stays empty in a protected espace', () => {
    const latest = new Map<string, string>();
    for (const version of workspaceVersions) {
      for (const [table, stores] of Object.entries(version.stores)) if (stores !== null) latest.set(table, stores);
    }
    expect(Math.max(...workspaceVersions.map((v) => v.version))).toBe(latestVersion(workspaceVersions));
    for (const [table, stores] of latest) {
      const clear = Object.keys(CLEAR_FIELDS[table] ?? {});
      const fields = stores
        .split(',')
        .flatMap((index) =>
          index
            .trim()
            .replace(/^[&*+]+/, '')
            .replace(/^\[|\]$/g, '')
            .split('+'),
        )
        .filter((field) => field !== '');
      for (const field of fields) {
        expect(clear.includes(field) || (ENCRYPTED_INDEXES[table] ?? []).includes(field), `${table}.${field}`).toBe(true);
      }
      expect(Object.keys(CLEAR_FIELDS[table] ?? {}).length, `${table} is listed`).toBeGreaterThan(0);
    }
  });

  it('never include a name, an amount, a note or a contact detail', () => {
    const forbidden = /name|cents|amount|note|comment|email|phone|address|summary|before|data|title|first|last|iban/i;
    const clear = Object.entries(CLEAR_FIELDS).flatMap(([table, fields]) => Object.keys(fields).map((field) => `${table}.${field}`));
    expect(clear.filter((field) => forbidden.test(field.split('.')[1] ?? ''))).toEqual([]);
  });
});

describe('a protected espace on disk', () => {
  it('holds none of the known names, amounts and e-mails once protected, and held them before', async () => {
    const before = (await rawContent()).text;
    for (const secret of SECRETS) expect(before).toContain(secret);

    await protectInPlace(db, GOOD, () => undefined, FAST);

    const { text, stores } = await rawContent();
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    // What stays readable is what indexes need: ids, foreign keys, indexed dates.
    const contract = stores.contracts?.[0] ?? {};
    expect(Object.keys(contract).sort()).toEqual(
      [...Object.keys(CLEAR_FIELDS.contracts ?? {}).filter((field) => field in contract), ENCRYPTED_FIELD].sort(),
    );
    expect(contract.personId).toEqual(expect.any(String));
    expect(stores.people?.every((person) => !('lastName' in person) && ENCRYPTED_FIELD in person)).toBe(true);
  });

  it('is readable by every connection of the tab while unlocked (a backup opens its own), by none once locked', async () => {
    await protectInPlace(db, GOOD, () => undefined, FAST);
    const backupConnection = new WorkspaceDb(ID);
    expect((await backupConnection.people.toArray()).map((person) => person.lastName)).toContain('Benali');
    db.lockAndClose();
    await expect(backupConnection.people.toArray()).rejects.toThrow(WorkspaceLockedError);
    backupConnection.close();
    db = new WorkspaceDb(ID);
  });

  it('gives back every record of every table as it was written (round trip)', async () => {
    await protectInPlace(db, GOOD, () => undefined, FAST);
    const expected = allRows();
    for (const table of db.tables) {
      const keyPath = String(table.schema.primKey.keyPath);
      const rows = expected[table.name] ?? [];
      const stored = byKey(await table.toArray(), keyPath);
      if (table.name === 'meta') {
        expect(
          stored.filter((row) => row.key !== PROTECTION_KEY),
          'meta',
        ).toEqual(byKey(rows, keyPath));
      } else {
        expect(stored, table.name).toEqual(byKey(rows, keyPath));
      }
    }
    expect(db.tables.map((table) => table.name).sort()).toEqual(Object.keys(CLEAR_FIELDS).sort());
  });

  it('keeps a Blob a Blob, with its type and bytes', async () => {
    const pdf = new Blob([new Uint8Array([37, 80, 68, 70])], { type: 'application/pdf' });
    await protectInPlace(db, GOOD, () => undefined, FAST);
    await db.table('attachments').put({ ...extraRows().attachments?.[0], id: 'a2', data: pdf });
    const back = (await db.attachments.get('a2'))?.data as Blob;
    expect(back).toBeInstanceOf(Blob);
    expect(back.type).toBe('application/pdf');
    expect([...new Uint8Array(await back.arrayBuffer())]).toEqual([37, 80, 68, 70]);
  });

  it('still answers queries through the indexes the app reads', async () => {
    const karim = (await db.people.toArray()).find((person) => person.lastName === 'Benali');
    const contractsOfKarim = await db.contracts
      .where('personId')
      .equals(karim?.id ?? '')
      .toArray();
    const application = (await db.grantApplications.toArray())[0];
    const paymentsInOrder = await db.payments
      .where('[applicationId+expectedDate]')
      .between([application?.id, Dexie.minKey], [application?.id, Dexie.maxKey])
      .toArray();
    const byYear = await db.budgets.where('year').equals(2027).toArray();
    const awaJournal = await db.journal.where('[person+at]').between(['Awa', ''], ['Awa', '\uffff']).toArray();
    expect(contractsOfKarim.length).toBeGreaterThan(0);

    await protectInPlace(db, GOOD, () => undefined, FAST);

    expect(
      await db.contracts
        .where('personId')
        .equals(karim?.id ?? '')
        .toArray(),
    ).toEqual(contractsOfKarim);
    expect(
      await db.payments
        .where('[applicationId+expectedDate]')
        .between([application?.id, Dexie.minKey], [application?.id, Dexie.maxKey])
        .toArray(),
    ).toEqual(paymentsInOrder);
    expect(await db.budgets.where('year').equals(2027).toArray()).toEqual(byYear);
    expect(await db.journal.where('[person+at]').between(['Awa', ''], ['Awa', '\uffff']).toArray()).toEqual(awaJournal);
    // A cursor (each, modify) sees plaintext too, and a modify writes it back encrypted.
    await db.people
      .where('id')
      .equals(karim?.id ?? '')
      .modify({ jobTitle: 'Directeur' });
    expect((await db.people.get(karim?.id ?? ''))?.jobTitle).toBe('Directeur');
    expect((await rawContent()).text).not.toContain('Directeur');
  });

  it('journals a change made while unlocked, and the journal entry is encrypted too', async () => {
    await protectInPlace(db, GOOD, () => undefined, FAST);
    db.setCurrentPerson('Awa');
    const karim = (await db.people.toArray()).find((person) => person.lastName === 'Benali');
    await db.people.put({ ...karim!, phone: '06 12 34 56 78' });
    const entries = await db.journal
      .where('recordId')
      .equals(karim?.id ?? '')
      .toArray();
    expect(entries.some((entry) => (entry.before as Row | null)?.phone === '01 48 20 30 40')).toBe(true);
    const raw = (await rawContent()).text;
    expect(raw).not.toContain('06 12 34 56 78');
    expect(raw).not.toContain('01 48 20 30 40');
  });
});

describe('a locked espace', () => {
  beforeEach(async () => {
    await protectInPlace(db, GOOD, () => undefined, FAST);
    db.lockAndClose();
    db = new WorkspaceDb(ID);
    await db.open();
  });

  it('reads nothing: every table refuses, only the protection record is readable', async () => {
    await expect(db.people.toArray()).rejects.toThrow(WorkspaceLockedError);
    await expect(db.contracts.where('personId').above('').first()).rejects.toThrow(WorkspaceLockedError);
    await expect(db.meta.get('keyboardPeople')).rejects.toThrow(WorkspaceLockedError);
    expect(await readProtection(db)).toMatchObject({ state: 'encrypted', kdf: 'PBKDF2-SHA256', iterations: FAST });
  });

  it('writes nothing: an add, a put, a delete and a clear are all refused, and the data is unchanged', async () => {
    const before = (await rawContent()).text;
    await expect(db.people.add({ id: 'nouveau', lastName: 'Intrus' } as never)).rejects.toThrow(WorkspaceLockedError);
    await expect(db.people.put({ id: 'nouveau', lastName: 'Intrus' } as never)).rejects.toThrow(WorkspaceLockedError);
    await expect(db.people.delete('nouveau')).rejects.toThrow(WorkspaceLockedError);
    await expect(db.payments.clear()).rejects.toThrow(WorkspaceLockedError);
    expect((await rawContent()).text).toBe(before);
  });

  it('refuses writes from a connection opened before the espace was protected (another tab)', async () => {
    db.close();
    await Dexie.delete(workspaceDbName(ID));
    // Another tab: its own memory, so its own (empty) key.
    const early = new WorkspaceDb(ID, workspaceVersions, undefined, { key: null, writeClear: false });
    await early.open();
    await seed(early);
    const protector = new WorkspaceDb(ID);
    await protector.open();
    await protectInPlace(protector, GOOD, () => undefined, FAST);
    await expect(early.people.put({ id: 'tard', lastName: 'Écrit en clair' } as never)).rejects.toThrow(WorkspaceLockedError);
    await expect(early.people.toArray()).rejects.toThrow(WorkspaceLockedError);
    expect((await rawContent()).text).not.toContain('Écrit en clair');
    early.close();
    protector.lockAndClose();
    db = new WorkspaceDb(ID);
  });

  it('opens with its passphrase, and not with another', async () => {
    expect(await unlockWorkspace(db, 'pas la bonne phrase')).toMatchObject({ ok: false, reason: 'wrong' });
    await expect(db.people.toArray()).rejects.toThrow(WorkspaceLockedError);
    expect(await unlockWorkspace(db, GOOD)).toEqual({ ok: true });
    expect((await db.people.toArray()).map((person) => person.lastName)).toContain('Benali');
  });

  it('after five wrong passphrases, makes each attempt wait 2 s, then 4 s, and refuses an early one untried', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T20:00:00Z'));
    for (let i = 1; i <= 4; i++) expect(await unlockWorkspace(db, `mauvaise ${i}`)).toMatchObject({ reason: 'wrong', waitMs: 0 });
    expect(await unlockWorkspace(db, 'mauvaise 5')).toMatchObject({ reason: 'wrong', waitMs: 2_000 });
    vi.setSystemTime(new Date('2026-12-01T20:00:01.999Z'));
    // Even the right passphrase is not tried before the wait is over.
    expect(await unlockWorkspace(db, GOOD)).toMatchObject({ ok: false, reason: 'wait', waitMs: 1 });
    vi.setSystemTime(new Date('2026-12-01T20:00:02Z'));
    expect(await unlockWorkspace(db, 'mauvaise 6')).toMatchObject({ reason: 'wrong', waitMs: 4_000 });
    vi.setSystemTime(new Date('2026-12-01T20:00:06Z'));
    expect(await unlockWorkspace(db, GOOD)).toEqual({ ok: true });
    // A success starts the count again.
    expect(await unlockWorkspace(db, 'mauvaise 7')).toMatchObject({ reason: 'wrong', waitMs: 0 });
  });
});

describe('changing and removing the protection', () => {
  it('changing the passphrase re-wraps the one data key and rewrites no record', async () => {
    await protectInPlace(db, GOOD, () => undefined, FAST);
    const before = (await rawContent()).stores;
    expect(await rewrapDataKey(db, 'pas la bonne', 'une toute nouvelle phrase', FAST)).toBe(false);
    expect(await rewrapDataKey(db, GOOD, 'une toute nouvelle phrase', FAST)).toBe(true);
    const after = (await rawContent()).stores;
    expect(after.people).toEqual(before.people);
    expect(after.journal).toEqual(before.journal);
    db.lockAndClose();
    db = new WorkspaceDb(ID);
    expect(await unlockWorkspace(db, GOOD)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await unlockWorkspace(db, 'une toute nouvelle phrase')).toEqual({ ok: true });
    expect((await db.people.toArray()).length).toBe(allRows().people?.length);
  });

  it('removing it decrypts every record in place and forgets the key', async () => {
    await protectInPlace(db, GOOD, () => undefined, FAST);
    expect(await unprotectInPlace(db, 'pas la bonne')).toBe(false);
    expect(await readProtection(db)).toBeDefined();
    expect(await unprotectInPlace(db, GOOD)).toBe(true);
    const { text } = await rawContent();
    for (const secret of SECRETS) expect(text).toContain(secret);
    expect(text).not.toContain(ENCRYPTED_FIELD);
    expect(await readProtection(db)).toBeUndefined();
    expect(db.encryption.key).toBeNull();
    // Unprotected again: a new connection reads and writes in clear.
    db.close();
    db = new WorkspaceDb(ID);
    await db.people.put({ id: 'p-new', lastName: 'Nouvelle' } as never);
    expect((await rawContent()).text).toContain('Nouvelle');
  });
});

describe('encrypting an existing espace in place', () => {
  async function addPayments(count: number): Promise<void> {
    const rows = Array.from({ length: count }, (_, i) => ({
      id: `pay-${String(i).padStart(5, '0')}`,
      applicationId: 'g1',
      expectedDate: '2026-06-30',
      amountCents: 4_242_424,
      deletedAt: null,
    }));
    await db.transaction('rw', db.payments, db.journal, () => db.table('payments').bulkPut(rows));
  }

  it('goes chunk by chunk, reporting progress up to the total', async () => {
    await addPayments(MIGRATION_CHUNK * 2 + 10);
    const steps: { done: number; total: number }[] = [];
    await protectInPlace(db, GOOD, (step) => steps.push(step), FAST);
    const last = steps.at(-1);
    expect(last?.done).toBe(last?.total);
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.every((step, i) => i === 0 || step.done >= (steps[i - 1]?.done ?? 0))).toBe(true);
    expect(await readProtection(db)).toMatchObject({ state: 'encrypted', progress: null });
    expect(await db.journal.count()).toBe(1);
  });

  it('interrupted midway (the window closed), resumes at the next unlock and ends fully encrypted', async () => {
    await addPayments(MIGRATION_CHUNK * 3);
    let calls = 0;
    await expect(
      protectInPlace(
        db,
        GOOD,
        ({ done }) => {
          calls += 1;
          // The window closes once part of the payments is done.
          if (done > MIGRATION_CHUNK * 2 && calls > 2) throw new Error('fenêtre fermée');
        },
        FAST,
      ),
    ).rejects.toThrow('fenêtre fermée');

    const halfway = await readProtection(db);
    expect(halfway?.state).toBe('encrypting');
    expect(halfway?.progress).not.toBeNull();
    const raw = await rawContent();
    const sealedPayments = raw.stores.payments?.filter((row) => ENCRYPTED_FIELD in row).length ?? 0;
    expect(sealedPayments).toBeGreaterThan(0);
    expect(sealedPayments).toBeLessThan(raw.stores.payments?.length ?? 0);

    db.lockAndClose();
    db = new WorkspaceDb(ID);
    // Locked, half-encrypted: still nothing is written in clear.
    await expect(db.people.put({ id: 'x', lastName: 'Intrus' } as never)).rejects.toThrow(WorkspaceLockedError);
    expect(await unlockWorkspace(db, GOOD)).toEqual({ ok: true });
    await resumeMigration(db);

    expect(await readProtection(db)).toMatchObject({ state: 'encrypted', progress: null });
    const { text, stores } = await rawContent();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('4242424');
    for (const [name, rows] of Object.entries(stores)) {
      for (const row of rows) {
        if (name === 'meta' && ['protection', 'lockFailures'].includes(String(row.key))) continue;
        expect(ENCRYPTED_FIELD in row, `${name} ${JSON.stringify(row.id ?? row.key)}`).toBe(true);
      }
    }
    expect(await db.payments.count()).toBe(MIGRATION_CHUNK * 3 + (allRows().payments?.length ?? 0));
    expect(((await db.table('payments').get('pay-00000')) as Row | undefined)?.amountCents).toBe(4_242_424);
  });
});
