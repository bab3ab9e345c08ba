// Field builders shared by every entity schema (DESIGN.md decision 7): the same schema checks a form, an
// import, a backup and an IPC payload, and every refusal is a French sentence that names the field —
// « SIRET : la clé de contrôle est fausse — vérifiez les 14 chiffres. » — with the no-break space that
// French puts before a colon.
//
// Optional fields. HTML inputs give '' when empty, stored records and backups simply lack the value.
// So every optional builder ACCEPTS '' (also blank text, and `undefined` or a missing key), and OUTPUTS
// `undefined` for all of them: an empty value is never stored as ''. Why omit rather than store '':
// IndexedDB leaves records without the key out of an index (no contract « ends » on '' before every real
// date), domain code reads `end?: IsoDate` naturally, and JSON backups drop the key. Forms start from
// `record.x ?? ''` or from `undefined`, which react-hook-form shows as an empty input.
//
// Required builders refuse '', blank text and a missing value with « <label> : champ obligatoire. ».
// Text values are trimmed; identifiers, postal codes and phones are stored in their normalized form.

import { z } from 'zod';

import { isValidEmail, isValidPostalCode, normalizeFrenchPhone } from './contact';
import { isIsoDate, parseFrenchDate, type IsoDate } from './dates';
import { isValidAlsaceMoselleRegister, isValidRna, normalizeIdentifier, sirenProblem, siretProblem } from './identifiers';
import { parseEurosToCents, parseWholeEuros, WHOLE_EUROS_EXPECTED } from './money';

export type FieldOptions = { optional?: boolean };

/** A field whose form input is `Input` and whose stored value is `Output`. */
export type RequiredField<Output, Input = string> = z.ZodType<Output, Input>;
/** Same, also accepting an empty value (stored as `undefined`); its key is optional in an object. */
export type OptionalField<Output, Input = string> = z.ZodOptional<z.ZodType<Output | undefined, Input>>;

type FieldFor<Output, Input, Options extends FieldOptions> = Options['optional'] extends true
  ? OptionalField<Output, Input>
  : Options['optional'] extends false | undefined
    ? RequiredField<Output, Input>
    : RequiredField<Output, Input> | OptionalField<Output, Input>;

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
// Undefined means the input is empty; the caller decides whether that is allowed.
type InputParser<Input, T> = (input: Input) => Parsed<T> | undefined;

const REQUIRED = 'champ obligatoire.';

/** `Nom` + `champ obligatoire.` → `Nom : champ obligatoire.` with a no-break space before the colon. */
export function fieldMessage(label: string, phrase: string): string {
  return `${label}\u00a0: ${phrase}`;
}

function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function refuse<T>(problem: string): Parsed<T> {
  return { ok: false, problem };
}

function buildField<Input, Output, Options extends FieldOptions>(
  label: string,
  options: Options | undefined,
  input: z.ZodType<Input, Input>,
  parse: InputParser<Input, Output>,
): FieldFor<Output, Input, Options> {
  const optional = options?.optional === true;
  const field = input.transform((value, ctx): Output | undefined => {
    const parsed = parse(value);
    if (parsed === undefined) {
      if (optional) return undefined;
      ctx.addIssue(fieldMessage(label, REQUIRED));
      return z.NEVER;
    }
    if (!parsed.ok) {
      ctx.addIssue(fieldMessage(label, parsed.problem));
      return z.NEVER;
    }
    return parsed.value;
  });
  // The transform returns undefined only when `optional` holds, which is what FieldFor says; TypeScript
  // cannot follow a runtime flag into a conditional type.
  return (optional ? field.optional() : field) as unknown as FieldFor<Output, Input, Options>;
}

function textInput(label: string): z.ZodType<string, string> {
  return z.string({
    error: (issue) => fieldMessage(label, issue.input === undefined ? REQUIRED : 'texte attendu.'),
  });
}

function stringField<Output, Options extends FieldOptions>(
  label: string,
  options: Options | undefined,
  parse: (trimmed: string) => Parsed<Output>,
): FieldFor<Output, string, Options> {
  return buildField(label, options, textInput(label), (value) => {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : parse(trimmed);
  });
}

function lengthLimited(max: number): (trimmed: string) => Parsed<string> {
  return (trimmed) => (trimmed.length > max ? refuse(`${max} caractères au maximum (${trimmed.length} saisis).`) : accept(trimmed));
}

/** Trimmed text, 1 to `max` characters. */
export function requiredText(label: string, max = 200): RequiredField<string> {
  return stringField(label, { optional: false }, lengthLimited(max));
}

/** Trimmed text up to `max` characters; empty → undefined (see the convention above). */
export function optionalText(label: string, max = 200): OptionalField<string> {
  return stringField(label, { optional: true }, lengthLimited(max));
}

/** SIRET typed with or without spaces, dots or dashes; stored as 14 digits. */
export function siretField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<string, string, Options> {
  return stringField(label, options, (trimmed) => {
    const siret = normalizeIdentifier(trimmed);
    const problem = siretProblem(siret);
    return problem === null ? accept(siret) : refuse(problem);
  });
}

/** SIREN typed with or without spaces, dots or dashes; stored as 9 digits. */
export function sirenField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<string, string, Options> {
  return stringField(label, options, (trimmed) => {
    const siren = normalizeIdentifier(trimmed);
    const problem = sirenProblem(siren);
    return problem === null ? accept(siren) : refuse(problem);
  });
}

/** RNA number, `w93 123 4567` → `W931234567`. */
export function rnaField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<string, string, Options> {
  return stringField(label, options, (trimmed) => {
    const rna = normalizeIdentifier(trimmed);
    return isValidRna(rna) ? accept(rna) : refuse('un W suivi de 9 chiffres est attendu (ex. W931234567).');
  });
}

/** Tribunal register number of an Alsace-Moselle association, kept as written (spaces collapsed). */
export function alsaceMoselleRegisterField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<string, string, Options> {
  return stringField(label, options, (trimmed) => {
    const register = trimmed.replace(/\s+/g, ' ');
    return isValidAlsaceMoselleRegister(register)
      ? accept(register)
      : refuse('40 caractères au plus, lettres, chiffres et / . - °, dont au moins un chiffre (ex. Vol. 45 F° 12).');
  });
}

/** French postal code; spaces typed inside (`93 200`) are dropped. */
export function postalCodeField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<string, string, Options> {
  return stringField(label, options, (trimmed) => {
    const postalCode = trimmed.replace(/\s/g, '');
    if (!/^\d{5}$/.test(postalCode)) return refuse('5 chiffres attendus (ex. 93200).');
    return isValidPostalCode(postalCode)
      ? accept(postalCode)
      : refuse(`aucun code postal français ne commence par ${postalCode.slice(0, 2)}.`);
  });
}

/** E-mail address, trimmed, checked as isValidEmail does. */
export function emailField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<string, string, Options> {
  return stringField(label, options, (trimmed) =>
    isValidEmail(trimmed) ? accept(trimmed) : refuse('adresse invalide (ex. nom@exemple.fr).'),
  );
}

/** French phone number, stored in its display form (`01 23 45 67 89`, `+262 6 92 12 34 56`). */
export function phoneField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<string, string, Options> {
  return stringField(label, options, (trimmed) => {
    const phone = normalizeFrenchPhone(trimmed);
    return phone === null ? refuse('numéro français attendu (ex. 01 23 45 67 89 ou +262 6 92 12 34 56).') : accept(phone);
  });
}

/**
 * What a date field receives when the browser's date input holds an impossible or half-typed date
 * (31/02/2026, 12/__/2026): the input reports `validity.badInput` and an empty value, which must not read
 * as « no date ». It has the shape of a date and no calendar day, so isoDateField refuses it.
 */
export const UNREADABLE_DATE_INPUT = '00/00/0000';

// A slip of the keyboard gives years like 0026 or 20026 that a date input happily takes. The lower bound
// leaves room for old associations: some in Alsace-Moselle predate the 1901 law.
const EARLIEST_PLAUSIBLE_YEAR = 1800;
const LATEST_PLAUSIBLE_YEAR = 2199;
const DATE_SHAPE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/;

/**
 * A calendar date, stored as ISO `yyyy-MM-dd`. Accepts what `<input type="date">` gives (ISO) and the
 * French `24/11/2026` that people type or import from spreadsheets.
 */
export function isoDateField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<IsoDate, string, Options> {
  return stringField(label, options, (trimmed) => {
    const iso = isIsoDate(trimmed) ? trimmed : parseFrenchDate(trimmed);
    if (iso === null) {
      return DATE_SHAPE.test(trimmed)
        ? refuse('cette date n’existe pas dans le calendrier.')
        : refuse('date attendue au format jj/mm/aaaa (ex. 24/11/2026).');
    }
    const year = Number(iso.slice(0, 4));
    if (year < EARLIEST_PLAUSIBLE_YEAR || year > LATEST_PLAUSIBLE_YEAR) {
      return refuse(`l’année ${iso.slice(0, 4)} semble fausse — vérifiez-la.`);
    }
    return accept(iso);
  });
}

// Number inputs read with react-hook-form's `valueAsNumber` give NaN when left empty.
function isEmptyNumber(value: number): boolean {
  return Number.isNaN(value);
}

function typedInput<Input>(label: string, accepts: (value: unknown) => boolean, expected: string): z.ZodType<Input, Input> {
  return z.custom<Input>(accepts, {
    error: (issue) => fieldMessage(label, issue.input === undefined ? REQUIRED : expected),
  });
}

/** What an amount field can hold: euros as typed in a form (text), or cents from a stored record or a backup. */
export type AmountInput = number | string;

/**
 * THE amount field (money is written once: DESIGN.md decision 6). It takes both ways an amount arrives —
 * text typed in euros in a form (`1 234,56`, `23 000 €`, read by parseEurosToCents) and a number of cents
 * from a stored record, a backup or an import — and stores cents. Empty text, NaN (an empty number input),
 * null and a missing value are « no amount ». With `wholeEuros`, cents are refused (Cerfa budgets are in
 * whole euros). Forms show a stored amount with centsToEurosText, its inverse.
 */
export function amountField<Options extends FieldOptions & { wholeEuros?: boolean } = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<number, AmountInput, Options> {
  const wholeEuros = options?.wholeEuros === true;
  const input = typedInput<AmountInput>(
    label,
    (value) => typeof value === 'number' || typeof value === 'string' || value === null,
    'montant attendu.',
  );
  return buildField(label, options, input, (value: AmountInput | null) => {
    if (value === null) return undefined;
    if (typeof value === 'number') {
      if (isEmptyNumber(value)) return undefined;
      if (value < 0) return refuse('les montants ne peuvent pas être négatifs.');
      if (!Number.isSafeInteger(value)) return refuse('nombre entier de centimes attendu.');
      if (wholeEuros && value % 100 !== 0) return refuse(WHOLE_EUROS_EXPECTED);
      return accept(value);
    }
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    const result = (wholeEuros ? parseWholeEuros : parseEurosToCents)(trimmed);
    return result.ok ? accept(result.cents) : refuse(result.error);
  });
}

const GROUPED_DIGITS = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})*$|^\d+$/;

/** A whole number ≥ 0 such as a headcount; takes a number or the digits of a text input. */
export function nonNegativeIntField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<number, number | string, Options> {
  const input = typedInput<number | string>(label, (value) => typeof value === 'number' || typeof value === 'string', 'nombre attendu.');
  const wholeNumberExpected = 'nombre entier positif ou nul attendu (ex. 12).';
  return buildField(label, options, input, (value) => {
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed === '') return undefined;
      if (/^[-\u2212]/.test(trimmed)) return refuse('ne peut pas être négatif.');
      if (!GROUPED_DIGITS.test(trimmed)) return refuse(wholeNumberExpected);
      const count = Number(trimmed.replace(/\D/g, ''));
      return Number.isSafeInteger(count) ? accept(count) : refuse('nombre trop grand.');
    }
    if (isEmptyNumber(value)) return undefined;
    if (value < 0) return refuse('ne peut pas être négatif.');
    return Number.isSafeInteger(value) ? accept(value) : refuse(wholeNumberExpected);
  });
}

/** What a yes/no control can hold: a checkbox's boolean, a radio group's value, or nothing chosen yet. */
export type YesNoInput = boolean | 'oui' | 'non' | '' | null;

/** A yes/no answer (Cerfa questions such as « commissaire aux comptes »), stored as a boolean. */
export function yesNoField<Options extends FieldOptions = { optional?: false }>(
  label: string,
  options?: Options,
): FieldFor<boolean, YesNoInput, Options> {
  const answer = 'répondez oui ou non.';
  const input = typedInput<YesNoInput>(
    label,
    (value) => typeof value === 'boolean' || value === 'oui' || value === 'non' || value === '' || value === null,
    answer,
  );
  return buildField(label, options, input, (value) => {
    if (value === '' || value === null) return undefined;
    return accept(value === true || value === 'oui');
  });
}

/**
 * An object schema with its cross-field rules (an end before its start, a CDD without its reason), run in
 * the SAME round as the fields: zod skips a plain `superRefine` as soon as one field fails, so a form said
 * « salaire négatif » first and « fin avant le début » only after a second submit. Here the rules always
 * run, on the fields that passed (a failed field is absent from `value`, hence `Partial`), and a rule's
 * message never lands on a field that already has its own (`failed` names those fields).
 */
export function withCrossFieldRules<Schema extends z.ZodObject>(
  fields: Schema,
  rules: (value: Partial<z.output<Schema>>, ctx: z.RefinementCtx<z.output<Schema>>, failed: ReadonlySet<string>) => void,
): Schema {
  const failedKeys = new WeakMap<object, ReadonlySet<string>>();
  return fields.superRefine(
    (value, ctx) => {
      const failed = failedKeys.get(value) ?? new Set<string>();
      const passed = Object.fromEntries(Object.entries(value).filter(([key]) => !failed.has(key))) as Partial<z.output<Schema>>;
      const addIssue: typeof ctx.addIssue = (issue) => {
        const key = typeof issue === 'string' ? undefined : issue.path?.[0];
        if (key !== undefined && failed.has(String(key))) return;
        ctx.addIssue(issue);
      };
      rules(passed, { ...ctx, addIssue }, failed);
    },
    {
      // Run even when fields failed; not when the input is no object at all.
      when: (payload) => {
        const value = payload.value;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
        if (payload.issues.some((issue) => (issue.path ?? []).length === 0)) return false;
        failedKeys.set(value, new Set(payload.issues.map((issue) => String(issue.path?.[0]))));
        return true;
      },
    },
  );
}

/**
 * The first French message of each failing field, keyed by its dotted path (`address.postalCode`,
 * `lines.0.amount`), for forms to show under the field. Issues about the whole object use the key ''.
 */
export function firstIssueMessages(error: z.ZodError): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!Object.hasOwn(messages, path)) messages[path] = issue.message;
  }
  return messages;
}
