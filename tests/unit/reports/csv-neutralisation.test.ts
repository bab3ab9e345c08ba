import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { journalCsvBytes } from '../../../src/renderer/src/features/bin/journal-csv';
import type { JournalEntry } from '../../../src/renderer/src/domain/journal/journal';
import { toCsv, toXlsx, type SheetExport } from '../../../src/renderer/src/reports/spreadsheet-export';

// A name typed or imported as `=HYPERLINK(…)` must reach Excel or LibreOffice as text, never as a formula.

interface Row {
  name: string;
  cents: number;
  count: number;
}

const DANGEROUS = ['=HYPERLINK("https://exemple.invalid","Cliquez")', '+33 1 23 45 67 89', '-1+1', '@SUM(A1:A9)', '\tcaché', '\rretour'];
const HARMLESS = ['Awa Diop', 'a=b', ' =espace devant', "'déjà"];

const sheet: SheetExport<Row> = {
  name: 'equipe',
  title: 'Équipe',
  columns: [
    { header: 'Nom', value: (r) => r.name },
    { header: 'Montant', type: 'cents', value: (r) => r.cents },
    { header: 'Nombre', type: 'number', value: (r) => r.count },
  ],
  rows: [...DANGEROUS, ...HARMLESS].map((name) => ({ name, cents: -125_050, count: -3 })),
};

function csvRows(bytes: Uint8Array): string[][] {
  return Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;
}

describe('CSV exports neutralise formulas', () => {
  it('a text cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe; others are untouched', () => {
    const [, ...rows] = csvRows(toCsv(sheet));
    expect(rows.map((r) => r[0])).toEqual([...DANGEROUS.map((name) => `'${name}`), ...HARMLESS]);
  });

  it('amount and number columns keep their minus sign', () => {
    const [, ...rows] = csvRows(toCsv(sheet));
    for (const row of rows) expect(row.slice(1)).toEqual(['-1250,50', '-3']);
  });

  it('the journal’s CSV neutralises what users typed', () => {
    const entry: JournalEntry = {
      id: 'j-1',
      at: '2026-11-24T10:00:00.000Z',
      table: 'people',
      recordId: 'p-1',
      person: '=cmd|" /C calc"!A0',
      session: 's',
      batch: 'b',
      seq: 1,
      kind: 'create',
      summary: '@Personne « =HYPERLINK() »',
      before: null,
      undoneAt: null,
    };
    const [, row] = csvRows(journalCsvBytes([entry]));
    expect(row![1]).toBe('\'=cmd|" /C calc"!A0');
    expect(row!.some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false);
  });

  it('XLSX keeps them as typed strings, not formulas, and amounts as numbers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(sheet)).buffer as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    const first = ws.getRow(2);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(1).value).toBe(DANGEROUS[0]);
    expect(first.getCell(2).value).toBe(-1250.5);
  });
});
