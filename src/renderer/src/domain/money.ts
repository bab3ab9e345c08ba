// Money is stored as integer cents (DESIGN.md decision 6): sums stay exact, where floating euros would
// drift by a cent. Screens show `1 234,56 €`; Cerfa documents show whole euros, `1 235 €`.
//
// Parse errors are French phrases meant to follow a field label (« Montant : » + phrase).

export type CentsParseResult = { ok: true; cents: number } | { ok: false; error: string };

// People type normal spaces; French formatted text (copied from a PDF, a spreadsheet or from this app)
// carries no-break spaces, U+00A0 or the narrow U+202F.
const GROUP_SEPARATOR = '[ \\u00a0\\u202f]';
const INTEGER_PART = new RegExp(`^(?:\\d{1,3}(?:${GROUP_SEPARATOR}\\d{3})*|\\d+)$`);
const ONLY_DIGITS = /^\d+$/;
const GROUP_SEPARATORS = new RegExp(GROUP_SEPARATOR, 'g');
const ALLOWED_CHARACTERS = /^[\d \u00a0\u202f.,]*$/;
const TRAILING_EURO_SIGN = /\s*€$/;
// U+2212 is the typographic minus that word processors put in front of numbers.
const LEADING_MINUS = /^[-\u2212]/;

const EXAMPLE = '(ex. 1 234,56)';

function failure(error: string): CentsParseResult {
  return { ok: false, error };
}

/**
 * Reads an amount in euros written the French way — `1 234,56`, `1234,5`, `1 234 €`, `1234.56` — and
 * returns it in cents. Refuses negative amounts, more than two decimals, letters and empty input.
 */
export function parseEurosToCents(input: string): CentsParseResult {
  const text = input.trim().replace(TRAILING_EURO_SIGN, '');
  if (text === '') return failure(`saisissez un montant ${EXAMPLE}.`);
  if (LEADING_MINUS.test(text)) return failure('les montants ne peuvent pas être négatifs.');
  if (!ALLOWED_CHARACTERS.test(text)) {
    return failure(`seuls des chiffres, des espaces et une virgule sont acceptés ${EXAMPLE}.`);
  }
  if ((text.match(/[.,]/g) ?? []).length > 1) {
    return failure(`une seule virgule, avant les centimes ${EXAMPLE}.`);
  }

  const [integerPart = '', decimals = ''] = text.split(/[.,]/);
  if (/[.,]/.test(text) && !ONLY_DIGITS.test(decimals)) {
    return failure(`des chiffres sont attendus après la virgule ${EXAMPLE}.`);
  }
  if (integerPart === '') return failure('un chiffre est attendu avant la virgule (ex. 0,50).');
  if (!INTEGER_PART.test(integerPart)) {
    return failure(`les espaces ne séparent que les milliers, par groupes de 3 chiffres ${EXAMPLE}.`);
  }
  if (decimals.length > 2) return failure('2 chiffres au plus après la virgule (les centimes).');

  const cents = Number(integerPart.replace(GROUP_SEPARATORS, '')) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return failure('montant trop grand.');
  return { ok: true, cents };
}

export const WHOLE_EUROS_EXPECTED = 'montant en euros entiers attendu, sans centimes (ex. 1 234).';

/**
 * Like parseEurosToCents for amounts in whole euros (Cerfa budgets). Zero cents (`1 234,00`) are
 * accepted since they change nothing; the result is still in cents.
 */
export function parseWholeEuros(input: string): CentsParseResult {
  const result = parseEurosToCents(input);
  if (result.ok && result.cents % 100 !== 0) {
    return failure(WHOLE_EUROS_EXPECTED);
  }
  return result;
}

/**
 * The other half of parseEurosToCents: cents as a form's input shows them, `123456` → `1 234,56`, so that
 * what the form reads back is the same amount. Thousands are grouped by plain spaces (what people type;
 * the parser also takes U+00A0 and U+202F), always two decimals, '' for no amount. A negative amount keeps
 * its sign, so that the field's refusal names it rather than silently dropping it.
 */
export function centsToEurosText(cents: number | undefined, options?: { wholeEuros?: boolean }): string {
  if (cents === undefined || !Number.isFinite(cents)) return '';
  const whole = Math.round(cents);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(?:\d{3})+$)/g, ' ');
  // A field in whole euros (Cerfa budgets, the compte-rendu) shows `1 234`; an older amount with cents keeps them.
  if (options?.wholeEuros === true && abs % 100 === 0) return `${sign}${euros}`;
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** A safe non-negative integer: the only valid stored amount. */
export function isCents(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** Cents rounded to the nearest whole euro, halves away from zero (12 350 → 124, −12 350 → −124). */
export function centsToWholeEuros(cents: number): number {
  const euros = Math.sign(cents) * Math.round(Math.abs(cents) / 100);
  // Avoids « -0 € » for small negative gaps.
  return euros === 0 ? 0 : euros;
}

const centsFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const wholeEurosFormat = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

// Roboto, the PDF font, has no U+202F (DESIGN.md decision 10), and ICU versions differ on which space
// they put before « € »: every space becomes the no-break U+00A0.
function withNoBreakSpaces(text: string): string {
  return text.replace(/\s/g, '\u00a0');
}

/** `123456` → `1 234,56 €` (no-break spaces). Negative amounts (budget gaps) keep their sign. */
export function formatCents(cents: number): string {
  return withNoBreakSpaces(centsFormat.format(cents / 100 || 0));
}

/** `123456` → `1 235 €`: rounded to the nearest euro, halves away from zero, as on the Cerfa. */
export function formatWholeEuros(cents: number): string {
  return withNoBreakSpaces(wholeEurosFormat.format(centsToWholeEuros(cents)));
}
