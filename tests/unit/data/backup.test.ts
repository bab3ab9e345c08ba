import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { createWorkspace, listWorkspaces } from '../../../src/renderer/src/data/workspace-repository';
import { saveAssociationProfile, getAssociationProfile } from '../../../src/renderer/src/data/association-repository';
import {
  createBackup,
  openBackup,
  restoreAsNewWorkspace,
  restoreIntoWorkspace,
  restoreUndoAvailable,
  undoRestore,
  upgradeTables,
} from '../../../src/renderer/src/data/backup';
import { CHECKSUM_MISMATCH, WRONG_PASSPHRASE } from '../../../src/renderer/src/domain/backup/backup-envelope';
import { fixtureAssociationProfile } from '../../fixtures/association';

const NOW = new Date('2026-11-24T10:00:00Z');
// Few PBKDF2 rounds keep the tests fast; the app uses PBKDF2_ITERATIONS.
const TEST_ITERATIONS = 100_000;

let registry: RegistryDb;

async function wipe() {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
}

beforeEach(async () => {
  await wipe();
  registry = new RegistryDb();
});
afterEach(() => registry.close());

async function fixtureWorkspace() {
  const created = await createWorkspace(registry, fixtureAssociationProfile.name, NOW);
  if (!created.ok) throw new Error('no espace');
  const db = new WorkspaceDb(created.value.id);
  const saved = await saveAssociationProfile(db, fixtureAssociationProfile, NOW);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x80]);
  await db.table('attachments').add({ id: 'att-1', ownerId: 'agr-1', data: new Blob([pdf], { type: 'application/pdf' }), deletedAt: null });
  return { workspace: created.value, db, pdf };
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

describe('backup and restore', () => {
  it('a backup restored into a new espace gives back every record, attachments byte for byte', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const before = await readEverything(db);
    const { bytes, envelope } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    db.close();
    expect(envelope.counts).toMatchObject({ association: 1, meta: 1, attachments: 1 });

    await wipe();
    registry = new RegistryDb();
    const opened = await openBackup(bytes);
    if (!opened.ok) throw new Error(opened.error);
    const restored = await restoreAsNewWorkspace(registry, opened.backup, NOW);
    expect(restored.id).toBe(workspace.id);
    expect((await listWorkspaces(registry)).map((w) => w.name)).toEqual(['Les Amis du Quartier']);
    const again = new WorkspaceDb(restored.id);
    expect(await readEverything(again)).toEqual(before);
    again.close();
  });

  it('an encrypted backup needs its passphrase and refuses a wrong one', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { passphrase: 'quartier 2026', iterations: TEST_ITERATIONS });
    db.close();
    expect(new TextDecoder().decode(bytes)).not.toContain('Diallo');
    expect(await openBackup(bytes)).toMatchObject({ ok: false, needsPassphrase: true });
    expect(await openBackup(bytes, { passphrase: 'mauvaise' })).toEqual({ ok: false, needsPassphrase: true, error: WRONG_PASSPHRASE });
    const opened = await openBackup(bytes, { passphrase: 'quartier 2026' });
    if (!opened.ok) throw new Error(opened.error);
    expect((opened.backup.tables.association?.[0] as { legalRepresentative: { lastName: string } }).legalRepresentative.lastName).toBe('Diallo');
  });

  it.each([
    ['an empty file', () => new Uint8Array(), 'Le fichier est vide : ce n’est pas une sauvegarde Passerelle.'],
    ['a spreadsheet', () => new TextEncoder().encode('Nom;Prénom\nDiallo;Aminata\n'), 'Ce fichier n’est pas une sauvegarde Passerelle : son contenu est illisible.'],
    ['a binary file', () => new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), 'Ce fichier n’est pas une sauvegarde Passerelle : ce n’est pas un fichier texte.'],
    ['another application’s JSON', () => new TextEncoder().encode('{"format":"autre-logiciel","data":[]}'), 'Ce fichier ne vient pas de Passerelle : ce n’est pas une sauvegarde.'],
  ])('refuses %s with a message saying which problem', async (_what, make, message) => {
    expect(await openBackup(make())).toEqual({ ok: false, error: message });
  });

  it('refuses a truncated, an altered and a newer-schema backup, and the espace is unchanged', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    const text = new TextDecoder().decode(bytes);

    const truncated = await openBackup(new TextEncoder().encode(text.slice(0, Math.floor(text.length / 2))));
    expect(truncated).toEqual({ ok: false, error: 'La sauvegarde est incomplète : le fichier a été tronqué (copie interrompue ?).' });

    const altered = await openBackup(new TextEncoder().encode(text.replace('Diallo', 'Dialo')));
    expect(altered).toEqual({ ok: false, error: CHECKSUM_MISMATCH });

    const newer = JSON.parse(text);
    newer.schemaVersion = 99;
    const fromTheFuture = await openBackup(new TextEncoder().encode(JSON.stringify(newer)));
    expect(fromTheFuture.ok).toBe(false);
    expect(fromTheFuture.ok ? '' : fromTheFuture.error).toMatch(/^Cette sauvegarde vient d’une version plus récente de Passerelle \(schéma 99/);

    expect((await getAssociationProfile(db))?.legalRepresentative.lastName).toBe('Diallo');
    db.close();
  });

  it('restoring over an espace keeps a copy, and « Annuler la restauration » brings it back', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    await saveAssociationProfile(db, { ...fixtureAssociationProfile, acronym: 'CHANGÉ' }, NOW);
    await db.table('attachments').clear();

    const opened = await openBackup(bytes);
    if (!opened.ok) throw new Error(opened.error);
    await restoreIntoWorkspace(registry, workspace, opened.backup, '0.1.0', NOW);
    expect((await getAssociationProfile(db))?.acronym).toBe('ADQ');
    expect(await db.table('attachments').count()).toBe(1);
    expect(await restoreUndoAvailable(registry, workspace.id)).toBe(NOW.toISOString());

    expect(await undoRestore(registry, workspace.id)).toBe(true);
    expect((await getAssociationProfile(db))?.acronym).toBe('CHANGÉ');
    expect(await db.table('attachments').count()).toBe(0);
    expect(await restoreUndoAvailable(registry, workspace.id)).toBeUndefined();
    db.close();
  });

  it('restoring another espace’s backup re-keys its profile to the target espace', async () => {
    const { workspace, db } = await fixtureWorkspace();
    const { bytes } = await createBackup(db, workspace, '0.1.0', { now: NOW });
    db.close();
    const other = await createWorkspace(registry, 'Autre association', NOW);
    if (!other.ok) throw new Error('no espace');
    const opened = await openBackup(bytes);
    if (!opened.ok) throw new Error(opened.error);
    await restoreIntoWorkspace(registry, other.value, opened.backup, '0.1.0', NOW);
    const otherDb = new WorkspaceDb(other.value.id);
    expect((await getAssociationProfile(otherDb))?.name).toBe('Les Amis du Quartier');
    otherDb.close();
  });

  it('a backup of schema version 1 is upgraded on the way in', async () => {
    const v1 = { association: [{ id: 'ws', name: 'Ancienne', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), deletedAt: null }], meta: [] };
    const upgraded = await upgradeTables(v1, 1);
    expect(upgraded.association).toEqual(v1.association);
    expect(Object.keys(upgraded)).toEqual(expect.arrayContaining(['people', 'funders', 'partners', 'attachments']));
  });
});

describe('backup round trip, property-based', () => {
  const record = fc.record({
    id: fc.uuid(),
    label: fc.string(),
    amountCents: fc.integer({ min: 0, max: 10_000_000_00 }),
    day: fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    flag: fc.constantFrom(0, 1),
    notes: fc.option(fc.string(), { nil: undefined }),
    deletedAt: fc.constant(null),
  });
  const attachment = fc.record({
    id: fc.uuid(),
    ownerId: fc.uuid(),
    type: fc.constantFrom('application/pdf', 'image/png', 'image/jpeg'),
    bytes: fc.uint8Array({ maxLength: 2048 }),
  });

  it.each([
    ['plain', undefined],
    ['encrypted', 'phrase de passe'],
  ])('%s: any espace backs up and restores identical, attachments byte for byte', async (_kind, passphrase) => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 12 }), fc.uniqueArray(attachment, { selector: (a) => a.id, maxLength: 3 }), async (people, files) => {
        await wipe();
        registry = new RegistryDb();
        const created = await createWorkspace(registry, 'Propriété', NOW);
        if (!created.ok) throw new Error('no espace');
        const db = new WorkspaceDb(created.value.id);
        await db.table('people').bulkAdd(people);
        await db.table('attachments').bulkAdd(files.map((f) => ({ id: f.id, ownerId: f.ownerId, data: new Blob([f.bytes], { type: f.type }), deletedAt: null })));
        const before = await readEverything(db);
        const { bytes } = await createBackup(db, created.value, '0.1.0', { passphrase, iterations: TEST_ITERATIONS });
        db.close();

        await wipe();
        registry = new RegistryDb();
        const opened = await openBackup(bytes, { passphrase });
        if (!opened.ok) throw new Error(opened.error);
        const restored = await restoreAsNewWorkspace(registry, opened.backup, NOW);
        const after = new WorkspaceDb(restored.id);
        expect(await readEverything(after)).toEqual(before);
        after.close();
      }),
      { numRuns: passphrase ? 8 : 25 },
    );
  }, 60_000);
});
