import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { deflateSync, inflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { createWorkspace } from '../../../src/renderer/src/data/workspace-repository';
import { saveAssociationProfile } from '../../../src/renderer/src/data/association-repository';
import { savePerson } from '../../../src/renderer/src/data/team-repository';
import { createBackup, openBackup, restoreIntoWorkspace } from '../../../src/renderer/src/data/backup';
import { RESTORE_COPIES_DB_NAME } from '../../../src/renderer/src/data/restore-copy';
import { fixtureAssociationProfile } from '../../fixtures/association';

// Mutated backup files: every one must be refused with a French message, and the espace, its undo copy
// and the registry must stay byte for byte as they were. The default budget keeps CI to a few seconds;
// `npm run test:fuzz` runs many more random cases (BACKUP_FUZZ_RUNS).

const RUNS = Number(process.env.BACKUP_FUZZ_RUNS ?? 40);
const NOW = new Date('2026-11-24T10:00:00Z');
const PASSPHRASE = 'quartier 2026';

let registry: RegistryDb;
let db: WorkspaceDb;
let workspace: { id: string; name: string };
let plain: Uint8Array;
let sealed: Uint8Array;
let snapshot: string;

async function dump(database: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of database.tables) {
    const rows = await table.toArray();
    out[table.name] = await Promise.all(
      rows.map(async (row) => {
        const copy: Record<string, unknown> = { ...(row as object) };
        for (const [k, v] of Object.entries(copy)) if (v instanceof Blob) copy[k] = Array.from(new Uint8Array(await v.arrayBuffer()));
        return copy;
      }),
    );
  }
  return out;
}

async function everything(): Promise<string> {
  const copies = new Dexie(RESTORE_COPIES_DB_NAME);
  copies.version(1).stores({ slices: '[copyId+index], copyId' });
  const state = { espace: await dump(db), registry: await dump(registry), copies: await dump(copies) };
  copies.close();
  return JSON.stringify(state);
}

const ENGLISH = /\b(error|invalid|undefined|null|failed|unexpected|cannot|expected|zip data)\b/i;

/** Opens the file and, should it ever open, tries the restore: both must refuse. */
async function refuse(bytes: Uint8Array, passphrase?: string): Promise<string> {
  const opened = await openBackup(bytes, passphrase ? { passphrase } : {});
  if (opened.ok) {
    await restoreIntoWorkspace(registry, workspace, opened.backup, '0.1.0', { now: NOW });
    throw new Error('a mutated backup was restored');
  }
  expect(opened.error).not.toMatch(ENGLISH);
  expect(opened.error).toMatch(/[a-zé»)]\.$/);
  return opened.error;
}

type Entries = Record<string, Uint8Array>;
const rezip = (entries: Entries) => zipSync(entries, { level: 0 });

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function frames(content: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  for (let at = 0; at < content.byteLength; at += 4 + view.getUint32(at)) out.push(content.subarray(at + 4, at + 4 + view.getUint32(at)));
  return out;
}

function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.byteLength);
  new DataView(out.buffer).setUint32(0, payload.byteLength);
  out.set(payload, 4);
  return out;
}

interface ManifestTable {
  table: string;
  entry: string;
  count: number;
  bytes: number;
  sha256: string;
}

/**
 * A plain backup rewritten as a careful forger would: the table's rows changed, then its size, count,
 * SHA-256 and the manifest's seal all made to match. Only the checks of the records can refuse it.
 */
async function forge(
  mutate: (rows: Record<string, unknown>[], table: string) => Record<string, unknown>[] | null,
  edit: (manifest: { tables: ManifestTable[] }, entries: Entries) => void | Promise<void> = () => {},
): Promise<Uint8Array> {
  const entries = unzipSync(plain) as Entries;
  const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { tables: ManifestTable[] };
  for (const table of manifest.tables) {
    const rows = frames(entries[table.entry]!).flatMap((payload) =>
      strFromU8(inflateSync(payload))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    );
    const changed = mutate(rows, table.table);
    if (changed === null) continue;
    const content = frame(deflateSync(strToU8(changed.map((row) => JSON.stringify(row)).join('\n'))));
    entries[table.entry] = content;
    Object.assign(table, { count: changed.length, bytes: content.byteLength, sha256: await sha256(content) });
  }
  await edit(manifest, entries);
  const manifestBytes = strToU8(JSON.stringify(manifest));
  entries['manifest.json'] = manifestBytes;
  entries['manifest.seal'] = strToU8(JSON.stringify({ seal: await sha256(manifestBytes) }));
  return rezip(entries);
}

beforeAll(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  registry = new RegistryDb();
  const created = await createWorkspace(registry, fixtureAssociationProfile.name, NOW);
  if (!created.ok) throw new Error('no espace');
  workspace = created.value;
  db = new WorkspaceDb(workspace.id);
  await saveAssociationProfile(db, fixtureAssociationProfile, NOW);
  for (const lastName of ['Diallo', 'Martin', 'Nguyen'])
    await savePerson(db, { firstName: 'Awa', lastName, role: 'employee' }, undefined, NOW);
  await db.table('payments').add({
    id: 'pay-1',
    applicationId: 'app-1',
    expectedDate: '2026-10-31',
    expectedCents: 1_250_000,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    deletedAt: null,
  });
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x80]);
  await db.table('attachments').add({
    id: 'att-1',
    ownerId: 'doc-1',
    ownerKind: 'document',
    fileName: 'statuts.pdf',
    mimeType: 'application/pdf',
    size: pdf.length,
    data: new Blob([pdf], { type: 'application/pdf' }),
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    deletedAt: null,
  });
  plain = (await createBackup(db, workspace, '0.1.0', { now: NOW })).bytes;
  sealed = (await createBackup(db, workspace, '0.1.0', { now: NOW, passphrase: PASSPHRASE, iterations: 100_000 })).bytes;
  // A first restore, so that an undo copy exists and must survive every refusal below.
  const opened = await openBackup(plain);
  if (!opened.ok) throw new Error(opened.error);
  await restoreIntoWorkspace(registry, workspace, opened.backup, '0.1.0', { now: NOW });
  snapshot = await everything();
}, 60_000);

afterAll(async () => {
  // The guarantee of this file: after every refusal, nothing anywhere changed.
  expect(await everything()).toBe(snapshot);
  db.close();
  registry.close();
});

describe('mutated backups are refused in French and change nothing', () => {
  it('the untouched files open (the mutations below are what makes them fail)', async () => {
    expect((await openBackup(plain)).ok).toBe(true);
    expect((await openBackup(sealed, { passphrase: PASSPHRASE })).ok).toBe(true);
  });

  it('truncated at many points', async () => {
    for (const file of [plain, sealed]) {
      const step = Math.max(1, Math.floor(file.length / 60));
      for (let at = 0; at < file.length; at += step) await refuse(file.slice(0, at), PASSPHRASE);
      await refuse(file.slice(0, file.length - 1), PASSPHRASE);
    }
  }, 60_000);

  it('a byte flipped in every entry, plain and encrypted', async () => {
    for (const file of [plain, sealed]) {
      const entries = unzipSync(file) as Entries;
      for (const name of Object.keys(entries)) {
        for (const where of [0, 0.5, 1]) {
          const changed: Entries = { ...entries, [name]: entries[name]!.slice() };
          const content = changed[name]!;
          if (content.length === 0) continue;
          const at = Math.min(content.length - 1, Math.floor(content.length * where));
          content[at] = content[at]! ^ 0x01;
          await refuse(rezip(changed), PASSPHRASE);
        }
      }
    }
  }, 60_000);

  it.each([
    ['the espace’s name', (m: Record<string, unknown>) => ((m.workspace as { name: string }).name = 'Autre association')],
    ['the schema version', (m: Record<string, unknown>) => (m.schemaVersion = 6)],
    ['the app version', (m: Record<string, unknown>) => (m.appVersion = '9.9.9')],
    ['the date', (m: Record<string, unknown>) => (m.createdAt = '2025-01-01T00:00:00.000Z')],
    ['a count', (m: Record<string, unknown>) => ((m.tables as ManifestTable[])[2]!.count += 1)],
    ['the format version', (m: Record<string, unknown>) => (m.formatVersion = 3)],
  ])('a header edit: %s', async (_what, edit) => {
    for (const file of [plain, sealed]) {
      const entries = unzipSync(file) as Entries;
      const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
      edit(manifest);
      entries['manifest.json'] = strToU8(JSON.stringify(manifest));
      await refuse(rezip(entries), PASSPHRASE);
    }
  });

  it('a missing entry, each in turn', async () => {
    const entries = unzipSync(plain) as Entries;
    for (const name of Object.keys(entries)) {
      const { [name]: _gone, ...rest } = entries;
      await refuse(rezip(rest));
    }
  });

  it('an extra entry, an entry named ../x, and an entry far larger than announced', async () => {
    const entries = unzipSync(plain) as Entries;
    expect(await refuse(rezip({ ...entries, 'notes.txt': strToU8('bonjour') }))).toBe(
      'La sauvegarde contient une partie que son sommaire ne cite pas (« notes.txt »).',
    );
    expect(await refuse(rezip({ ...entries, '../x': strToU8('évasion') }))).toBe(
      'La sauvegarde contient une partie que son sommaire ne cite pas (« ../x »).',
    );
    const big = new Uint8Array(entries['tables/people.ndjson']!.length + 20_000_000);
    big.set(entries['tables/people.ndjson']!);
    expect(await refuse(rezip({ ...entries, 'tables/people.ndjson': big }))).toBe(
      'La sauvegarde est abîmée : la partie « tables/people.ndjson » n’a pas la taille annoncée.',
    );
    // Compressed by a ZIP tool, the same entry is no longer what Passerelle wrote.
    expect(await refuse(zipSync(entries, { level: 6 }))).toMatch(/n’a pas la taille annoncée\.$/);
  });

  it('a forged file with a bad record is refused naming the table, the record and the field', async () => {
    const negative = await forge((rows, table) => (table === 'payments' ? rows.map((r) => ({ ...r, expectedCents: -100 })) : null));
    expect(await refuse(negative)).toBe(
      'Versements — Versement du 31 oct. 2026\u00a0: Montant prévu\u00a0: les montants ne peuvent pas être négatifs.',
    );
    const impossible = await forge((rows, table) =>
      table === 'payments' ? rows.map((r) => ({ ...r, expectedDate: '2026-02-30' })) : null,
    );
    expect(await refuse(impossible)).toMatch(/^Versements — Versements?\b.*Date prévue\u00a0: /);
    const huge = await forge((rows, table) => (table === 'people' ? rows.map((r) => ({ ...r, lastName: 'x'.repeat(10_000_000) })) : null));
    expect(await refuse(huge)).toMatch(/Nom\u00a0: 100 caractères au maximum \(10000000 saisis\)\.$/);
  });

  it('a forged file with duplicate ids, a missing table or an unknown table', async () => {
    const duplicated = await forge((rows, table) => (table === 'people' ? [...rows, rows[0]!] : null));
    expect(await refuse(duplicated)).toMatch(/^La sauvegarde est abîmée : deux éléments de la table « Personnes » ont le même identifiant/);
    const missing = await forge(
      () => null,
      (manifest, entries) => {
        manifest.tables = manifest.tables.filter((t) => t.table !== 'payments');
        delete entries['tables/payments.ndjson'];
      },
    );
    expect(await refuse(missing)).toBe('La sauvegarde est incomplète : la table « Versements » manque.');
    const unknown = await forge(
      () => null,
      async (manifest, entries) => {
        const content = frame(deflateSync(strToU8('{"id":"x"}')));
        entries['tables/secrets.ndjson'] = content;
        manifest.tables.push({
          table: 'secrets',
          entry: 'tables/secrets.ndjson',
          count: 1,
          bytes: content.byteLength,
          sha256: await sha256(content),
        });
      },
    );
    expect(await refuse(unknown)).toBe('La sauvegarde contient une table inconnue (« secrets »).');
  });

  it('a forged chunk that inflates far past any chunk Passerelle writes', async () => {
    const bomb = await forge(
      () => null,
      (manifest, entries) => {
        const content = frame(deflateSync(new Uint8Array(80 << 20).fill(0x20)));
        entries['tables/people.ndjson'] = content;
        const people = manifest.tables.find((t) => t.table === 'people')!;
        Object.assign(people, { bytes: content.byteLength });
      },
    );
    // The forger's SHA-256 is left stale on purpose in one case, and made right in the other.
    await refuse(bomb);
    const entries = unzipSync(bomb) as Entries;
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { tables: ManifestTable[] };
    manifest.tables.find((t) => t.table === 'people')!.sha256 = await sha256(entries['tables/people.ndjson']!);
    const manifestBytes = strToU8(JSON.stringify(manifest));
    entries['manifest.json'] = manifestBytes;
    entries['manifest.seal'] = strToU8(JSON.stringify({ seal: await sha256(manifestBytes) }));
    expect(await refuse(rezip(entries))).toBe('La sauvegarde est abîmée : la table « Personnes » est bien plus grand qu’annoncé.');
  }, 30_000);

  it('random byte flips and cuts anywhere in the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        async (encrypted, where, mask, cut) => {
          const file = (encrypted ? sealed : plain).slice();
          const at = Math.min(file.length - 1, Math.floor(file.length * where));
          if (cut) await refuse(file.slice(0, at), PASSPHRASE);
          else {
            file[at] = file[at]! ^ mask;
            const opened = await openBackup(file, { passphrase: PASSPHRASE });
            // A flip inside a ZIP header field that nothing reads (a timestamp) leaves the data whole.
            if (opened.ok)
              expect(opened.backup.tables).toEqual(
                await openBackup(encrypted ? sealed : plain, { passphrase: PASSPHRASE }).then((o) => (o.ok ? o.backup.tables : null)),
              );
            else await refuse(file, PASSPHRASE);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
