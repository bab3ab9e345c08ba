import { z } from 'zod';
import { emailField, fieldMessage, optionalText, phoneField, requiredText, siretField } from '../fields';
import type { RecordStamps } from '../record';

// A funder (financeur, DOMAIN.md §4). Its kind decides the Cerfa budget line 74 it lands on, and whether
// its grants count as public money for the 153 000 € publication threshold.

export const FUNDER_KINDS = [
  { value: 'state', label: 'État (ministère, préfecture, ANCT, DDETS, SDJES…)' },
  { value: 'region', label: 'Région' },
  { value: 'department', label: 'Département' },
  { value: 'intercommunality', label: 'Intercommunalité (EPCI)' },
  { value: 'municipality', label: 'Commune' },
  { value: 'social-bodies', label: 'Organismes sociaux (CAF…)' },
  { value: 'european-funds', label: 'Fonds européens (FSE, FEDER)' },
  { value: 'asp', label: 'ASP (emplois aidés)' },
  { value: 'private', label: 'Aides privées (fondations)' },
  { value: 'other-public', label: 'Autres établissements publics' },
] as const;

export type FunderKind = (typeof FUNDER_KINDS)[number]['value'];

export const FILING_PORTALS = [
  { value: 'dauphin', label: 'Dauphin (politique de la ville)' },
  { value: 'compte-asso', label: 'Le Compte Asso' },
  { value: 'funder-portal', label: 'Portail propre au financeur' },
  { value: 'paper', label: 'Papier ou courriel' },
] as const;

export type FilingPortal = (typeof FILING_PORTALS)[number]['value'];

const funderKindValues = FUNDER_KINDS.map((k) => k.value) as [FunderKind, ...FunderKind[]];
const portalValues = FILING_PORTALS.map((p) => p.value) as [FilingPortal, ...FilingPortal[]];

export function funderKindLabel(kind: FunderKind): string {
  return FUNDER_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/** Short label for tables: the part before the parenthesis. */
export function funderKindShortLabel(kind: FunderKind): string {
  return funderKindLabel(kind).replace(/\s*\(.*\)$/, '');
}

export function filingPortalLabel(portal: FilingPortal): string {
  return FILING_PORTALS.find((p) => p.value === portal)?.label ?? portal;
}

/** Everything but private funders is public money (DOMAIN.md §4: the 153 000 € rule counts public grants). */
export function isPublicFunder(kind: FunderKind): boolean {
  return kind !== 'private';
}

export const funderSchema = z.object({
  name: requiredText('Nom du financeur', 150),
  kind: z.enum(funderKindValues, { error: fieldMessage('Type de financeur', 'choisissez un type.') }),
  service: optionalText('Service instructeur', 200),
  portal: z.enum(portalValues, { error: fieldMessage('Portail de dépôt', 'choisissez un portail.') }),
  contactName: optionalText('Contact', 150),
  contactEmail: emailField('Courriel du contact', { optional: true }),
  contactPhone: phoneField('Téléphone du contact', { optional: true }),
  notes: optionalText('Notes', 2000),
});

export type Funder = z.output<typeof funderSchema>;

/**
 * The funder dialog's fields: the funder role's facts plus the organisation's SIRET, which lives on the
 * directory record (domain/partners/directory.ts), not on the funder role.
 */
export const funderFormSchema = funderSchema.extend({ siret: siretField('SIRET', { optional: true }) });
export type FunderForm = z.output<typeof funderFormSchema>;
export type FunderInput = z.input<typeof funderSchema>;
export type FunderRecord = RecordStamps & Funder;

export interface FunderFormValues {
  name: string;
  kind: FunderKind;
  service: string;
  portal: FilingPortal;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  siret: string;
}

export function funderFormValues(funder?: Funder, siret?: string): FunderFormValues {
  return {
    name: funder?.name ?? '',
    kind: funder?.kind ?? 'state',
    service: funder?.service ?? '',
    portal: funder?.portal ?? 'dauphin',
    contactName: funder?.contactName ?? '',
    contactEmail: funder?.contactEmail ?? '',
    contactPhone: funder?.contactPhone ?? '',
    notes: funder?.notes ?? '',
    siret: siret ?? '',
  };
}
