// What a French spreadsheet holds, read as text: headers typed by hand (« Date de début », « DATE DEBUT »),
// amounts with a decimal comma and thousands spaces, dates jj/mm/aaaa. These functions turn them into
// what the schemas store; every refusal is a phrase meant to follow a field label.

import { isIsoDate, parseFrenchDate, type IsoDate } from '../dates';
import { parseEurosToCents } from '../money';

/** « Date d’arrivée » → « date d arrivee »: accents, case, apostrophes and punctuation ignored. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/** `1 234,56`, `1234,5 €`, `1234.56` → cents; '' is undefined (an empty cell). */
export function frenchAmountToCents(text: string): CellResult<number | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const parsed = parseEurosToCents(text);
  return parsed.ok ? { ok: true, value: parsed.cents } : { ok: false, problem: parsed.error };
}

/** `24/11/2026` (or ISO, as some exports write) → `2026-11-24`; '' is undefined. */
export function frenchDateToIso(text: string): CellResult<IsoDate | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (isIsoDate(trimmed)) return { ok: true, value: trimmed };
  const iso = parseFrenchDate(trimmed);
  if (iso !== null) return { ok: true, value: iso };
  return /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(trimmed)
    ? { ok: false, problem: `« ${trimmed} » n’existe pas dans le calendrier.` }
    : { ok: false, problem: `« ${trimmed} » n’est pas une date au format jj/mm/aaaa (ex. 24/11/2026).` };
}

/** `17,5` or `35` → a number; '' is undefined. Thousands spaces allowed; a sign is not. */
export function frenchNumber(text: string): CellResult<number | undefined> {
  const trimmed = text
    .trim()
    .replace(/[ \u00a0\u202f]/g, '')
    .replace(/%$/, '');
  if (trimmed === '') return { ok: true, value: undefined };
  if (/^[-\u2212]/.test(trimmed)) return { ok: false, problem: 'ne peut pas être négatif.' };
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return { ok: false, problem: `« ${text.trim()} » n’est pas un nombre (ex. 17,5).` };
  return { ok: true, value: Number(trimmed.replace(',', '.')) };
}

/** « oui », « x », « vrai », « 1 » → true; « non », « faux », « 0 », '' → false. */
export function frenchYesNo(text: string): CellResult<boolean> {
  const n = normalizeHeader(text);
  if (['', 'non', 'n', 'faux', '0', 'false', 'no'].includes(n)) return { ok: true, value: false };
  if (['oui', 'o', 'x', 'vrai', '1', 'true', 'yes'].includes(n)) return { ok: true, value: true };
  return { ok: false, problem: `répondez oui ou non (« ${text.trim()} » lu).` };
}

/**
 * The delimiter of a CSV from its first line: `;` where Excel is set to French, `,` elsewhere, a tab
 * for « texte (séparateur : tabulation) ». Quoted text is not counted.
 */
export function detectDelimiter(firstLine: string): ';' | ',' | '\t' {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const candidates = [';', '\t', ','] as const;
  let best: ';' | ',' | '\t' = ';';
  for (const c of candidates) if (count(c) > count(best)) best = c;
  return best;
}
