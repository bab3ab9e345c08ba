import { z } from 'zod';
import { fieldMessage } from './fields';

// The person at the keyboard of a shared laptop: a name, no password. It signs the journal's entries;
// the names already used in an espace are offered when it is opened.

export const PERSON_NAME_MAX = 60;
export const PERSON_NAME_LABEL = 'Votre nom';

export const personNameSchema = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, { error: fieldMessage(PERSON_NAME_LABEL, 'champ obligatoire.') })
      .max(PERSON_NAME_MAX, { error: fieldMessage(PERSON_NAME_LABEL, `${PERSON_NAME_MAX} caractères au maximum.`) }),
  );

const fold = (name: string) => name.toLocaleLowerCase('fr');

/**
 * The list of names with `name` in it, sorted as a French reader expects; a name that differs only by
 * case from one already there is not added twice (« marie » is Marie).
 */
export function withPersonName(names: readonly string[], name: string): string[] {
  const known = names.some((n) => fold(n) === fold(name));
  const all = known ? [...names] : [...names, name];
  return all.sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' }));
}

/** The spelling already kept for `name`, if any, so that choosing « marie » selects « Marie ». */
export function knownSpelling(names: readonly string[], name: string): string {
  return names.find((n) => fold(n) === fold(name)) ?? name;
}
