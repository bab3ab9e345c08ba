import Papa from 'papaparse';
import { dateFromIso, type IsoDate } from '../domain/dates';

// Lists as spreadsheets, the way Excel in France opens them without a question: CSV with `;`, a UTF-8
// BOM (without it Excel reads UTF-8 as Windows-1252 and « é » turns into « Ã© »), decimal commas and
// jj/mm/aaaa dates; XLSX with real number cells for euros and real dates, so sums and filters work.

export type ColumnType = 'text' | 'cents' | 'date' | 'number';

export interface SheetColumn<Row> {
  header: string;
  type?: ColumnType;
  /** Text, cents, an ISO date or a number; undefined for an empty cell. */
  value: (row: Row) => string | number | undefined;
}

export interface SheetExport<Row> {
  /** File name without extension, e.g. « equipe-2026 ». */
  name: string;
  /** Sheet title in the XLSX. */
  title: string;
  columns: readonly SheetColumn<Row>[];
  rows: readonly Row[];
}

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportedFile {
  fileName: string;
  data: Uint8Array;
  filters: { name: string; extensions: string[] }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoToFrench(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A text cell that Excel or LibreOffice would read as a formula (`=HYPERLINK(…)`, `+33…`, `-1+1`, `@SUM`,
 * or behind a tab or a carriage return) gets a leading apostrophe, which both show as plain text: a name
 * typed or imported as a formula must not run when a funder opens the export (OWASP « CSV injection »).
 * Amount, number and date cells are written by Passerelle itself and keep their sign.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(type: ColumnType, value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  if (type === 'cents' && typeof value === 'number') return (value / 100).toFixed(2).replace('.', ',');
  if (type === 'number' && typeof value === 'number') return String(value).replace('.', ',');
  if (type === 'date' && typeof value === 'string') return isoToFrench(value);
  return neutraliseFormula(String(value));
}

export function toCsv<Row>(sheet: SheetExport<Row>): Uint8Array {
  const matrix = [
    sheet.columns.map((c) => c.header),
    ...sheet.rows.map((row) => sheet.columns.map((c) => csvCell(c.type ?? 'text', c.value(row)))),
  ];
  const text = Papa.unparse(matrix, { delimiter: ';', newline: '\r\n' });
  return new TextEncoder().encode(`\ufeff${text}\r\n`);
}

// exceljs writes a Date as the UTC instant; UTC midnight is the calendar day a French user typed.
function excelDate(iso: IsoDate): Date {
  const local = dateFromIso(iso);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

export async function toXlsx<Row>(sheet: SheetExport<Row>): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Passerelle';
  // Excel limits sheet names to 31 characters without []:*?/\.
  const worksheet = workbook.addWorksheet(sheet.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  worksheet.columns = sheet.columns.map((c) => ({
    header: c.header,
    width: Math.min(Math.max(c.header.length + 2, c.type === 'date' ? 12 : c.type === 'cents' ? 14 : 16), 40),
    style: c.type === 'cents' ? { numFmt: '#,##0.00 "€"' } : c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of sheet.rows) {
    worksheet.addRow(
      sheet.columns.map((c) => {
        const value = c.value(row);
        if (value === undefined || value === '') return null;
        if (c.type === 'cents' && typeof value === 'number') return value / 100;
        if (c.type === 'date' && typeof value === 'string') return excelDate(value);
        return value;
      }),
    );
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function stamp(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The file to hand to the platform's saveFile: `equipe-2026-11-24.csv` or `.xlsx`. */
export async function exportSheet<Row>(format: ExportFormat, sheet: SheetExport<Row>, now: Date = new Date()): Promise<ExportedFile> {
  const fileName = `${sheet.name}-${stamp(now)}.${format}`;
  if (format === 'csv') {
    return { fileName, data: toCsv(sheet), filters: [{ name: 'CSV (point-virgule)', extensions: ['csv'] }] };
  }
  return { fileName, data: await toXlsx(sheet), filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }] };
}
