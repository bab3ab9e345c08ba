import Papa from 'papaparse';
import { detectDelimiter } from '../domain/spreadsheets/french-cells';

// Reads a spreadsheet file into text cells, as the user sees them in Excel: the first non-empty row is the
// header, numbers come out with a decimal comma and dates as jj/mm/aaaa, so the domain reads every file
// the same way whatever its format. exceljs is loaded only when an XLSX file is opened: it is large.

export interface SheetTable {
  headers: string[];
  rows: string[][];
  /** Spreadsheet line number of rows[0], for « Ligne N » in the report. */
  firstLine: number;
  /** For the screen: « UTF-8 », « Windows-1252 (Excel sous Windows) », « Excel (.xlsx) ». */
  source: string;
}

/**
 * Text of a CSV: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 — what
 * Excel on Windows writes with « CSV (séparateur : point-virgule) ». A Windows-1252 é (0xE9) followed by
 * a letter is never valid UTF-8, so the check is reliable on French text.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'Windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

function tableFrom(matrix: string[][], source: string): SheetTable {
  const headerIndex = matrix.findIndex((row) => row.some((c) => c.trim() !== ''));
  if (headerIndex === -1) return { headers: [], rows: [], firstLine: 2, source };
  const headers = matrix[headerIndex]!.map((h) => h.trim());
  const width = headers.length;
  const rows = matrix.slice(headerIndex + 1).map((row) => Array.from({ length: Math.max(width, row.length) }, (_, i) => row[i] ?? ''));
  return { headers, rows, firstLine: headerIndex + 2, source };
}

export function readCsv(bytes: Uint8Array): SheetTable {
  const { text, encoding } = decodeCsvBytes(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(firstLine), skipEmptyLines: false });
  const matrix = parsed.data.filter((row, i, all) => !(i === all.length - 1 && row.length === 1 && row[0] === ''));
  return tableFrom(matrix, encoding === 'UTF-8' ? 'CSV, UTF-8' : 'CSV, Windows-1252 (Excel sous Windows)');
}

const pad = (n: number) => String(n).padStart(2, '0');

// Excel stores dates at UTC midnight; reading them in UTC gives the calendar day that was typed.
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'number') return String(Math.round(value * 100) / 100).replace('.', ',');
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'object') {
    const v = value as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const matrix: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(cellText(row.getCell(c).value));
    matrix[rowNumber - 1] = values;
  });
  for (let i = 0; i < matrix.length; i++) matrix[i] ??= [];
  return tableFrom(matrix, 'Excel (.xlsx)');
}

/** XLSX by its name or its zip signature, CSV otherwise. */
export function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<SheetTable> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(fileName) || isZip) return readXlsx(bytes);
  return Promise.resolve(readCsv(bytes));
}
