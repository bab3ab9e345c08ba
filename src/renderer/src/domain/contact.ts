// Postal codes, e-mail addresses and phone numbers as French associations write them.

import { z } from 'zod';

// Departments 01–95 (Corsica is 20xxx), overseas 97xxx and 98xxx (Monaco and the Pacific collectivities
// too); no French postal code starts with 00 or 96.
const POSTAL_CODE_PATTERN = /^(?:0[1-9]|[1-8]\d|9[0-5]|9[78])\d{3}$/;

/** Five digits of a French postal code (metropolitan, Corsica, overseas). Expects no spaces. */
export function isValidPostalCode(s: string): boolean {
  return POSTAL_CODE_PATTERN.test(s);
}

// The same check as the forms' e-mail fields, so a value accepted here is never refused by a schema.
const emailSchema = z.email();

/** Pragmatic e-mail check: zod's (ASCII local part, a domain with a dot and a top-level name). */
export function isValidEmail(s: string): boolean {
  return emailSchema.safeParse(s).success;
}

// Réunion and Mayotte (262), Guadeloupe and the northern islands (590), Guyane (594), Martinique (596);
// 269 is Mayotte's former code, still found on old letterheads.
const OVERSEAS_CALLING_CODES = ['262', '269', '590', '594', '596'] as const;
const FRANCE_CALLING_CODE = '33';

const NATIONAL_SIGNIFICANT_NUMBER = /^[1-9]\d{8}$/;
const NATIONAL_NUMBER = /^0[1-9]\d{8}$/;
// « +33 (0)1 23 45 67 89 » writes the trunk 0 that must not be dialled after the country code.
const TRUNK_ZERO_IN_PARENTHESES = /^(\+|00)(33|262|269|590|594|596)\(0\)/;

function inPairs(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

// People often keep the trunk 0 after the country code (« +33 06 … »); dialling it fails, but the
// number they mean is clear.
function withoutTrunkZero(nationalDigits: string): string {
  return nationalDigits.length === 10 && nationalDigits.startsWith('0') ? nationalDigits.slice(1) : nationalDigits;
}

/**
 * Reads a French phone number however it is written and returns its display form — `01 23 45 67 89` for
 * numbers of the national plan (+33), `+262 6 92 12 34 56` for the overseas codes 262, 269, 590, 594,
 * 596 — or null when it is not such a number.
 */
export function normalizeFrenchPhone(s: string): string | null {
  let compact = s.replace(/[\s.-]/g, '').replace(TRUNK_ZERO_IN_PARENTHESES, '$1$2');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;

  if (!compact.startsWith('+')) {
    return NATIONAL_NUMBER.test(compact) ? inPairs(compact) : null;
  }

  const international = compact.slice(1);
  if (!/^\d+$/.test(international)) return null;

  if (international.startsWith(FRANCE_CALLING_CODE)) {
    const national = withoutTrunkZero(international.slice(FRANCE_CALLING_CODE.length));
    return NATIONAL_SIGNIFICANT_NUMBER.test(national) ? inPairs(`0${national}`) : null;
  }

  const code = OVERSEAS_CALLING_CODES.find((candidate) => international.startsWith(candidate));
  if (code === undefined) return null;
  const national = withoutTrunkZero(international.slice(code.length));
  if (!NATIONAL_SIGNIFICANT_NUMBER.test(national)) return null;
  return `+${code} ${national.slice(0, 1)} ${inPairs(national.slice(1))}`;
}
