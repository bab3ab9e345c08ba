// What can be imported from a spreadsheet, field by field, and how one row of text becomes a record the
// entity's own schema accepts (DESIGN.md decision 7: the schema that checks the form checks the import).
// Pure: the file is already read into text cells; references (people, funders) are given by the caller.

import type { z } from 'zod';
import { fieldMessage } from '../fields';
import { FILING_PORTALS, FUNDER_KINDS, funderSchema } from '../funding/funder';
import { GRANT_STATUSES, PURPOSES, grantApplicationSchema } from '../funding/grant-application';
import { PARTNER_KINDS, PUBLIC_SUB_KINDS, partnerSchema } from '../partners/partner';
import type { Amendment } from '../team/amendment';
import { CONTRACT_KINDS, JOB_CATEGORIES, contractSchema, type Contract } from '../team/contract';
import { CONTRACT_KIND_RULES } from '../team/contract-kinds';
import { contractOverlapProblems } from '../team/contract-checks';
import { PERSON_ROLES, personSchema } from '../team/person';
import { frenchAmountToCents, frenchDateToIso, frenchNumber, frenchYesNo, normalizeHeader, type CellResult } from './french-cells';

export type ImportKind = 'people' | 'contracts' | 'funders' | 'applications' | 'partners';

export const IMPORT_KINDS: readonly { value: ImportKind; label: string }[] = [
  { value: 'people', label: 'Des personnes de l’équipe' },
  { value: 'contracts', label: 'Des contrats' },
  { value: 'funders', label: 'Des financeurs' },
  { value: 'applications', label: 'Des demandes de subvention' },
  { value: 'partners', label: 'Des partenaires' },
];

type Choice = { readonly value: string; readonly label: string };

type FieldType =
  | { type: 'text' }
  | { type: 'date' }
  | { type: 'amount' }
  | { type: 'number' }
  | { type: 'yesno' }
  | { type: 'choice'; choices: readonly Choice[]; fallback?: string; valueAliases?: Readonly<Record<string, string>> };

export type ImportField = FieldType & {
  key: string;
  label: string;
  /** Other headers people write for it; the label itself always matches. */
  aliases?: readonly string[];
  required?: boolean;
};

const text = (key: string, label: string, aliases: string[] = [], required = false): ImportField => ({
  type: 'text',
  key,
  label,
  aliases,
  required,
});
const date = (key: string, label: string, aliases: string[] = [], required = false): ImportField => ({
  type: 'date',
  key,
  label,
  aliases,
  required,
});
const amount = (key: string, label: string, aliases: string[] = [], required = false): ImportField => ({
  type: 'amount',
  key,
  label,
  aliases,
  required,
});
const choice = (
  key: string,
  label: string,
  choices: readonly Choice[],
  aliases: string[] = [],
  fallback?: string,
  valueAliases?: Readonly<Record<string, string>>,
): ImportField => ({
  type: 'choice',
  key,
  label,
  choices,
  aliases,
  fallback,
  required: fallback === undefined,
  ...(valueAliases ? { valueAliases } : {}),
});

/**
 * What people write for a contract kind in their own lists (normalized as headers are). The CAE and the
 * CUI are the PEC's former names: the contrat unique d'insertion (L5134-19-1) is what a PEC is signed as.
 */
const CONTRACT_KIND_ALIASES: Readonly<Record<string, string>> = {
  cae: 'pec',
  cui: 'pec',
  'cui cae': 'pec',
  'contrat aide': 'pec',
  'parcours emploi competences': 'pec',
  'contrat a duree indeterminee': 'cdi',
  'contrat a duree determinee': 'cdd',
  apprentissage: 'apprenticeship',
  apprenti: 'apprenticeship',
  professionnalisation: 'professionalisation',
  'contrat pro': 'professionalisation',
  'service civique': 'civic-service',
  'adulte relais': 'adulte-relais',
};

// Contracts and applications name a person or a funder by what people write, not by an id.
const PERSON_LAST = 'person.lastName';
const PERSON_FIRST = 'person.firstName';
const PERSON_EMAIL = 'person.email';
const FUNDER_NAME = 'funder.name';

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  people: [
    text(
      'lastName',
      'Nom',
      ['nom de famille', 'nom du salarie', 'nom de la salariee', 'nom du salarie e', 'nom de l agent', 'nom usuel'],
      true,
    ),
    text('firstName', 'Prénom', ['prenom du salarie', 'prenom de la salariee', 'prenom du salarie e'], true),
    choice('role', 'Statut', PERSON_ROLES, ['salarie ou volontaire'], 'employee'),
    text('jobTitle', 'Fonction', ['poste', 'emploi']),
    text('email', 'Courriel', ['email', 'e mail', 'mail', 'adresse electronique']),
    text('phone', 'Téléphone', ['tel', 'telephone portable', 'portable']),
    date('arrivalDate', 'Date d’arrivée', ['arrivee', 'date d entree', 'entree']),
    text('notes', 'Notes', ['remarques', 'commentaire']),
  ],
  contracts: [
    text(PERSON_LAST, 'Nom', ['nom de famille', 'nom du salarie', 'nom de la salariee', 'nom du salarie e', 'nom usuel'], true),
    text(PERSON_FIRST, 'Prénom', ['prenom du salarie', 'prenom de la salariee', 'prenom du salarie e'], true),
    text(PERSON_EMAIL, 'Courriel de la personne', ['courriel', 'email', 'e mail', 'mail', 'adresse electronique']),
    choice(
      'kind',
      'Type de contrat',
      CONTRACT_KINDS,
      ['type', 'contrat', 'nature du contrat', 'type de contrat de travail'],
      undefined,
      CONTRACT_KIND_ALIASES,
    ),
    text('cddReason', 'Motif du CDD', ['motif']),
    text('jobTitle', 'Intitulé du poste', ['poste', 'fonction', 'emploi'], true),
    choice('category', 'Catégorie', JOB_CATEGORIES, ['categorie professionnelle'], 'employee'),
    text('classification', 'Groupe et coefficient', ['classification', 'coefficient']),
    date('startDate', 'Date de début', ['debut', 'date d embauche', 'embauche', 'date d entree', 'entree', 'debut du contrat'], true),
    date('plannedEndDate', 'Date de fin prévue', ['fin prevue', 'date de fin', 'fin']),
    date('actualEndDate', 'Date de fin effective', ['fin effective']),
    {
      type: 'number',
      key: 'weeklyHours',
      label: 'Durée hebdomadaire',
      aliases: [
        'heures par semaine',
        'heures hebdomadaires',
        'heures semaine',
        'h semaine',
        'heures hebdo',
        'duree hebdo',
        'duree du travail',
        'temps de travail',
        'duree',
        'heures',
      ],
      required: true,
    },
    amount(
      'grossMonthlyCents',
      'Salaire brut mensuel',
      ['salaire brut', 'brut mensuel', 'salaire mensuel brut', 'remuneration brute', 'salaire'],
      true,
    ),
    {
      type: 'number',
      key: 'employerChargesRate',
      label: 'Taux de charges patronales',
      aliases: ['charges patronales', 'taux de charges'],
      required: true,
    },
    text('notes', 'Notes', ['remarques', 'commentaire']),
  ],
  funders: [
    text('name', 'Nom du financeur', ['nom', 'financeur'], true),
    choice('kind', 'Type de financeur', FUNDER_KINDS, ['type']),
    text('service', 'Service instructeur', ['service']),
    choice('portal', 'Portail de dépôt', FILING_PORTALS, ['portail', 'depot'], 'paper'),
    text('contactName', 'Contact', ['nom du contact', 'interlocuteur']),
    text('contactEmail', 'Courriel du contact', ['courriel', 'email', 'mail']),
    text('contactPhone', 'Téléphone du contact', ['telephone', 'tel']),
    text('notes', 'Notes', ['remarques', 'commentaire']),
  ],
  applications: [
    text(FUNDER_NAME, 'Financeur', ['nom du financeur'], true),
    text('title', 'Appel à projets ou dispositif', ['intitule', 'titre', 'dispositif', 'appel a projets', 'demande'], true),
    text('projects', 'Actions financées', ['actions', 'projet']),
    choice('purpose', 'Objet de la demande', PURPOSES, ['objet'], 'project'),
    { type: 'yesno', key: 'renewal', label: 'Renouvellement', aliases: [] },
    { type: 'yesno', key: 'multiYear', label: 'Pluriannuelle (CPO)', aliases: ['pluriannuelle', 'cpo'] },
    date('periodStart', 'Début de la période', ['debut', 'date de debut'], true),
    date('periodEnd', 'Fin de la période', ['fin', 'date de fin'], true),
    date('filingDeadline', 'Date limite de dépôt', ['date limite']),
    choice('status', 'Statut', GRANT_STATUSES, ['etat'], 'to-prepare'),
    date('filedOn', 'Date de dépôt', ['deposee le']),
    date('decidedOn', 'Date de décision', ['decision']),
    amount('requestedCents', 'Montant demandé', ['demande', 'montant'], true),
    amount('grantedCents', 'Montant accordé', ['accorde']),
    amount('agreedCents', 'Montant conventionné', ['conventionne']),
    text('dauphinRef', 'Numéro Dauphin', ['dauphin']),
    text('notes', 'Notes', ['remarques', 'commentaire']),
  ],
  partners: [
    text('name', 'Nom du partenaire', ['nom', 'partenaire', 'structure'], true),
    choice('kind', 'Type de partenaire', PARTNER_KINDS, ['type']),
    choice('publicSubKind', 'Catégorie d’acteur public', PUBLIC_SUB_KINDS, ['categorie'], ''),
    text('siret', 'SIRET', ['numero siret']),
    text('rna', 'Numéro RNA', ['rna']),
    text('street', 'Adresse', ['rue']),
    text('postalCode', 'Code postal', ['cp']),
    text('city', 'Commune', ['ville']),
    text('phone', 'Téléphone', ['tel']),
    text('email', 'Courriel', ['email', 'mail']),
    text('tags', 'Étiquettes', ['mots cles', 'tags']),
    text('notes', 'Notes', ['remarques', 'commentaire']),
  ],
};

const SCHEMAS: Record<ImportKind, z.ZodType> = {
  people: personSchema,
  contracts: contractSchema,
  funders: funderSchema,
  applications: grantApplicationSchema,
  partners: partnerSchema,
};

/** Field key → index of the file's column, or null for « not in the file ». */
export type ColumnMapping = Record<string, number | null>;

/**
 * Pre-fills the mapping: a column whose header is the field's label or one of its aliases, accents, case
 * and punctuation ignored. Exact labels win over aliases, and a column serves one field only.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const fields = IMPORT_FIELDS[kind];
  for (const pass of ['label', 'alias'] as const) {
    for (const field of fields) {
      if (mapping[field.key] !== undefined && mapping[field.key] !== null) continue;
      const names = pass === 'label' ? [field.label] : (field.aliases ?? []);
      const wanted = new Set(names.map(normalizeHeader));
      const index = normalized.findIndex((h, i) => !used.has(i) && wanted.has(h));
      mapping[field.key] = index === -1 ? null : index;
      if (index !== -1) used.add(index);
    }
  }
  return mapping;
}

/** The fields a file must provide, phrased for the mapping step; empty when the mapping is complete. */
export function missingRequiredFields(kind: ImportKind, mapping: ColumnMapping): string[] {
  return IMPORT_FIELDS[kind].filter((f) => f.required === true && (mapping[f.key] ?? null) === null).map((f) => f.label);
}

export interface ImportReferences {
  people: readonly TeamMember[];
  funders: readonly { id: string; name: string }[];
  /** Contracts already recorded, for the overlap rule a form applies too (optional: only contracts need it). */
  contracts?: readonly { contract: Contract; amendments: readonly Pick<Amendment, 'newEndDate' | 'effectiveDate'>[] }[];
}

export interface TeamMember {
  id: string;
  firstName: string;
  lastName: string;
  email?: string | undefined;
}

/** A person of the file found in the team: by e-mail, or by name where one side has no e-mail. */
export interface TeamMatch {
  id: string;
  name: string;
  by: 'email' | 'name';
}

/** A person a contract row names who is not in the team yet: created by the same import. */
export interface NewPerson {
  /** Shared by every row of the file naming the same person, so that she is created once. */
  key: string;
  lastName: string;
  firstName: string;
  email?: string;
  role: 'employee' | 'volunteer';
  jobTitle?: string;
}

export type RowOutcome =
  | {
      line: number;
      ok: true;
      value: Record<string, unknown>;
      cells: Record<string, string>;
      /** People: this row is a person already in the team. */
      existing?: TeamMatch;
      /** Contracts: the person is created along with the contract. */
      newPerson?: NewPerson;
    }
  | { line: number; ok: false; errors: string[]; cells: Record<string, string> };

/** The personId a contract row carries until its new person is created (never stored). */
export const NEW_PERSON_PREFIX = 'nouvelle-personne:';

const normalEmail = (email: string | undefined) => (email ?? '').trim().toLowerCase();
const nameKey = (lastName: string, firstName: string) => `${normalizeHeader(lastName)}|${normalizeHeader(firstName)}`;

/**
 * The team member a row stands for. The same e-mail is the same person whatever the spelling of her name
 * (a married name); the same name is the same person unless both have an e-mail and they differ (a
 * namesake). Passerelle keeps no birth date (person.ts), so the name and the e-mail are all there is.
 * Several members of that name and no e-mail to tell them apart: `ambiguous`.
 */
export function matchTeamMember(
  row: { lastName: string; firstName: string; email?: string | undefined },
  team: readonly TeamMember[],
): { match: TeamMember; by: 'email' | 'name' } | 'ambiguous' | undefined {
  const email = normalEmail(row.email);
  if (email !== '') {
    const byEmail = team.filter((m) => normalEmail(m.email) === email);
    if (byEmail.length === 1) return { match: byEmail[0]!, by: 'email' };
    if (byEmail.length > 1) return 'ambiguous';
  }
  const key = nameKey(row.lastName, row.firstName);
  const byName = team.filter(
    (m) => nameKey(m.lastName, m.firstName) === key && (email === '' || normalEmail(m.email) === '' || normalEmail(m.email) === email),
  );
  if (byName.length === 1) return { match: byName[0]!, by: 'name' };
  return byName.length > 1 ? 'ambiguous' : undefined;
}

function matchChoice(field: ImportField & { type: 'choice' }, cell: string): CellResult<string | undefined> {
  const n = normalizeHeader(cell);
  if (n === '') return { ok: true, value: field.fallback };
  const found = field.choices.find(
    (c) => normalizeHeader(c.label) === n || normalizeHeader(c.value) === n || normalizeHeader(c.label.replace(/\s*\(.*\)$/, '')) === n,
  );
  if (found) return { ok: true, value: found.value };
  const aliased = field.valueAliases?.[n];
  if (aliased !== undefined) return { ok: true, value: aliased };
  const listed = field.choices.map((c) => c.label.replace(/\s*\(.*\)$/, '')).join(', ');
  return { ok: false, problem: `« ${cell.trim()} » n’est pas dans la liste (${listed}).` };
}

function convertCell(field: ImportField, cell: string): CellResult<unknown> {
  switch (field.type) {
    case 'text':
      return { ok: true, value: cell };
    case 'date': {
      const result = frenchDateToIso(cell);
      // The schema says « champ obligatoire » for a missing required date; '' keeps that path.
      return result.ok ? { ok: true, value: result.value ?? '' } : result;
    }
    case 'amount':
      return frenchAmountToCents(cell);
    case 'number':
      return frenchNumber(cell);
    case 'yesno':
      return frenchYesNo(cell);
    case 'choice':
      return matchChoice(field, cell);
  }
}

const same = (a: string, b: string) => normalizeHeader(a) === normalizeHeader(b);

function resolveReferences(
  kind: ImportKind,
  input: Record<string, unknown>,
  refs: ImportReferences,
  errors: string[],
): NewPerson | undefined {
  if (kind === 'contracts') {
    const last = String(input[PERSON_LAST] ?? '').trim();
    const first = String(input[PERSON_FIRST] ?? '').trim();
    const email = String(input[PERSON_EMAIL] ?? '').trim();
    delete input[PERSON_LAST];
    delete input[PERSON_FIRST];
    delete input[PERSON_EMAIL];
    if (last === '' || first === '') {
      errors.push(fieldMessage('Personne', 'indiquez le nom et le prénom d’une personne de l’équipe.'));
      return undefined;
    }
    const found = matchTeamMember({ lastName: last, firstName: first, email }, refs.people);
    if (found === 'ambiguous') {
      errors.push(
        fieldMessage(
          'Personne',
          `plusieurs personnes s’appellent ${first} ${last} — ajoutez une colonne Courriel, ou saisissez ce contrat depuis sa fiche.`,
        ),
      );
      return undefined;
    }
    if (found !== undefined) {
      input.personId = found.match.id;
      return undefined;
    }
    // Not in the team: the same import creates her (one line per employee needs one pass, not two).
    const key = `${NEW_PERSON_PREFIX}${email !== '' ? normalEmail(email) : nameKey(last, first)}`;
    input.personId = key;
    const kindRule =
      typeof input.kind === 'string' ? (CONTRACT_KIND_RULES as Record<string, { employment: boolean }>)[input.kind] : undefined;
    return {
      key,
      lastName: last,
      firstName: first,
      ...(email !== '' ? { email } : {}),
      role: kindRule?.employment === false ? 'volunteer' : 'employee',
      ...(typeof input.jobTitle === 'string' && input.jobTitle.trim() !== '' ? { jobTitle: input.jobTitle.trim() } : {}),
    };
  }
  if (kind === 'applications') {
    const name = String(input[FUNDER_NAME] ?? '').trim();
    delete input[FUNDER_NAME];
    if (name === '') {
      errors.push(fieldMessage('Financeur', 'champ obligatoire.'));
      return undefined;
    }
    const found = refs.funders.filter((f) => same(f.name, name));
    if (found.length === 1) input.funderId = found[0]!.id;
    else if (found.length === 0)
      errors.push(fieldMessage('Financeur', `« ${name} » n’est pas dans l’annuaire des financeurs — importez-le d’abord.`));
    else errors.push(fieldMessage('Financeur', `plusieurs financeurs s’appellent « ${name} ».`));
  }
  return undefined;
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/**
 * Checks every data row of a file: its cells through the mapping, converted from the French way of writing
 * them, then the entity's schema. `firstLine` is the spreadsheet line of `rows[0]` (2 below a header line)
 * so that « Ligne 4 » is the line the user sees in their spreadsheet. Blank rows are skipped.
 */
export function validateImportRows(
  kind: ImportKind,
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  refs: ImportReferences,
  firstLine = 2,
): RowOutcome[] {
  const fields = IMPORT_FIELDS[kind];
  const outcomes: RowOutcome[] = [];
  rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const line = firstLine + index;
    const cells: Record<string, string> = {};
    const input: Record<string, unknown> = {};
    const errors: string[] = [];
    for (const field of fields) {
      const column = mapping[field.key] ?? null;
      const cell = column === null ? '' : (row[column] ?? '').trim();
      cells[field.key] = cell;
      if (column === null && field.type === 'text' && field.required !== true) continue;
      const converted = convertCell(field, cell);
      if (converted.ok) {
        if (converted.value !== undefined) input[field.key] = converted.value;
      } else errors.push(fieldMessage(field.label, converted.problem));
    }
    const newPerson = resolveReferences(kind, input, refs, errors);
    const parsed = SCHEMAS[kind].safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.');
        // A cell that failed conversion already has its message; the schema would only repeat it.
        if (fields.some((f) => f.key === key && errors.some((e) => e.startsWith(`${f.label}\u00a0:`)))) continue;
        // An unresolved person or funder was reported by name above.
        if ((key === 'personId' || key === 'funderId') && input[key] === undefined) continue;
        if (!errors.includes(issue.message)) errors.push(issue.message);
      }
    }
    if (kind === 'contracts' && errors.length === 0 && parsed.success) {
      // Same rule as the contract form, against the recorded contracts and the rows accepted above.
      const contract = parsed.data as Contract;
      const accepted = outcomes.flatMap((o) => (o.ok ? [{ contract: o.value as Contract, amendments: [] }] : []));
      errors.push(...Object.values(contractOverlapProblems(contract, [...(refs.contracts ?? []), ...accepted])));
    }
    let existing: TeamMatch | undefined;
    if (kind === 'people' && errors.length === 0 && parsed.success) {
      const person = parsed.data as { lastName: string; firstName: string; email?: string };
      // The same person twice in the file is reported, not imported twice.
      const earlier = outcomes.find(
        (o) =>
          o.ok &&
          matchTeamMember(person, [{ id: String(o.line), ...(o.value as { lastName: string; firstName: string; email?: string }) }]) !==
            undefined,
      );
      if (earlier)
        errors.push(fieldMessage('Personne', `${person.firstName} ${person.lastName} est déjà à la ligne ${earlier.line} du fichier.`));
      const found = matchTeamMember(person, refs.people);
      if (found === 'ambiguous') {
        errors.push(
          fieldMessage(
            'Personne',
            `plusieurs personnes de l’équipe s’appellent ${person.firstName} ${person.lastName} — ajoutez une colonne Courriel pour les distinguer.`,
          ),
        );
      } else if (found !== undefined) {
        existing = { id: found.match.id, name: `${found.match.firstName} ${found.match.lastName}`, by: found.by };
      }
    }
    outcomes.push(
      errors.length === 0 && parsed.success
        ? {
            line,
            ok: true,
            value: parsed.data as Record<string, unknown>,
            cells,
            ...(existing ? { existing } : {}),
            ...(newPerson ? { newPerson } : {}),
          }
        : { line, ok: false, errors, cells },
    );
  });
  return outcomes;
}

/** « Ligne 4 — Date de début : … », one line per problem, as the report lists them. */
export function rowErrorMessages(outcomes: readonly RowOutcome[]): string[] {
  return outcomes.flatMap((o) => (o.ok ? [] : o.errors.map((e) => `Ligne ${o.line} — ${e}`)));
}

export type ExistingChoice = 'update' | 'skip';

/** What an import will write, for its button and its report: only what will be written is counted. */
export interface ImportPlan {
  /** New records. */
  create: number;
  /** People already in the team whose record the file updates. */
  update: number;
  /** People already in the team left as they are. */
  unchanged: number;
  /** People a contracts file creates along with their contracts. */
  newPeople: number;
  /** Rows in error: left out when skipped, otherwise they stop the whole import. */
  bad: number;
  /** Nothing will be written: rows in error not skipped, or nothing to write. */
  blocked: boolean;
}

export function importPlan(outcomes: readonly RowOutcome[], options: { skipInvalid: boolean; existing: ExistingChoice }): ImportPlan {
  const bad = outcomes.filter((o) => !o.ok).length;
  const good = outcomes.filter((o): o is Extract<RowOutcome, { ok: true }> => o.ok);
  const matched = good.filter((o) => o.existing !== undefined).length;
  const update = options.existing === 'update' ? matched : 0;
  const create = good.length - matched;
  const newPeople = new Set(good.flatMap((o) => (o.newPerson ? [o.newPerson.key] : []))).size;
  const blocked = (bad > 0 && !options.skipInvalid) || create + update === 0;
  return { create, update, unchanged: matched - update, newPeople, bad, blocked };
}
