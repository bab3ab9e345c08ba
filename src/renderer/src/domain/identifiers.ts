// Identifiers of a French association (DOMAIN.md §2): SIREN, SIRET, RNA, and the register number that
// Alsace-Moselle associations hold instead of an RNA number.
//
// The predicates and `…Problem` functions check the stored form, exactly as written: digits only for
// SIREN/SIRET, `W` + 9 digits for RNA. What a person types or pastes (`732 829 320 00074`) goes through
// `normalizeIdentifier` first — the field builders in fields.ts do that.

const SIREN_LENGTH = 9;
const SIRET_LENGTH = 14;

// La Poste numbered its establishments before the Luhn key was applied to the NIC, so INSEE keeps a
// special rule for them: the digits of the SIRET add up to a multiple of 5. Some of them (the head office
// 356 000 000 00048) also satisfy Luhn, so either rule makes a La Poste SIRET valid.
const LA_POSTE_SIREN = '356000000';

const ONLY_DIGITS = /^\d+$/;
const RNA_PATTERN = /^W\d{9}$/;
// Tribunal judiciaire registers (Strasbourg, Colmar, Metz…) are written in many local ways
// (« Vol. 45 F° 12 », « TI Strasbourg 2015/123 »): accept the characters they use and require a digit,
// rather than pretend to know one official format.
const ALSACE_MOSELLE_REGISTER_PATTERN = /^[\p{L}\d ./°-]{1,40}$/u;
const CONTAINS_DIGIT = /\d/;

/** Removes spaces (including no-break spaces), dots and dashes, and uppercases: `w93-1234.567` → `W931234567`. */
export function normalizeIdentifier(s: string): string {
  return s.replace(/[\s.-]/g, '').toUpperCase();
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let indexFromRight = 0; indexFromRight < digits.length; indexFromRight += 1) {
    let digit = Number(digits[digits.length - 1 - indexFromRight]);
    if (indexFromRight % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const digit of digits) sum += Number(digit);
  return sum;
}

function lengthProblem(expected: number, actual: number): string {
  if (actual === 0) return `${expected} chiffres attendus.`;
  return `${expected} chiffres attendus, ${actual} saisi${actual > 1 ? 's' : ''}.`;
}

/**
 * What is wrong with a SIREN, as a French phrase to put after the field label, or null when it is valid.
 * Expects the normalized form (see normalizeIdentifier).
 */
export function sirenProblem(s: string): string | null {
  if (s !== '' && !ONLY_DIGITS.test(s)) return 'seuls des chiffres sont attendus (9 chiffres).';
  if (s.length !== SIREN_LENGTH) return lengthProblem(SIREN_LENGTH, s.length);
  if (!passesLuhn(s)) return 'la clé de contrôle est fausse — vérifiez les 9 chiffres.';
  return null;
}

/**
 * What is wrong with a SIRET, as a French phrase to put after the field label (« SIRET : » + phrase), or
 * null when it is valid. Expects the normalized form (see normalizeIdentifier).
 */
export function siretProblem(s: string): string | null {
  if (s !== '' && !ONLY_DIGITS.test(s)) return 'seuls des chiffres sont attendus (14 chiffres).';
  if (s.length !== SIRET_LENGTH) return lengthProblem(SIRET_LENGTH, s.length);
  const siren = s.slice(0, SIREN_LENGTH);
  const keyIsRight = passesLuhn(s) || (siren === LA_POSTE_SIREN && digitSum(s) % 5 === 0);
  if (!keyIsRight) return 'la clé de contrôle est fausse — vérifiez les 14 chiffres.';
  // A SIRET can pass its own key while its first 9 digits do not: it then names no real company.
  if (!passesLuhn(siren)) {
    return 'les 9 premiers chiffres (le SIREN) ont une clé de contrôle fausse — vérifiez-les.';
  }
  return null;
}

/** 9 digits passing the Luhn check. Expects the normalized form. */
export function isValidSiren(s: string): boolean {
  return sirenProblem(s) === null;
}

/** 14 digits passing the Luhn check (or La Poste's digit-sum rule), whose SIREN part is valid too. */
export function isValidSiret(s: string): boolean {
  return siretProblem(s) === null;
}

/** Répertoire national des associations number: `W` followed by 9 digits. */
export function isValidRna(s: string): boolean {
  return RNA_PATTERN.test(s);
}

/**
 * Register number given by a tribunal judiciaire to an association of Bas-Rhin, Haut-Rhin or Moselle
 * (they have no RNA number). Pragmatic: 1 to 40 letters, digits, spaces, `/ . - °`, with at least one digit.
 */
export function isValidAlsaceMoselleRegister(s: string): boolean {
  return ALSACE_MOSELLE_REGISTER_PATTERN.test(s) && CONTAINS_DIGIT.test(s);
}

/** @deprecated The spelling first announced to other modules; use isValidAlsaceMoselleRegister. */
export const isValidAlsaceMosselleRegister = isValidAlsaceMoselleRegister;
