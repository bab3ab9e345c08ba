import { z } from 'zod';
import {
  emailField,
  fieldMessage,
  optionalText,
  phoneField,
  postalCodeField,
  requiredText,
  rnaField,
  siretField,
  withCrossFieldRules,
} from '../fields';
import type { RecordStamps } from '../record';
import { fieldIssue } from '../field-issue';

// The partner directory (DOMAIN.md §7): other associations, public actors, companies, foundations.
// SIRET and RNA are optional but, when given, must pass the same checks as the association's own.

export const PARTNER_KINDS = [
  { value: 'association', label: 'Association' },
  { value: 'public', label: 'Acteur public' },
  { value: 'company', label: 'Entreprise' },
  { value: 'foundation', label: 'Fondation' },
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number]['value'];

// The public actors a QPV association actually deals with; « autre » keeps the list honest.
export const PUBLIC_SUB_KINDS = [
  { value: 'mairie', label: 'Mairie' },
  { value: 'prefecture', label: 'Préfecture / délégué du préfet' },
  { value: 'bailleur', label: 'Bailleur social' },
  { value: 'centre-social', label: 'Centre social' },
  { value: 'school', label: 'École / collège / lycée' },
  { value: 'france-travail', label: 'France Travail' },
  { value: 'mission-locale', label: 'Mission locale' },
  { value: 'other-public', label: 'Autre acteur public' },
] as const;
export type PublicSubKind = (typeof PUBLIC_SUB_KINDS)[number]['value'];

const kindValues = PARTNER_KINDS.map((k) => k.value) as [PartnerKind, ...PartnerKind[]];
const subKindValues = PUBLIC_SUB_KINDS.map((k) => k.value) as [PublicSubKind, ...PublicSubKind[]];

export function partnerKindLabel(kind: PartnerKind): string {
  return PARTNER_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export function publicSubKindLabel(subKind: PublicSubKind): string {
  return PUBLIC_SUB_KINDS.find((k) => k.value === subKind)?.label ?? subKind;
}

const MAX_TAGS = 20;

/** « jeunesse, Quartier  , jeunesse » → ['jeunesse', 'Quartier']: trimmed, no duplicates (ignoring case). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const folded = tag.toLocaleLowerCase('fr');
    if (tag === '' || seen.has(folded)) continue;
    seen.add(folded);
    tags.push(tag);
  }
  return tags;
}

const tagsField = z
  .union([z.string(), z.array(z.string())], { error: fieldMessage('Étiquettes', 'texte attendu.') })
  .transform((value) => (typeof value === 'string' ? parseTags(value) : parseTags(value.join(','))))
  .refine((tags) => tags.length <= MAX_TAGS, { error: fieldMessage('Étiquettes', `${MAX_TAGS} au maximum.`) })
  .refine((tags) => tags.every((t) => t.length <= 40), {
    error: fieldMessage('Étiquettes', '40 caractères au maximum par étiquette.'),
  });

export const partnerSchema = withCrossFieldRules(
  z.object({
    name: requiredText('Nom du partenaire'),
    kind: z.enum(kindValues, { error: fieldMessage('Type de partenaire', 'choisissez dans la liste.') }),
    publicSubKind: z
      .union([z.enum(subKindValues), z.literal(''), z.undefined()], {
        error: fieldMessage('Catégorie d’acteur public', 'choisissez dans la liste.'),
      })
      .transform((value) => (value === '' ? undefined : value))
      .optional(),
    federated: z.boolean().default(false),
    federationName: optionalText('Réseau ou fédération'),
    charterSignatory: z.boolean().default(false),
    siret: siretField('SIRET', { optional: true }),
    rna: rnaField('Numéro RNA', { optional: true }),
    street: optionalText('Adresse'),
    postalCode: postalCodeField('Code postal', { optional: true }),
    city: optionalText('Commune', 100),
    phone: phoneField('Téléphone', { optional: true }),
    email: emailField('Courriel', { optional: true }),
    tags: tagsField.default([]),
    notes: optionalText('Notes', 4000),
    // Issue 19: financeur, partenaire or both (directory.ts). Not a form field: the repository keeps it.
    roles: z
      .array(z.enum(['funder', 'partner']))
      .max(2)
      .optional(),
  }),
  (partner, ctx) => {
    if (partner.kind === 'public' && partner.publicSubKind === undefined) {
      fieldIssue(ctx, 'publicSubKind', 'Catégorie d’acteur public', 'précisez de quel acteur public il s’agit.');
    }
  },
).transform(({ publicSubKind, federationName, rna, ...partner }) => {
  // Facts of another kind are dropped rather than kept hidden in the record; empty ones are omitted
  // (the optional-field convention of fields.ts).
  const isAssociation = partner.kind === 'association';
  return {
    ...partner,
    federated: isAssociation && partner.federated,
    charterSignatory: isAssociation && partner.charterSignatory,
    ...(partner.kind === 'public' && publicSubKind !== undefined ? { publicSubKind } : {}),
    ...(isAssociation && partner.federated && federationName !== undefined ? { federationName } : {}),
    ...(isAssociation && rna !== undefined ? { rna } : {}),
  };
});

export type Partner = z.output<typeof partnerSchema>;
export type PartnerInput = z.input<typeof partnerSchema>;
export type PartnerRecord = RecordStamps & Partner;

/** « Association non fédérée, signataire de la charte », « Acteur public — Mission locale »… */
export function describePartnerKind(partner: Pick<Partner, 'kind' | 'publicSubKind' | 'federated' | 'charterSignatory'>): string {
  if (partner.kind === 'public') {
    return partner.publicSubKind ? `Acteur public — ${publicSubKindLabel(partner.publicSubKind)}` : 'Acteur public';
  }
  if (partner.kind === 'association') {
    const base = partner.federated ? 'Association fédérée' : 'Association non fédérée';
    return partner.charterSignatory ? `${base}, signataire de la charte` : base;
  }
  return partnerKindLabel(partner.kind);
}

export interface PartnerFormValues {
  name: string;
  kind: PartnerKind;
  publicSubKind: string;
  federated: boolean;
  federationName: string;
  charterSignatory: boolean;
  siret: string;
  rna: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  tags: string;
  notes: string;
}

export function partnerFormValues(partner?: Partner): PartnerFormValues {
  return {
    name: partner?.name ?? '',
    kind: partner?.kind ?? 'association',
    publicSubKind: partner?.publicSubKind ?? '',
    federated: partner?.federated ?? false,
    federationName: partner?.federationName ?? '',
    charterSignatory: partner?.charterSignatory ?? false,
    siret: partner?.siret ?? '',
    rna: partner?.rna ?? '',
    street: partner?.street ?? '',
    postalCode: partner?.postalCode ?? '',
    city: partner?.city ?? '',
    phone: partner?.phone ?? '',
    email: partner?.email ?? '',
    tags: partner?.tags.join(', ') ?? '',
    notes: partner?.notes ?? '',
  };
}

/** Case- and accent-insensitive search over the name, the city, the tags and the kind's label. */
export function matchesPartnerSearch(partner: Partner, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
  const needle = fold(query.trim());
  if (needle === '') return true;
  const haystack = [partner.name, partner.city ?? '', describePartnerKind(partner), ...partner.tags].map(fold).join(' ');
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

// ——— Contacts: several per partner, each with a role in the partnership ———

export const contactSchema = z.object({
  partnerId: z.string({ error: fieldMessage('Partenaire', 'champ obligatoire.') }).min(1, {
    error: fieldMessage('Partenaire', 'champ obligatoire.'),
  }),
  lastName: requiredText('Nom', 100),
  firstName: optionalText('Prénom', 100),
  role: optionalText('Rôle', 100),
  phone: phoneField('Téléphone', { optional: true }),
  email: emailField('Courriel', { optional: true }),
});

export type Contact = z.output<typeof contactSchema>;
export type ContactInput = z.input<typeof contactSchema>;
export type ContactRecord = RecordStamps & Contact;
