import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { createWorkspace, listWorkspaces } from '../../../src/renderer/src/data/workspace-repository';
import { saveAssociationProfile, getAssociationProfile } from '../../../src/renderer/src/data/association-repository';
import { moveToBin, savePerson } from '../../../src/renderer/src/data/team-repository';
import {
  createBackup,
  openBackup,
  removeLeftoverUpgradeDatabases,
  restoreAsNewWorkspace,
  restoreIntoWorkspace,
  restoreUndoAvailable,
  undoRestore,
  upgradeTables,
} from '../../../src/renderer/src/data/backup';
import { getLockVerifier, passphraseOpens, protectWorkspace } from '../../../src/renderer/src/data/workspace-lock';
import { readRestoreCopy } from '../../../src/renderer/src/data/restore-copy';
import { encodeValue } from '../../../src/renderer/src/data/backup-codec';
import { sha256Hex } from '../../../src/renderer/src/data/backup-crypto';
import { WRONG_PASSPHRASE_OR_ALTERED } from '../../../src/renderer/src/domain/backup/backup-manifest';
import { fixtureAssociationProfile } from '../../fixtures/association';
import { latestVersion, workspaceVersions } from '../../../src/renderer/src/data/schema';

const NOW = new Date('2026-11-24T10:00:00Z');
// Few PBKDF2 rounds keep the tests fast (the lowest a backup may ask for); the app uses PBKDF2_ITERATIONS.
const TEST_ITERATIONS = 100_000;
const PASSPHRASE = 'quartier 2026';

let registry: RegistryDb;

async function wipe() {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
}

beforeEach(async () => {
  await wipe();
  registry = new RegistryDb();
});
afterEach(() => {
  registry.close();
  vi.restoreAllMocks();
});

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x80]);

function attachmentRecord(id: string, bytes: Uint8Array, type = 'application/pdf') {
  return {
    id,
    ownerId: 'doc-1',
    ownerKind: 'document',
    fileName: 'statuts.pdf',
    mimeType: type,
    size: bytes.byteLength,
    data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }),
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    deletedAt: null,
  };
}

async function fixtureWorkspace(name = fixtureAssociationProfile.name) {
  const created = await createWorkspace(registry, name, NOW);
  if (!created.ok) throw new Error('no espace');
  const db = new WorkspaceDb(created.value.id);
  const saved = await saveAssociationProfile(db, fixtureAssociationProfile, NOW);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  await db.table('attachments').add(attachmentRecord('att-1', PDF));
  return { workspace: created.value, db };
}

async function addPeople(db: WorkspaceDb, count: number, at: Date) {
  for (let i = 0; i < count; i++) {
    const saved = await savePerson(db, { firstName: 'Awa', lastName: `Diop ${i}`, role: 'employee' }, undefined, at);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  }
}

async function readEverything(db: Dexie) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = await Promise.all(
      rows.map(async (row) => {
        const data = (row as { data?: unknown }).data;
        return data instanceof Blob
          ? { ...(row as object), data: { type: data.type, bytes: Array.from(new Uint8Array(await data.arrayBuffer())) } }
          : row;
      }),
    );
  }
  return out;
}

async function open(bytes: Uint8Array, passphrase?: string) {
  const opened = await openBackup(bytes, passphrase ? { passphrase } : {});
  if (!opened.ok) throw new Error(opened.error);
  return opened.backup;
}

describe('backup format 2', () => {
  it('is a ZIP with a manifest listing every table with its count and SHA-256, and each file as its own entry', async () => {
    const { workspace, db } = await fixtureWorkspace();
    await addPeople(db, 3, NOW);
    const { bytes, info } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    db.close();
    expect(info).toMatchObject({
      formatVersion: 2,
      schemaVersion: latestVersion(workspaceVersions),
      appVersion: '0.1.0',
      encrypted: false,
    });
    const entries = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(manifest).toMatchObject({
      format: 'passerelle-backup',
      formatVersion: 2,
      createdAt: NOW.toISOString(),
      workspace: { name: 'Les Amis du Quartier' },
    });
    // Every table of the latest schema, each once (a new table needs no edit here).
    const schemaTables = new Set(workspaceVersions.flatMap((v) => Object.keys(v.stores)));
    expect(manifest.tables.map((t: { table: string }) => t.table).sort()).toEqual([...schemaTables].sort());
    expect(manifest.tables.find((t: { table: string }) => t.table === 'people')).toMatchObject({
      count: 3,
      entry: 'tables/people.ndjson',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(manifest.files).toEqual([expect.objectContaining({ entry: 'files/000001.bin', type: 'application/pdf' })]);
    expect(Object.keys(entries).sort()).toEqual(
      ['manifest.json', 'manifest.seal', 'files/000001.bin', ...manifest.tables.map((t: { entry: string }) => t.entry)].sort(),
    );
  });

  it('restored into a new espace gives back every record, attachments byte for byte', async () => {
    const { workspace, db } = await fixtureWorkspace();
    await addPeople(db, 5, NOW);
    const before = await readEverything(db);
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    db.close();

    await wipe();
    registry = new RegistryDb();
    const restored = await restoreAsNewWorkspace(registry, await open(bytes), NOW);
    expect(restored.id).toBe(workspace.id);
    expect((await listWorkspaces(registry)).map((w) => w.name)).toEqual(['Les Amis du Quartier']);
    const again = new WorkspaceDb(restored.id);
    expect(await readEverything(again)).toEqual(before);
    again.close();
  });

  it('reads tables in chunks: an espace of 4 500 people comes back whole, and progress names every table', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const people = Array.from({ length: 4_500 }, (_, i) => ({
      id: `p-${String(i).padStart(5, '0')}`,
      firstName: 'Awa',
      lastName: `Diop ${i}`,
      role: 'employee',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      deletedAt: null,
    }));
    await db.table('people').bulkAdd(people);
    const seen: string[] = [];
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW, onProgress: (p) => seen.push(p.label) });
    db.close();
    expect(seen).toContain('Personnes');
    expect(seen).toContain('Entrées du journal');
    const opened = await open(bytes);
    expect(opened.tables.people).toEqual(people);
    // fake-indexeddb takes about 4 s for these 4 500 rows alone; more on a loaded machine, and they also fill the sync outbox (issue 20).
  }, 30_000);

  it('a restore says, table by table, what it is doing: reading, checking each record, copying the espace, writing', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    db.close();
    const checking: string[] = [];
    const opened = await openBackup(bytes, { onProgress: (p) => checking.push(`${p.label} (${p.done + 1} sur ${p.total})`) });
    if (!opened.ok) throw new Error(opened.error);
    const tables = Object.keys(opened.backup.tables).length;
    // The file's tables are read, then every record is checked, table after table, up to the last.
    const read = checking.findIndex((l) => l.startsWith('Personnes ('));
    const checked = checking.findIndex((l) => l.startsWith('contrôle de « Personnes » ('));
    expect(read).toBeGreaterThanOrEqual(0);
    expect(checked).toBeGreaterThan(read);
    expect(checking.filter((l) => l.startsWith('contrôle de « '))).toHaveLength(tables);
    expect(checking.at(-1)).toMatch(new RegExp(`^contrôle de « .+ » \\(${tables} sur ${tables}\\)$`));
    const writing: string[] = [];
    await restoreIntoWorkspace(registry, workspace, opened.backup, '0.1.0', { now: NOW, onProgress: (p) => writing.push(p.label) });
    const copied = writing.filter((l) => l.startsWith('copie de l’espace actuel, '));
    expect(copied).toContain('copie de l’espace actuel, Versements');
    // The copy kept for the undo is made first, then the records are written.
    expect(writing).toContain('copie de l’espace actuel, Sommaire');
    expect(writing).toContain('Versements');
    expect(writing.lastIndexOf('copie de l’espace actuel, Sommaire')).toBeLessThan(writing.indexOf('Versements'));
  });

  it('a protected espace’s backup needs its passphrase, refuses a wrong one and restores as a protected espace', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes, info } = await createBackup(db, workspace, '0.1.0', { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS });
    db.close();
    expect(info.encrypted).toBe(true);
    expect(await openBackup(bytes)).toMatchObject({ ok: false, needsPassphrase: true });
    expect(await openBackup(bytes, { passphrase: 'mauvaise phrase' })).toEqual({
      ok: false,
      needsPassphrase: true,
      error: WRONG_PASSPHRASE_OR_ALTERED,
    });
    const opened = await open(bytes, PASSPHRASE);
    expect((opened.tables.association?.[0] as { legalRepresentative: { lastName: string } }).legalRepresentative.lastName).toBe('Diallo');

    await wipe();
    registry = new RegistryDb();
    const restored = await restoreAsNewWorkspace(registry, opened, NOW, { iterations: TEST_ITERATIONS });
    expect(await getLockVerifier(registry, restored.id)).toBeDefined();
    expect(await passphraseOpens(registry, restored.id, PASSPHRASE)).toBe(true);
    expect(await passphraseOpens(registry, restored.id, 'mauvaise phrase')).toBe(false);
  });

  it('refuses, before deriving any key, a file asking for more PBKDF2 iterations than the fixed range', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS });
    db.close();
    const entries = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    for (const iterations of [2_000_001, 1_000_000_000, 99_999]) {
      manifest.encryption.iterations = iterations;
      entries['manifest.json'] = strToU8(JSON.stringify(manifest));
      const started = performance.now();
      expect(await openBackup(zipSync(entries, { level: 0 }), { passphrase: PASSPHRASE })).toEqual({
        ok: false,
        error: 'La sauvegarde demande un calcul de clé hors des limites de Passerelle : elle est refusée.',
      });
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('writes no plain backup of a protected espace: a restore without its passphrase is refused', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    const protectedNow = await protectWorkspace(registry, workspace.id, PASSPHRASE, PASSPHRASE, TEST_ITERATIONS);
    expect(protectedNow.ok).toBe(true);
    await expect(restoreIntoWorkspace(registry, workspace, await open(bytes), '0.1.0', { now: NOW })).rejects.toThrow(
      'Cet espace est protégé : déverrouillez-le pour que sa sauvegarde soit chiffrée.',
    );
    db.close();
  });
});

describe('format 1 keeps restoring', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/backups/${name}`, import.meta.url)));

  it('the format-1 file written before format 2 restores, its attachment byte for byte', async () => {
    const opened = await open(fixture('format-1.json'));
    expect(opened.info).toMatchObject({
      formatVersion: 1,
      schemaVersion: 7,
      workspace: { name: 'Les Amis du Quartier' },
      encrypted: false,
    });
    const restored = await restoreAsNewWorkspace(registry, opened, NOW);
    const db = new WorkspaceDb(restored.id);
    expect((await db.table('people').toArray()).map((p) => `${p.firstName} ${p.lastName}`)).toEqual(['Aminata Diallo']);
    const attachment = await db.table('attachments').get('att-1');
    expect(Array.from(new Uint8Array(await (attachment.data as Blob).arrayBuffer()))).toEqual(Array.from(PDF));
    db.close();
  });

  it('the protected format-1 file needs its passphrase and gives a protected espace', async () => {
    expect(await openBackup(fixture('format-1-protected.json'))).toMatchObject({ ok: false, needsPassphrase: true });
    const restored = await restoreAsNewWorkspace(registry, await open(fixture('format-1-protected.json'), PASSPHRASE), NOW, {
      iterations: TEST_ITERATIONS,
    });
    expect(await passphraseOpens(registry, restored.id, PASSPHRASE)).toBe(true);
  });

  it('a format-1 file missing a whole table is refused instead of emptying that table', async () => {
    const envelope = JSON.parse(new TextDecoder().decode(fixture('format-1.json')));
    const tables = JSON.parse(envelope.payload);
    delete tables.people;
    delete envelope.counts.people;
    envelope.payload = JSON.stringify(tables);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(envelope.payload));
    envelope.checksum = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(await openBackup(new TextEncoder().encode(JSON.stringify(envelope)))).toEqual({
      ok: false,
      error: 'La sauvegarde est incomplète : la table « Personnes » manque.',
    });
  });

  it('a backup of schema version 1 is upgraded on the way in, and no scratch database is left', async () => {
    const v1 = {
      association: [{ id: 'ws', name: 'Ancienne', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), deletedAt: null }],
      meta: [],
    };
    const leftover = new Dexie('passerelle-upgrade-left-by-a-crash');
    leftover.version(1).stores({ people: 'id' });
    await leftover.open();
    leftover.close();
    const upgraded = await upgradeTables(v1, 1);
    expect(upgraded.association).toEqual(v1.association);
    expect(Object.keys(upgraded)).toEqual(expect.arrayContaining(['people', 'funders', 'partners', 'attachments']));
    await removeLeftoverUpgradeDatabases();
    expect((await Dexie.getDatabaseNames()).filter((n) => n.startsWith('passerelle-upgrade-'))).toEqual([]);
  });
});

describe('restoring over an espace, and undoing it', () => {
  const undoKey = (id: string) => `restoreUndo:${id}`;

  it('keeps a copy; the offer counts the changes made since, and an undo can itself be undone', async () => {
    // The journal stamps changes with the clock: a fixed one, an hour before the restore, then after it.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T09:00:00Z'));
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    await saveAssociationProfile(db, { ...fixtureAssociationProfile, acronym: 'CHANGÉ' }, NOW);
    await db.table('attachments').clear();

    await restoreIntoWorkspace(registry, workspace, await open(bytes), '0.1.0', { now: NOW });
    expect((await getAssociationProfile(db))?.acronym).toBe('ADQ');
    expect(await db.table('attachments').count()).toBe(1);

    // Five people added after the restore: the offer says so, and undoing keeps them in the new copy.
    const later = new Date('2026-11-24T11:00:00Z');
    vi.setSystemTime(later);
    await addPeople(db, 5, later);
    expect(await restoreUndoAvailable(registry, workspace.id, later)).toEqual({
      at: NOW.toISOString(),
      kind: 'restore',
      expiresAt: '2026-12-01T10:00:00.000Z',
      changesSince: 5,
    });

    expect(await undoRestore(registry, workspace, '0.1.0', { now: later })).toBe(true);
    expect((await getAssociationProfile(db))?.acronym).toBe('CHANGÉ');
    expect(await db.table('people').count()).toBe(0);
    expect(await restoreUndoAvailable(registry, workspace.id, later)).toMatchObject({ kind: 'undo', at: later.toISOString() });

    // The undo of the undo brings the five people back.
    expect(await undoRestore(registry, workspace, '0.1.0', { now: new Date('2026-11-24T12:00:00Z') })).toBe(true);
    expect(await db.table('people').count()).toBe(5);
    expect((await getAssociationProfile(db))?.acronym).toBe('ADQ');
    db.close();
    vi.useRealTimers();
  });

  it('a restore replaces the espace wholesale, off the write path on purpose: stamps, bin and journal are the backup’s', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const kept = await savePerson(db, { firstName: 'Awa', lastName: 'Diop', role: 'employee' }, undefined, NOW);
    const binned = await savePerson(db, { firstName: 'Lucas', lastName: 'Martin', role: 'employee' }, undefined, NOW);
    if (!kept.ok || !binned.ok) throw new Error('no person');
    await moveToBin(db, 'people', binned.value.id, new Date('2026-11-24T10:05:00Z'));
    const peopleThen = await db.people.orderBy('id').toArray();
    const journalThen = await db.journal.orderBy('id').toArray();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: new Date('2026-11-24T10:10:00Z') });

    // Afterwards: a person changed, the binned one restored, a new one added.
    const later = new Date('2026-11-24T11:00:00Z');
    await savePerson(db, { firstName: 'Awa', lastName: 'Diop', role: 'employee', phone: '06 12 34 56 78' }, kept.value.id, later);
    await addPeople(db, 1, later);
    await restoreIntoWorkspace(registry, workspace, await open(bytes), '0.1.0', { now: new Date('2026-11-24T12:00:00Z') });

    // Each record as the backup had it — its revision, its bin stamp — and the backup's journal, with not
    // one entry for the restore itself (« Annuler la restauration » takes it back, from the copy).
    expect(await db.people.orderBy('id').toArray()).toEqual(peopleThen);
    expect((await db.people.get(binned.value.id))?.deletedAt).toBe('2026-11-24T10:05:00.000Z');
    expect(await db.journal.orderBy('id').toArray()).toEqual(journalThen);
    db.close();
  });

  it('the offer holds seven days to the millisecond, and is gone one millisecond later', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    await restoreIntoWorkspace(registry, workspace, await open(bytes), '0.1.0', { now: NOW });
    db.close();
    expect(await restoreUndoAvailable(registry, workspace.id, new Date('2026-12-01T10:00:00.000Z'))).toBeDefined();
    expect(await restoreUndoAvailable(registry, workspace.id, new Date('2026-12-01T10:00:00.001Z'))).toBeUndefined();
    expect(await undoRestore(registry, workspace, '0.1.0', { now: new Date('2026-12-01T10:00:00.001Z') })).toBe(false);
  });

  it('a protected espace’s copy is encrypted with its passphrase', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    await protectWorkspace(registry, workspace.id, PASSPHRASE, PASSPHRASE, TEST_ITERATIONS);
    await restoreIntoWorkspace(registry, workspace, await open(bytes), '0.1.0', {
      now: NOW,
      passphrase: PASSPHRASE,
      iterations: TEST_ITERATIONS,
    });
    const { copyId } = (await registry.settings.get(undoKey(workspace.id)))?.value as { copyId: string };
    const copy = await readRestoreCopy(copyId);
    expect(copy).not.toBeNull();
    expect(await openBackup(copy!)).toMatchObject({ ok: false, needsPassphrase: true });
    expect((await openBackup(copy!, { passphrase: PASSPHRASE })).ok).toBe(true);
    db.close();
  });

  it('a restore that fails (disk full) changes nothing: the espace, the previous copy and the registry stay', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    await restoreIntoWorkspace(registry, workspace, await open(bytes), '0.1.0', { now: NOW });
    await addPeople(db, 2, NOW);
    const workspaceBefore = await readEverything(db);
    const registryBefore = await readEverything(registry);
    const { copyId } = (await registry.settings.get(undoKey(workspace.id)))?.value as { copyId: string };
    const copyBefore = await readRestoreCopy(copyId);

    vi.spyOn(WorkspaceDb.prototype, 'transaction').mockRejectedValueOnce(new DOMException('quota', 'QuotaExceededError'));
    await expect(
      restoreIntoWorkspace(registry, workspace, await open(bytes), '0.1.0', { now: new Date('2026-11-25T10:00:00Z') }),
    ).rejects.toThrow('Plus assez de place sur cet ordinateur pour restaurer la sauvegarde : rien n’a été modifié.');
    expect(await readEverything(db)).toEqual(workspaceBefore);
    expect(await readEverything(registry)).toEqual(registryBefore);
    expect(await readRestoreCopy(copyId)).toEqual(copyBefore);
    db.close();
  });

  it('a write that fails half-way, after some tables and slices are written, rolls every table back', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const stamp = NOW.toISOString();
    const people = Array.from({ length: 2_500 }, (_, i) => ({
      id: `p-${String(i).padStart(5, '0')}`,
      firstName: 'Awa',
      lastName: `Diop ${i}`,
      role: 'employee',
      createdAt: stamp,
      updatedAt: stamp,
      deletedAt: null,
    }));
    await db.table('people').bulkAdd(people);
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    await addPeople(db, 2, NOW);
    const workspaceBefore = await readEverything(db);
    const registryBefore = await readEverything(registry);
    // Dexie makes a table class per database; the methods sit on the class they all share.
    const tableClass = Object.getPrototypeOf(Object.getPrototypeOf(db.people)) as { bulkAdd: (rows: unknown[]) => Promise<unknown> };
    const original = tableClass.bulkAdd;
    const slices: string[] = [];
    // The people's second slice (rows 2 000 on) fails, as a disk filling up would: the tables before it and
    // the first slice are already written in the transaction.
    vi.spyOn(tableClass, 'bulkAdd').mockImplementation(function (this: { name: string }, rows: unknown[]) {
      slices.push(`${this.name}:${rows.length}`);
      if (this.name === 'people' && (rows[0] as { id: string }).id === 'p-02000')
        return Promise.reject(new DOMException('quota', 'QuotaExceededError'));
      return original.call(this, rows);
    });
    await expect(
      restoreIntoWorkspace(registry, workspace, await open(bytes), '0.1.0', { now: new Date('2026-11-25T10:00:00Z') }),
    ).rejects.toThrow('Plus assez de place sur cet ordinateur pour restaurer la sauvegarde : rien n’a été modifié.');
    vi.restoreAllMocks();
    expect(slices).toContain('people:2000');
    expect(slices).toContain('people:500');
    expect(await readEverything(db)).toEqual(workspaceBefore);
    expect(await readEverything(registry)).toEqual(registryBefore);
    db.close();
  }, 30_000);

  it('restoring another espace’s backup re-keys its profile to the target espace', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    db.close();
    const other = await createWorkspace(registry, 'Autre association', NOW);
    if (!other.ok) throw new Error('no espace');
    await restoreIntoWorkspace(registry, other.value, await open(bytes), '0.1.0', { now: NOW });
    const otherDb = new WorkspaceDb(other.value.id);
    expect((await getAssociationProfile(otherDb))?.name).toBe('Les Amis du Quartier');
    otherDb.close();
  });
});

describe('backup round trip, property-based', () => {
  const isoAt = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  const person = fc.record({
    id: fc.uuid(),
    firstName: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
    lastName: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
    role: fc.constantFrom('employee', 'volunteer'),
    createdAt: isoAt,
    updatedAt: isoAt,
    deletedAt: fc.option(isoAt, { nil: null }),
  });
  const attachment = fc.record({
    id: fc.uuid(),
    type: fc.constantFrom('application/pdf', 'image/png', 'image/jpeg'),
    bytes: fc.uint8Array({ maxLength: 3_000_000 }),
  });

  /** The file the format-1 writer (before December 2026) made of these tables: one JSON envelope. */
  async function formatOneFile(db: Dexie, workspace: { id: string; name: string }): Promise<Uint8Array> {
    const tables: Record<string, unknown[]> = {};
    for (const table of db.tables) tables[table.name] = await table.toArray();
    const payload = JSON.stringify(await encodeValue(tables));
    const envelope = {
      format: 'passerelle-backup',
      formatVersion: 1,
      schemaVersion: db.verno,
      appVersion: '0.1.0',
      createdAt: NOW.toISOString(),
      workspace,
      counts: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
      checksum: await sha256Hex(payload),
      encryption: null,
      payload,
    };
    return new TextEncoder().encode(JSON.stringify(envelope));
  }

  it('format 1 → current: any espace written by the format-1 writer restores identical', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(person, { selector: (r) => r.id, maxLength: 12 }),
        fc.uniqueArray(attachment, { selector: (a) => a.id, maxLength: 2 }),
        async (people, files) => {
          await wipe();
          registry = new RegistryDb();
          const created = await createWorkspace(registry, 'Propriété', NOW);
          if (!created.ok) throw new Error('no espace');
          const db = new WorkspaceDb(created.value.id);
          await db.table('people').bulkAdd(people.map((p) => ({ ...p, firstName: p.firstName.trim(), lastName: p.lastName.trim() })));
          await db.table('attachments').bulkAdd(files.map((f) => attachmentRecord(f.id, f.bytes, f.type)));
          const before = await readEverything(db);
          const bytes = await formatOneFile(db, created.value);
          db.close();

          await wipe();
          registry = new RegistryDb();
          const restored = await restoreAsNewWorkspace(registry, await open(bytes), NOW);
          const after = new WorkspaceDb(restored.id);
          expect(await readEverything(after)).toEqual(before);
          after.close();
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);

  it.each([
    ['plain', undefined],
    ['encrypted', PASSPHRASE],
  ])(
    '%s, format 2: any espace backs up and restores identical, attachments byte for byte',
    async (_kind, passphrase) => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(person, { selector: (r) => r.id, maxLength: 12 }),
          fc.uniqueArray(attachment, { selector: (a) => a.id, maxLength: 3 }),
          async (people, files) => {
            await wipe();
            registry = new RegistryDb();
            const created = await createWorkspace(registry, 'Propriété', NOW);
            if (!created.ok) throw new Error('no espace');
            const db = new WorkspaceDb(created.value.id);
            await db.table('people').bulkAdd(people.map((p) => ({ ...p, firstName: p.firstName.trim(), lastName: p.lastName.trim() })));
            await db.table('attachments').bulkAdd(files.map((f) => attachmentRecord(f.id, f.bytes, f.type)));
            const before = await readEverything(db);
            const { bytes } = await createBackup(db, created.value, '0.1.0', passphrase ? { passphrase, iterations: TEST_ITERATIONS } : {});
            db.close();

            await wipe();
            registry = new RegistryDb();
            const restored = await restoreAsNewWorkspace(registry, await open(bytes, passphrase), NOW, { iterations: TEST_ITERATIONS });
            const after = new WorkspaceDb(restored.id);
            expect(await readEverything(after)).toEqual(before);
            after.close();
          },
        ),
        { numRuns: passphrase ? 4 : 15 },
      );
    },
    120_000,
  );
});
