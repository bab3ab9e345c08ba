import { z } from 'zod';
import { eurosInputField } from '../fields';

// Amounts arrive two ways: typed in euros in a form (`12 500,00`) and as integer cents in stored records
// and backups. One schema must take both (DESIGN.md decision 7), so a stored number is first written back
// as the French text it stands for; a negative one keeps its sign and gets the usual refusal.
export function centsAsEurosText(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return value;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** An amount in cents, typed in euros or given in cents. */
export function amountField(label: string) {
  return z.preprocess(centsAsEurosText, eurosInputField(label));
}

/** Same, may stay empty (stored as undefined). */
export function optionalAmountField(label: string) {
  return z.preprocess(centsAsEurosText, eurosInputField(label, { optional: true })).optional();
}

/** For forms: cents → `12500,00`, undefined → ''. */
export function centsToInput(cents: number | undefined): string {
  if (cents === undefined) return '';
  return String(centsAsEurosText(cents));
}
