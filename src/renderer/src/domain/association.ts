import { z } from 'zod';
import {
  alsaceMoselleRegisterField,
  emailField,
  fieldMessage,
  isoDateField,
  nonNegativeIntField,
  optionalText,
  phoneField,
  postalCodeField,
  requiredText,
  rnaField,
  siretField,
  withCrossFieldRules,
} from './fields';
import type { RecordStamps } from './record';
import { fieldIssue } from './field-issue';

// The association profile: the identity part of the grant dossier (Cerfa 12156*06 §1–§3, DOMAIN.md §2).
// Everything but the name may stay empty for a while: a coordinator fills it in over several sittings, and
// the dossier checklist later says what a funder still needs.

function optionalPattern(label: string, pattern: RegExp, hint: string) {
  return optionalText(label, 100).refine((value) => value === undefined || pattern.test(value), {
    error: fieldMessage(label, hint),
  });
}

function websiteField(label: string) {
  return optionalText(label, 300)
    .transform((value) => {
      if (value === undefined) return undefined;
      return /^https?:\/\//i.test(value) ? value : `https://${value}`;
    })
    .refine(
      (value) => {
        if (value === undefined) return true;
        try {
          const url = new URL(value);
          return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
        } catch {
          return false;
        }
      },
      { error: fieldMessage(label, 'adresse de site invalide (ex. www.mon-asso.fr).') },
    );
}

function addressSchema(place: string) {
  return z.object({
    street: optionalText(`Adresse ${place}`, 300),
    postalCode: postalCodeField(`Code postal ${place}`, { optional: true }),
    city: optionalText(`Commune ${place}`, 100),
  });
}

function contactPersonSchema(who: string) {
  return z.object({
    lastName: optionalText(`Nom ${who}`, 100),
    firstName: optionalText(`Prénom ${who}`, 100),
    role: optionalText(`Fonction ${who}`, 100),
    phone: phoneField(`Téléphone ${who}`, { optional: true }),
    email: emailField(`Courriel ${who}`, { optional: true }),
  });
}

export const COLLECTIVE_AGREEMENTS = [
  { value: 'none', label: 'Aucune convention collective' },
  { value: '1518', label: 'ÉCLAT (IDCC 1518) — animation' },
  { value: '1261', label: 'ALISFA (IDCC 1261) — acteurs du lien social et familial' },
  { value: 'other', label: 'Autre (préciser l’IDCC)' },
] as const;

export type CollectiveAgreement = (typeof COLLECTIVE_AGREEMENTS)[number]['value'];

const collectiveAgreementValues = COLLECTIVE_AGREEMENTS.map((c) => c.value) as [CollectiveAgreement, ...CollectiveAgreement[]];

const approvalSchema = z.object({
  type: requiredText('Type d’agrément', 200),
  issuer: optionalText('Agrément attribué par', 200),
  date: isoDateField('Date de l’agrément', { optional: true }),
  number: optionalText('Numéro de l’agrément', 100),
});

// The 2015 map's codes are QP + 6 digits (QP093028); the 2024 map's format is not confirmed (DOMAIN.md §9),
// so any short code of capitals and digits starting with Q is accepted.
const QPV_CODE = /^Q[A-Z0-9]{4,10}$/;

const qpvSchema = z.object({
  code: requiredText('Code du quartier prioritaire', 20)
    .transform((code) => code.replace(/\s/g, '').toUpperCase())
    .refine((code) => QPV_CODE.test(code), {
      error: fieldMessage('Code du quartier prioritaire', 'un code comme QP093028 est attendu.'),
    }),
  name: optionalText('Nom du quartier prioritaire', 200),
});

export const associationProfileSchema = withCrossFieldRules(
  z.object({
    name: requiredText('Nom de l’association', 200),
    acronym: optionalText('Sigle', 50),
    website: websiteField('Site internet'),
    purpose: optionalText('Objet de l’association', 2000),
    siret: siretField('SIRET', { optional: true }),
    rna: rnaField('Numéro RNA', { optional: true }),
    alsaceMoselle: z.boolean().default(false),
    localRegister: alsaceMoselleRegisterField('Numéro au registre du tribunal', { optional: true }),
    inseeCode: optionalPattern(
      'Code INSEE de la commune du siège',
      /^(\d{5}|2[AB]\d{3})$/,
      '5 caractères attendus (ex. 93066, ou 2A004 en Corse).',
    ),
    headOffice: addressSchema('du siège'),
    correspondenceSameAsHeadOffice: z.boolean().default(true),
    correspondence: addressSchema('de correspondance'),
    legalRepresentative: contactPersonSchema('du représentant légal'),
    dossierContact: contactPersonSchema('de la personne chargée du dossier'),
    approvals: z.array(approvalSchema).max(50).default([]),
    publicUtility: z.boolean().default(false),
    publicUtilityDate: isoDateField('Date de publication au Journal officiel (RUP)', { optional: true }),
    hasAuditor: z.boolean().default(false),
    subjectToCommercialTax: z.boolean().default(false),
    federated: z.boolean().default(false),
    federationName: optionalText('Réseau, union ou fédération', 200),
    charterSignatory: z.boolean().default(false),
    membersPersons: nonNegativeIntField('Adhérents personnes physiques', { optional: true }),
    membersLegalEntities: nonNegativeIntField('Adhérents personnes morales', { optional: true }),
    // Moyens humains (Cerfa §4) that the Équipe records cannot tell: one current figure each, entered by
    // the user. The volunteers' figure, when entered, replaces the count of service-civique engagements.
    volunteersCount: nonNegativeIntField('Nombre de bénévoles', { optional: true }),
    civicVolunteersCount: nonNegativeIntField('Nombre de volontaires', { optional: true }),
    secondedStaffCount: nonNegativeIntField('Personnel mis à disposition', { optional: true }),
    exerciseStart: isoDateField('Début de l’exercice', { optional: true }),
    exerciseEnd: isoDateField('Fin de l’exercice', { optional: true }),
    // The general assembly that approved the last accounts: publication is due 3 months after it (L612-4,
    // D612-5 Code de commerce). Without it, approval is taken at the legal latest, exercise end + 6 months.
    accountsApprovedOn: isoDateField('Date d’approbation des derniers comptes (assemblée générale)', { optional: true }),
    collectiveAgreement: z.enum(collectiveAgreementValues).default('none'),
    otherIdcc: optionalPattern('Numéro IDCC', /^\d{1,4}$/, 'de 1 à 4 chiffres (ex. 1518).'),
    qpvs: z.array(qpvSchema).max(50).default([]),
  }),
  (profile, ctx) => {
    if (profile.federated && profile.federationName === undefined) {
      fieldIssue(ctx, 'federationName', 'Réseau, union ou fédération', 'indiquez son nom, ou décochez « affiliée ».');
    }
    if (profile.exerciseStart && profile.exerciseEnd && profile.exerciseEnd <= profile.exerciseStart) {
      fieldIssue(ctx, 'exerciseEnd', 'Fin de l’exercice', 'doit être après le début de l’exercice.');
    }
    if (profile.collectiveAgreement === 'other' && profile.otherIdcc === undefined) {
      fieldIssue(ctx, 'otherIdcc', 'Numéro IDCC', 'précisez le numéro de la convention collective.');
    }
    if (profile.alsaceMoselle && profile.localRegister === undefined && profile.rna === undefined) {
      fieldIssue(ctx, 'localRegister', 'Numéro au registre du tribunal', 'indiquez-le pour une association d’Alsace-Moselle.');
    }
  },
);

export type AssociationProfile = z.output<typeof associationProfileSchema>;
export type AssociationProfileInput = z.input<typeof associationProfileSchema>;
export type AssociationProfileRecord = RecordStamps & AssociationProfile;

/** The profile of a newly created espace: only its name is known. */
export function emptyAssociationProfile(name: string): AssociationProfile {
  return associationProfileSchema.parse({
    name,
    headOffice: {},
    correspondence: {},
    legalRepresentative: {},
    dossierContact: {},
  });
}

type Blankable<T> = T extends readonly (infer Item)[]
  ? Blankable<Item>[]
  : T extends boolean
    ? boolean
    : T extends object
      ? { [K in keyof T]-?: Blankable<T[K]> }
      : string;

/** What a form shows: every text as a string, '' for what is not filled in. */
export type AssociationFormValues = Blankable<Omit<AssociationProfile, 'collectiveAgreement'>> & {
  collectiveAgreement: CollectiveAgreement;
};

function blankAddress(a: AssociationProfile['headOffice'] | undefined) {
  return { street: a?.street ?? '', postalCode: a?.postalCode ?? '', city: a?.city ?? '' };
}

function blankPerson(p: AssociationProfile['legalRepresentative'] | undefined) {
  return {
    lastName: p?.lastName ?? '',
    firstName: p?.firstName ?? '',
    role: p?.role ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
  };
}

const text = (value: string | number | undefined) => (value === undefined ? '' : String(value));

export function associationFormValues(profile: AssociationProfile): AssociationFormValues {
  return {
    name: profile.name,
    acronym: text(profile.acronym),
    website: text(profile.website),
    purpose: text(profile.purpose),
    siret: text(profile.siret),
    rna: text(profile.rna),
    alsaceMoselle: profile.alsaceMoselle,
    localRegister: text(profile.localRegister),
    inseeCode: text(profile.inseeCode),
    headOffice: blankAddress(profile.headOffice),
    correspondenceSameAsHeadOffice: profile.correspondenceSameAsHeadOffice,
    correspondence: blankAddress(profile.correspondence),
    legalRepresentative: blankPerson(profile.legalRepresentative),
    dossierContact: blankPerson(profile.dossierContact),
    approvals: profile.approvals.map((a) => ({
      type: a.type,
      issuer: text(a.issuer),
      date: text(a.date),
      number: text(a.number),
    })),
    publicUtility: profile.publicUtility,
    publicUtilityDate: text(profile.publicUtilityDate),
    hasAuditor: profile.hasAuditor,
    subjectToCommercialTax: profile.subjectToCommercialTax,
    federated: profile.federated,
    federationName: text(profile.federationName),
    charterSignatory: profile.charterSignatory,
    membersPersons: text(profile.membersPersons),
    membersLegalEntities: text(profile.membersLegalEntities),
    volunteersCount: text(profile.volunteersCount),
    civicVolunteersCount: text(profile.civicVolunteersCount),
    secondedStaffCount: text(profile.secondedStaffCount),
    exerciseStart: text(profile.exerciseStart),
    exerciseEnd: text(profile.exerciseEnd),
    accountsApprovedOn: text(profile.accountsApprovedOn),
    collectiveAgreement: profile.collectiveAgreement,
    otherIdcc: text(profile.otherIdcc),
    qpvs: profile.qpvs.map((q) => ({ code: q.code, name: text(q.name) })),
  };
}
