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
  /** When the encoding cannot be told from the bytes: both readings, for the user to choose. */
  readings?: EncodingChoice[];
}

export interface EncodingChoice {
  encoding: CsvEncoding;
  label: string;
  /** Lines of the file as this reading shows them, where the readings differ. */
  samples: string[];
  table: SheetTable;
}

export type CsvEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252' | 'UTF-8 et Windows-1252';

export interface CsvReading {
  encoding: CsvEncoding;
  text: string;
}

/**
 * Text of a CSV. A UTF-16 byte-order mark says UTF-16 (Excel's « Texte Unicode », tab-separated); bytes
 * that are valid UTF-8 (with or without BOM) are UTF-8; else Windows-1252 — what Excel on Windows writes
 * with « CSV (séparateur : point-virgule) ». A Windows-1252 é (0xE9) followed by a letter is never valid
 * UTF-8, so the check is reliable on French text. A file that is not valid UTF-8 yet holds valid UTF-8
 * accents (lines pasted from two sources) cannot be told apart by bytes: both readings are returned in
 * `readings` for the user to choose, the whole file as Windows-1252 and each character as it reads best.
 */
export function decodeCsvBytes(bytes: Uint8Array): CsvReading & { readings?: [CsvReading, CsvReading] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'UTF-8' };
  } catch {
    const windows = { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' as const };
    const mixed = decodeMixed(bytes);
    if (!mixed.sawUtf8) return windows;
    return { ...windows, readings: [windows, { text: mixed.text, encoding: 'UTF-8 et Windows-1252' }] };
  }
}

let windows1252High: string | undefined;

/** Each valid UTF-8 sequence as UTF-8, every other byte as Windows-1252. */
function decodeMixed(bytes: Uint8Array): { text: string; sawUtf8: boolean } {
  windows1252High ??= new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  const strict = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let sawUtf8 = false;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      text += String.fromCharCode(b);
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= bytes.length) {
      try {
        text += strict.decode(bytes.subarray(i, i + length));
        sawUtf8 = true;
        i += length;
        continue;
      } catch {
        // not a UTF-8 sequence: the lead byte is a Windows-1252 character
      }
    }
    text += windows1252High[b - 0x80]!;
    i += 1;
  }
  return { text, sawUtf8 };
}

function tableFrom(matrix: string[][], source: string): SheetTable {
  const headerIndex = matrix.findIndex((row) => row.some((c) => c.trim() !== ''));
  if (headerIndex === -1) return { headers: [], rows: [], firstLine: 2, source };
  const headers = matrix[headerIndex]!.map((h) => h.trim());
  const width = headers.length;
  const rows = matrix.slice(headerIndex + 1).map((row) => Array.from({ length: Math.max(width, row.length) }, (_, i) => row[i] ?? ''));
  return { headers, rows, firstLine: headerIndex + 2, source };
}

const CSV_SOURCES: Record<CsvEncoding, string> = {
  'UTF-8': 'CSV, UTF-8',
  'UTF-16LE': 'Texte Unicode (UTF-16)',
  'UTF-16BE': 'Texte Unicode (UTF-16)',
  'Windows-1252': 'CSV, Windows-1252 (Excel sous Windows)',
  'UTF-8 et Windows-1252': 'CSV, UTF-8 et Windows-1252 mêlés',
};

function csvTable(text: string, encoding: CsvEncoding): SheetTable {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(firstLine), skipEmptyLines: false });
  const matrix = parsed.data.filter((row, i, all) => !(i === all.length - 1 && row.length === 1 && row[0] === ''));
  return tableFrom(matrix, CSV_SOURCES[encoding]);
}

export function readCsv(bytes: Uint8Array): SheetTable {
  const decoded = decodeCsvBytes(bytes);
  const table = csvTable(decoded.text, decoded.encoding);
  if (!decoded.readings) return table;
  const [first, second] = decoded.readings.map((r) => csvTable(r.text, r.encoding)) as [SheetTable, SheetTable];
  return { ...table, readings: readingsWithSamples(decoded.readings, [first, second]) };
}

/** The lines where the two readings differ, a few of them, for the user to see which one is right. */
function readingsWithSamples(readings: [CsvReading, CsvReading], tables: [SheetTable, SheetTable]): EncodingChoice[] {
  const lines = readings.map((r) => r.text.split(/\r?\n/));
  const differing: number[] = [];
  for (let i = 0; i < lines[0]!.length && differing.length < 3; i++) if (lines[0]![i] !== lines[1]![i]) differing.push(i);
  return readings.map((r, n) => ({
    encoding: r.encoding,
    label:
      n === 0
        ? 'Tout le fichier en Windows-1252 (Excel sous Windows)'
        : 'Chaque caractère lu en UTF-8 quand il en est, sinon en Windows-1252',
    samples: differing.map((i) => lines[n]![i]!),
    table: tables[n]!,
  }));
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
