import Papa from 'papaparse';
import { journalCsvRows, type JournalEntry } from '../../domain/journal/journal';
import { neutraliseFormula } from '../../reports/spreadsheet-export';

// What Excel in France opens without a wizard: `;` between fields (the comma is the decimal mark there),
// CRLF line ends, and a UTF-8 byte-order mark, without which Excel reads the accents as Windows-1252.
export function journalCsvBytes(entries: readonly JournalEntry[]): Uint8Array {
  // Every cell of the journal is text (summaries quote what users typed): none may run as a formula.
  const rows = journalCsvRows(entries).map((row) => row.map((cell) => neutraliseFormula(String(cell))));
  const text = Papa.unparse(rows, { delimiter: ';', newline: '\r\n', quotes: false });
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

export function journalFileName(workspaceName: string, today: string): string {
  const slug = workspaceName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `journal-${slug || 'espace'}-${today}.csv`;
}
