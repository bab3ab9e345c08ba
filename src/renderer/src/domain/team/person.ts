import { z } from 'zod';
import { emailField, isoDateField, optionalText, phoneField, requiredText } from '../fields';
import type { RecordStamps } from '../record';

// A person of the team, recorded once whatever contracts follow. Only what the association needs: no
// social-security number, no birth date.

export const PERSON_ROLES = [
  { value: 'employee', label: 'Salarié·e' },
  { value: 'volunteer', label: 'Volontaire en service civique' },
] as const;

export type PersonRole = (typeof PERSON_ROLES)[number]['value'];

export const personSchema = z.object({
  lastName: requiredText('Nom', 100),
  firstName: requiredText('Prénom', 100),
  role: z.enum(['employee', 'volunteer'], { error: 'Statut : choisissez salarié·e ou volontaire.' }),
  jobTitle: optionalText('Fonction', 150),
  email: emailField('Courriel', { optional: true }),
  phone: phoneField('Téléphone', { optional: true }),
  arrivalDate: isoDateField('Date d’arrivée', { optional: true }),
  notes: optionalText('Notes', 2000),
});

export type Person = z.output<typeof personSchema>;
export type PersonInput = z.input<typeof personSchema>;
export type PersonRecord = RecordStamps & Person;

export interface PersonFormValues {
  lastName: string;
  firstName: string;
  role: PersonRole;
  jobTitle: string;
  email: string;
  phone: string;
  arrivalDate: string;
  notes: string;
}

export function personFormValues(person?: Person): PersonFormValues {
  return {
    lastName: person?.lastName ?? '',
    firstName: person?.firstName ?? '',
    role: person?.role ?? 'employee',
    jobTitle: person?.jobTitle ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    arrivalDate: person?.arrivalDate ?? '',
    notes: person?.notes ?? '',
  };
}

/** « Awa Diop », as titles and deadlines name people. */
export function personName(person: Pick<Person, 'firstName' | 'lastName'>): string {
  return `${person.firstName} ${person.lastName}`;
}

/** Sorting by last name then first name, the French way (accents, case). */
export function comparePeople(a: Pick<Person, 'firstName' | 'lastName'>, b: Pick<Person, 'firstName' | 'lastName'>): number {
  return a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');
}
