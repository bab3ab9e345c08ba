import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { yearlySummary } from '../../../src/renderer/src/domain/funding/yearly-summary';
import { fundersSheet, yearlySummarySheet } from '../../../src/renderer/src/features/funding/funding-export';
import { toCsv, toXlsx } from '../../../src/renderer/src/reports/spreadsheet-export';
import { FIXTURE_2026_TOTALS, FIXTURE_TODAY, fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';

const stamps = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null };

describe('list exports', () => {
  const summary = yearlySummary(fixtureFunders, fixtureApplications, fixturePayments, 2026, FIXTURE_TODAY);

  it('the yearly summary as XLSX ends with its total row, in euros as numbers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(yearlySummarySheet(summary, 2026))).buffer as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    const total = ws.getRow(ws.rowCount);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(2).value).toBe(FIXTURE_2026_TOTALS.applicationCount);
    expect(total.getCell(3).value).toBe(FIXTURE_2026_TOTALS.requestedCents / 100);
    expect(total.getCell(7).value).toBe(FIXTURE_2026_TOTALS.remainingCents / 100);
  });

  it('the funders CSV has the headers the import reads back', () => {
    const text = new TextDecoder().decode(toCsv(fundersSheet(fixtureFunders.map((f) => ({ ...f, ...stamps })))));
    const [header] = Papa.parse<string[]>(text, { delimiter: ';' }).data;
    expect(header).toEqual([
      'Nom du financeur',
      'Type de financeur',
      'Service instructeur',
      'Portail de dépôt',
      'Contact',
      'Courriel du contact',
      'Téléphone du contact',
      'Notes',
    ]);
  });
});
