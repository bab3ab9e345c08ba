// Field builders the Équipe schemas need beyond domain/fields.ts (amounts use its amountField). Like those, each accepts what a form
// gives (text) and what a stored record or a backup holds (a number), and refuses with a French message
// that names the field.

import { z } from 'zod';
import { fieldMessage } from '../fields';

type NumberInput = number | string;

const DECIMAL = /^\d+(?:[.,]\d+)?$/;

function numberOrText(label: string, expected: string) {
  return z.custom<NumberInput | undefined>(
    (value) => value === undefined || value === null || typeof value === 'number' || typeof value === 'string',
    { error: fieldMessage(label, expected) },
  );
}

// Empty as a form gives it ('' or blank), as a number input gives it (NaN), or simply missing.
function isEmptyInput(value: NumberInput | undefined | null): value is undefined | null {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'number' && Number.isNaN(value)) ||
    (typeof value === 'string' && value.trim() === '')
  );
}

function numberInput(label: string, required: boolean) {
  return numberOrText(label, 'nombre attendu.').transform((value, ctx): number | undefined => {
    if (isEmptyInput(value)) {
      if (!required) return undefined;
      ctx.addIssue(fieldMessage(label, 'champ obligatoire.'));
      return z.NEVER;
    }
    if (typeof value === 'number') return value;
    const trimmed = value.trim();
    if (/^[-\u2212]/.test(trimmed)) {
      ctx.addIssue(fieldMessage(label, 'ne peut pas être négatif.'));
      return z.NEVER;
    }
    if (!DECIMAL.test(trimmed)) {
      ctx.addIssue(fieldMessage(label, 'nombre attendu (ex. 24 ou 17,5).'));
      return z.NEVER;
    }
    return Number(trimmed.replace(',', '.'));
  });
}

function bounded(
  label: string,
  required: boolean,
  min: { value: number; inclusive: boolean; phrase: string },
  max: { value: number; phrase: string },
) {
  return numberInput(label, required).superRefine((value, ctx) => {
    if (value === undefined) return;
    if (value < 0) ctx.addIssue(fieldMessage(label, 'ne peut pas être négatif.'));
    else if (min.inclusive ? value < min.value : value <= min.value) ctx.addIssue(fieldMessage(label, min.phrase));
    else if (value > max.value) ctx.addIssue(fieldMessage(label, max.phrase));
  });
}

/** Weekly working hours: more than 0, at most 48 (the legal weekly maximum). */
export function weeklyHoursField(label: string) {
  return bounded(
    label,
    true,
    { value: 0, inclusive: false, phrase: 'doit être supérieure à 0 heure.' },
    { value: 48, phrase: '48 heures par semaine au plus (durée maximale légale).' },
  ) as unknown as z.ZodType<number, NumberInput>;
}

/** Optional weekly hours (an amendment that does not change them leaves it empty). */
export function optionalWeeklyHoursField(label: string) {
  return bounded(
    label,
    false,
    { value: 0, inclusive: false, phrase: 'doit être supérieure à 0 heure.' },
    { value: 48, phrase: '48 heures par semaine au plus (durée maximale légale).' },
  ).optional() as unknown as z.ZodOptional<z.ZodType<number | undefined, NumberInput>>;
}

/** A percentage between 0 and 100, such as an employer-charge rate or an aid rate of the SMIC. */
export function percentField(label: string, options?: { optional?: boolean }) {
  const field = bounded(
    label,
    options?.optional !== true,
    { value: 0, inclusive: true, phrase: 'ne peut pas être négatif.' },
    { value: 100, phrase: '100 % au plus.' },
  );
  return (options?.optional === true ? field.optional() : field) as unknown as z.ZodType<number, NumberInput>;
}

/** A whole number of months between 0 and `max`. */
export function monthsField(label: string, max: number) {
  return numberInput(label, true).superRefine((value, ctx) => {
    if (value === undefined) return;
    if (!Number.isInteger(value) || value < 0 || value > max) {
      ctx.addIssue(fieldMessage(label, `nombre entier de mois entre 0 et ${max} attendu.`));
    }
  }) as unknown as z.ZodType<number, NumberInput>;
}

/** A number as a form shows it: `17.5` → `17,5`. */
export function numberToInput(value: number | undefined): string {
  return value === undefined ? '' : String(value).replace('.', ',');
}
