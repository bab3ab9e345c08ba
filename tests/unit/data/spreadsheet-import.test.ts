import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRows, loadImportReferences } from '../../../src/renderer/src/data/spreadsheet-import';
import { decodeCsvBytes, readCsv, readSpreadsheet } from '../../../src/renderer/src/data/spreadsheet-reader';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import {
  rowErrorMessages,
  suggestMapping,
  validateImportRows,
  type ImportKind,
} from '../../../src/renderer/src/domain/spreadsheets/import-targets';
import { exportSheet, type SheetExport } from '../../../src/renderer/src/reports/spreadsheet-export';
import { fundersSheet } from '../../../src/renderer/src/features/funding/funding-export';

const NOW = new Date('2026-11-24T09:00:00Z');
const NBSP = '\u00a0';
const FIXTURES = join(__dirname, '../../fixtures/spreadsheets');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('spreadsheet-test');
  await db.open();
});

afterEach(() => db.close());

// The import screen's steps, in order, with the pre-filled mapping.
async function importFile(kind: ImportKind, name: string, skipInvalid = false) {
  const table = await readSpreadsheet(name, fixture(name));
  const mapping = suggestMapping(kind, table.headers);
  const outcomes = validateImportRows(kind, table.rows, mapping, await loadImportReferences(db), table.firstLine);
  const result = await importRows(db, kind, outcomes, { skipInvalid, now: NOW });
  return { table, outcomes, result };
}

describe('reading CSV bytes', () => {
  it('decodes Windows-1252 bytes that are not valid UTF-8', () => {
    // « Prénom;Hélène » as Excel on Windows writes it: é = 0xE9, è = 0xE8.
    const bytes = Uint8Array.from([0x50, 0x72, 0xe9, 0x6e, 0x6f, 0x6d, 0x3b, 0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Prénom;Hélène', encoding: 'Windows-1252' });
  });

  it('reads UTF-8 with and without BOM, dropping the BOM', () => {
    const text = 'Prénom;Hélène';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsvBytes(utf8)).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: 'UTF-8' });
  });
});

describe('reading UTF-16 and files of two encodings (issue 19)', () => {
  it('reads Excel’s « Texte Unicode » (UTF-16 LE with its BOM, tab-separated), not as Windows-1252', () => {
    const text = 'Nom\tPrénom\r\nLefèvre\tHélène\r\n';
    const le = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeCsvBytes(le)).toEqual({ text, encoding: 'UTF-16LE' });
    const table = readCsv(le);
    expect(table.headers).toEqual(['Nom', 'Prénom']);
    expect(table.rows[0]).toEqual(['Lefèvre', 'Hélène']);
    expect(table.source).toBe('Texte Unicode (UTF-16)');
    const be = Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    expect(decodeCsvBytes(be)).toEqual({ text, encoding: 'UTF-16BE' });
  });

  it('offers both readings of a file mixing UTF-8 and Windows-1252 lines, with the lines that differ', () => {
    const utf8Line = new TextEncoder().encode('Lefèvre;Hélène\r\n');
    const windowsLine = Uint8Array.from([...'Garçon;François'].map((c) => c.charCodeAt(0))); // ç = 0xE7 in Windows-1252
    const bytes = Uint8Array.from([...new TextEncoder().encode('Nom;Prénom\r\n'), ...utf8Line, ...windowsLine]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('Windows-1252');
    expect(decoded.readings?.map((r) => r.encoding)).toEqual(['Windows-1252', 'UTF-8 et Windows-1252']);
    expect(decoded.readings?.[1].text).toBe('Nom;Prénom\r\nLefèvre;Hélène\r\nGarçon;François');
    // Read whole as Windows-1252, the UTF-8 accents come out garbled: that is what the user must see.
    expect(decoded.readings?.[0].text).toContain('LefÃ¨vre');
    const table = readCsv(bytes);
    expect(table.readings?.map((r) => r.samples)).toEqual([
      ['Nom;PrÃ©nom', 'LefÃ¨vre;HÃ©lÃ¨ne'],
      ['Nom;Prénom', 'Lefèvre;Hélène'],
    ]);
    expect(table.readings?.[1]?.table.rows).toEqual([
      ['Lefèvre', 'Hélène'],
      ['Garçon', 'François'],
    ]);
  });

  it('a plain Windows-1252 file or a truncated UTF-8 sequence at the end is not called ambiguous', () => {
    const windows = Uint8Array.from([...'Prénom;Hélène'].map((c) => c.charCodeAt(0)));
    expect(decodeCsvBytes(windows).readings).toBeUndefined();
    const truncated = Uint8Array.from([0x41, 0xc3]);
    expect(decodeCsvBytes(truncated)).toEqual({ text: 'AÃ', encoding: 'Windows-1252' });
  });
});

describe('imports that do not duplicate and need one pass (issue 19)', () => {
  it('the same people imported twice: nobody twice, and « update » rewrites only what the file says', async () => {
    await importFile('people', 'personnes-utf8-bom.csv');
    const first = await db.people.toArray();
    expect(first).toHaveLength(4);
    const again = await importFile('people', 'personnes-excel-windows.csv');
    expect(again.outcomes.every((o) => o.ok && o.existing !== undefined)).toBe(true);
    expect(again.result).toEqual({ status: 'imported', count: 0, skipped: 0, updated: 0, unchanged: 4, createdPeople: 0 });
    expect(await db.people.count()).toBe(4);

    // Awa's phone changed in the team; the file has her old one and no column for notes.
    const awa = first.find((p) => p.firstName === 'Awa')!;
    await db.people.put({ ...awa, phone: '06 00 00 00 00', notes: 'Référente CAF' });
    const table = await readSpreadsheet('p.csv', fixture('personnes-excel-windows.csv'));
    const outcomes = validateImportRows(
      'people',
      table.rows,
      suggestMapping('people', table.headers),
      await loadImportReferences(db),
      table.firstLine,
    );
    const updated = await importRows(db, 'people', outcomes, { skipInvalid: false, existing: 'update', now: NOW });
    expect(updated).toEqual({ status: 'imported', count: 0, skipped: 0, updated: 4, unchanged: 0, createdPeople: 0 });
    expect(await db.people.count()).toBe(4);
    expect(await db.people.get(awa.id)).toMatchObject({
      phone: '01 48 20 11 22',
      notes: 'Référente CAF',
      id: awa.id,
      createdAt: awa.createdAt,
    });
  });

  it('a contracts file naming people not in the team creates them with their contracts, each person once', async () => {
    const csv = [
      'Nom du salarié;Prénom;Contrat;Poste;Date d’entrée;Date de fin;Heures/semaine;Salaire brut;Taux de charges',
      'Diop;Awa;CDI;Coordinatrice;01/09/2021;;35;2 450,00;42',
      'Haddad;Sofiane;CAE;Agent d’accueil;01/04/2025;31/03/2026;26;1 520,00;38,5',
      'Haddad;Sofiane;CAE;Agent d’accueil;01/04/2026;31/12/2026;26;1 540,00;38,5',
    ].join('\r\n');
    const table = await readSpreadsheet('contrats.csv', new TextEncoder().encode(csv));
    const mapping = suggestMapping('contracts', table.headers);
    const outcomes = validateImportRows('contracts', table.rows, mapping, await loadImportReferences(db), table.firstLine);
    expect(rowErrorMessages(outcomes)).toEqual([]);
    const result = await importRows(db, 'contracts', outcomes, { skipInvalid: false, now: NOW });
    expect(result).toEqual({ status: 'imported', count: 3, skipped: 0, updated: 0, unchanged: 0, createdPeople: 2 });
    const people = await db.people.orderBy('lastName').toArray();
    expect(people.map((p) => [p.lastName, p.firstName, p.role, p.jobTitle])).toEqual([
      ['Diop', 'Awa', 'employee', 'Coordinatrice'],
      ['Haddad', 'Sofiane', 'employee', 'Agent d’accueil'],
    ]);
    const contracts = await db.contracts.toArray();
    const sofiane = people[1]!.id;
    expect(
      contracts
        .filter((c) => c.personId === sofiane)
        .map((c) => [c.kind, c.startDate])
        .sort((a, b) => a[1]!.localeCompare(b[1]!)),
    ).toEqual([
      ['pec', '2025-04-01'],
      ['pec', '2026-04-01'],
    ]);
    expect(contracts.every((c) => !c.personId.startsWith('nouvelle-personne'))).toBe(true);
  });

  it('a failure half-way through a contracts import leaves no person behind', async () => {
    const csv =
      'Nom;Prénom;Type de contrat;Intitulé du poste;Date de début;Durée hebdomadaire;Salaire brut mensuel;Taux de charges patronales\r\nMartin;Paul;CDI;Comptable;01/01/2024;35;2000;42';
    const table = await readSpreadsheet('c.csv', new TextEncoder().encode(csv));
    const outcomes = validateImportRows(
      'contracts',
      table.rows,
      suggestMapping('contracts', table.headers),
      await loadImportReferences(db),
      table.firstLine,
    );
    // Tampered outcome: a contract that IndexedDB cannot store (a function is not cloneable).
    const broken = outcomes.map((o) => (o.ok ? { ...o, value: { ...o.value, notes: () => 0 } } : o));
    await expect(importRows(db, 'contracts', broken, { skipInvalid: false, now: NOW })).rejects.toThrow();
    expect(await db.people.count()).toBe(0);
    expect(await db.contracts.count()).toBe(0);
  });
});

describe('importing the fixture files', () => {
  const expectedPeople = [
    { lastName: 'Benali', firstName: 'Inès', role: 'volunteer', arrivalDate: '2026-10-05' },
    {
      lastName: 'Diop',
      firstName: 'Awa',
      role: 'employee',
      email: 'awa.diop@example.org',
      phone: '01 48 20 11 22',
      arrivalDate: '2021-09-01',
    },
    { lastName: 'Garçon', firstName: 'François', role: 'employee', jobTitle: 'Médiateur « tranquillité »' },
    { lastName: 'Lefèvre', firstName: 'Hélène', role: 'employee', jobTitle: 'Animatrice périscolaire', arrivalDate: '2023-03-15' },
  ];

  it.each(['personnes-excel-windows.csv', 'personnes-utf8-bom.csv'])('%s gives the four people, accents intact', async (name) => {
    const { table, result } = await importFile('people', name);
    expect(table.headers).toEqual(['Nom', 'Prénom', 'Statut', 'Fonction', 'Courriel', 'Téléphone', "Date d'arrivée"]);
    expect(result).toEqual({ status: 'imported', count: 4, skipped: 0, updated: 0, unchanged: 0, createdPeople: 0 });
    const people = (await db.people.toArray()).sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr'));
    expect(people).toMatchObject(expectedPeople);
    expect(people.every((p) => p.deletedAt === null && p.createdAt === NOW.toISOString())).toBe(true);
  });

  it('financeurs.xlsx then demandes.xlsx give funders and applications with amounts in cents and ISO dates', async () => {
    expect((await importFile('funders', 'financeurs.xlsx')).result).toEqual({
      status: 'imported',
      count: 3,
      skipped: 0,
      updated: 0,
      unchanged: 0,
      createdPeople: 0,
    });
    const funders = await db.funders.orderBy('name').toArray();
    expect(funders.map((f) => [f.name, f.kind, f.portal])).toEqual([
      ['Fondation de France', 'private', 'paper'],
      ['Préfecture de la Seine-Saint-Denis', 'state', 'dauphin'],
      ['Ville de Saint-Denis', 'municipality', 'funder-portal'],
    ]);
    const { result } = await importFile('applications', 'demandes.xlsx');
    expect(result).toEqual({ status: 'imported', count: 2, skipped: 0, updated: 0, unchanged: 0, createdPeople: 0 });
    const prefecture = funders.find((f) => f.name.startsWith('Préfecture'))!;
    const apps = await db.grantApplications.toArray();
    expect(apps.find((a) => a.funderId === prefecture.id)).toMatchObject({
      title: 'Contrat de ville 2026 — Accompagnement scolaire',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      status: 'granted',
      filedOn: '2025-11-14',
      decidedOn: '2026-03-02',
      requestedCents: 1_250_000,
      grantedCents: 980_050,
    });
  });

  it('the file with errors imports nothing and reports exactly lines 3 and 5', async () => {
    await importFile('people', 'personnes-utf8-bom.csv');
    const { result, outcomes } = await importFile('contracts', 'contrats-avec-erreurs.csv');
    expect(result).toEqual({ status: 'refused', badRows: 2 });
    expect(rowErrorMessages(outcomes)).toEqual([
      `Ligne 3 — Date de fin prévue${NBSP}: ne peut pas être avant la date de début.`,
      `Ligne 5 — Salaire brut mensuel${NBSP}: les montants ne peuvent pas être négatifs.`,
    ]);
    expect(await db.contracts.count()).toBe(0);
  });

  it('« Ignorer les lignes en erreur » imports only the good rows', async () => {
    await importFile('people', 'personnes-utf8-bom.csv');
    const { result } = await importFile('contracts', 'contrats-avec-erreurs.csv', true);
    expect(result).toEqual({ status: 'imported', count: 3, skipped: 2, updated: 0, unchanged: 0, createdPeople: 0 });
    const contracts = await db.contracts.orderBy('startDate').toArray();
    expect(contracts.map((c) => [c.kind, c.startDate, c.grossMonthlyCents, c.weeklyHours])).toEqual([
      ['cdi', '2021-09-01', 245_000, 35],
      ['cdd', '2023-06-01', 120_000, 24],
      ['pec', '2024-01-02', 152_000, 26],
    ]);
  });
});

describe('exporting a list', () => {
  interface Row {
    name: string;
    start: string;
    cents: number;
    hours: number;
  }
  const sheet: SheetExport<Row> = {
    name: 'equipe',
    title: 'Équipe',
    columns: [
      { header: 'Nom', value: (r) => r.name },
      { header: 'Date de début', type: 'date', value: (r) => r.start },
      { header: 'Salaire brut mensuel', type: 'cents', value: (r) => r.cents },
      { header: 'Durée hebdomadaire', type: 'number', value: (r) => r.hours },
    ],
    rows: [
      { name: 'Hélène Lefèvre', start: '2023-03-15', cents: 118_050, hours: 17.5 },
      { name: 'Awa Diop; « coordination »', start: '2021-09-01', cents: 245_000, hours: 35 },
    ],
  };

  it('CSV: BOM, `;`, decimal comma, jj/mm/aaaa — parsed back with papaparse to the same values', async () => {
    const file = await exportSheet('csv', sheet, NOW);
    expect(file.fileName).toBe('equipe-2026-11-24.csv');
    expect([...file.data.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.data);
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
    expect(parsed.data).toEqual([
      ['Nom', 'Date de début', 'Salaire brut mensuel', 'Durée hebdomadaire'],
      ['Hélène Lefèvre', '15/03/2023', '1180,50', '17,5'],
      ['Awa Diop; « coordination »', '01/09/2021', '2450,00', '35'],
    ]);
  });

  it('XLSX: read back with exceljs, amounts are numbers in a euro format and dates are dates', async () => {
    const file = await exportSheet('xlsx', sheet, NOW);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.data.buffer as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    expect(ws.name).toBe('Équipe');
    expect(ws.getRow(1).values).toEqual([undefined, 'Nom', 'Date de début', 'Salaire brut mensuel', 'Durée hebdomadaire']);
    const amount = ws.getCell('C2');
    expect(amount.value).toBe(1180.5);
    expect(amount.numFmt).toContain('€');
    const start = ws.getCell('B2').value;
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString()).toBe('2023-03-15T00:00:00.000Z');
    expect(ws.getCell('D2').value).toBe(17.5);
    // And our own reader gives it back as a French user sees it.
    const table = await readSpreadsheet(file.fileName, file.data);
    expect(table.rows[0]).toEqual(['Hélène Lefèvre', '15/03/2023', '1180,5', '17,5']);
  });
});

describe('export then import', () => {
  it('the funders exported to CSV and to Excel import back identical', async () => {
    await importFile('funders', 'financeurs.xlsx');
    const original = await db.funders.orderBy('name').toArray();
    const strip = (f: (typeof original)[number]) => ({ ...f, id: '', createdAt: '', updatedAt: '' });
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exportSheet(format, fundersSheet(original), NOW);
      await db.funders.clear();
      const table = await readSpreadsheet(file.fileName, file.data);
      const outcomes = validateImportRows(
        'funders',
        table.rows,
        suggestMapping('funders', table.headers),
        await loadImportReferences(db),
        table.firstLine,
      );
      expect(await importRows(db, 'funders', outcomes, { skipInvalid: false, now: NOW })).toEqual({
        status: 'imported',
        count: 3,
        skipped: 0,
        updated: 0,
        unchanged: 0,
        createdPeople: 0,
      });
      expect((await db.funders.orderBy('name').toArray()).map(strip)).toEqual(original.map(strip));
    }
  });
});
