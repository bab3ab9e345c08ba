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
  | { type: 'choice'; choices: readonly Choice[]; fallback?: string };

export type ImportField = FieldType & {
  key: string;
  label: string;
  /** Other headers people write for it; the label itself always matches. */
  aliases?: readonly string[];
  required?: boolean;
};

const text = (key: string, label: string, aliases: string[] = [], required = false): ImportField => ({ type: 'text', key, label, aliases, required });
const date = (key: string, label: string, aliases: string[] = [], required = false): ImportField => ({ type: 'date', key, label, aliases, required });
const amount = (key: string, label: string, aliases: string[] = [], required = false): ImportField => ({ type: 'amount', key, label, aliases, required });
const choice = (key: string, label: string, choices: readonly Choice[], aliases: string[] = [], fallback?: string): ImportField => ({
  type: 'choice', key, label, choices, aliases, fallback, required: fallback === undefined,
});

// Contracts and applications name a person or a funder by what people write, not by an id.
const PERSON_LAST = 'person.lastName';
const PERSON_FIRST = 'person.firstName';
const FUNDER_NAME = 'funder.name';

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  people: [
    text('lastName', 'Nom', ['nom de famille'], true),
    text('firstName', 'Prénom', [], true),
    choice('role', 'Statut', PERSON_ROLES, ['salarie ou volontaire'], 'employee'),
    text('jobTitle', 'Fonction', ['poste', 'emploi']),
    text('email', 'Courriel', ['email', 'e mail', 'mail', 'adresse electronique']),
    text('phone', 'Téléphone', ['tel', 'telephone portable', 'portable']),
    date('arrivalDate', 'Date d’arrivée', ['arrivee', 'date d entree', 'entree']),
    text('notes', 'Notes', ['remarques', 'commentaire']),
  ],
  contracts: [
    text(PERSON_LAST, 'Nom', ['nom de famille', 'nom du salarie'], true),
    text(PERSON_FIRST, 'Prénom', [], true),
    choice('kind', 'Type de contrat', CONTRACT_KINDS, ['type', 'contrat', 'nature du contrat']),
    text('cddReason', 'Motif du CDD', ['motif']),
    text('jobTitle', 'Intitulé du poste', ['poste', 'fonction', 'emploi'], true),
    choice('category', 'Catégorie', JOB_CATEGORIES, ['categorie professionnelle'], 'employee'),
    text('classification', 'Groupe et coefficient', ['classification', 'coefficient']),
    date('startDate', 'Date de début', ['debut', 'date d embauche', 'embauche'], true),
    date('plannedEndDate', 'Date de fin prévue', ['fin prevue', 'date de fin', 'fin']),
    date('actualEndDate', 'Date de fin effective', ['fin effective']),
    { type: 'number', key: 'weeklyHours', label: 'Durée hebdomadaire', aliases: ['heures par semaine', 'heures hebdomadaires', 'duree', 'heures'], required: true },
    amount('grossMonthlyCents', 'Salaire brut mensuel', ['salaire brut', 'brut mensuel', 'salaire'], true),
    { type: 'number', key: 'employerChargesRate', label: 'Taux de charges patronales', aliases: ['charges patronales', 'taux de charges'], required: true },
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
  people: readonly { id: string; firstName: string; lastName: string }[];
  funders: readonly { id: string; name: string }[];
  /** Contracts already recorded, for the overlap rule a form applies too (optional: only contracts need it). */
  contracts?: readonly { contract: Contract; amendments: readonly Pick<Amendment, 'newEndDate' | 'effectiveDate'>[] }[];
}

export type RowOutcome =
  | { line: number; ok: true; value: Record<string, unknown>; cells: Record<string, string> }
  | { line: number; ok: false; errors: string[]; cells: Record<string, string> };

function matchChoice(field: ImportField & { type: 'choice' }, cell: string): CellResult<string | undefined> {
  const n = normalizeHeader(cell);
  if (n === '') return { ok: true, value: field.fallback };
  const found = field.choices.find(
    (c) => normalizeHeader(c.label) === n || normalizeHeader(c.value) === n || normalizeHeader(c.label.replace(/\s*\(.*\)$/, '')) === n,
  );
  if (found) return { ok: true, value: found.value };
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

function resolveReferences(kind: ImportKind, input: Record<string, unknown>, refs: ImportReferences, errors: string[]) {
  if (kind === 'contracts') {
    const last = String(input[PERSON_LAST] ?? '').trim();
    const first = String(input[PERSON_FIRST] ?? '').trim();
    delete input[PERSON_LAST];
    delete input[PERSON_FIRST];
    if (last === '' || first === '') {
      errors.push(fieldMessage('Personne', 'indiquez le nom et le prénom d’une personne de l’équipe.'));
      return;
    }
    const found = refs.people.filter((p) => same(p.lastName, last) && same(p.firstName, first));
    if (found.length === 1) input.personId = found[0]!.id;
    else if (found.length === 0) errors.push(fieldMessage('Personne', `${first} ${last} n’est pas dans l’équipe — importez ou créez d’abord la personne.`));
    else errors.push(fieldMessage('Personne', `plusieurs personnes s’appellent ${first} ${last} — saisissez ce contrat depuis sa fiche.`));
  }
  if (kind === 'applications') {
    const name = String(input[FUNDER_NAME] ?? '').trim();
    delete input[FUNDER_NAME];
    if (name === '') {
      errors.push(fieldMessage('Financeur', 'champ obligatoire.'));
      return;
    }
    const found = refs.funders.filter((f) => same(f.name, name));
    if (found.length === 1) input.funderId = found[0]!.id;
    else if (found.length === 0) errors.push(fieldMessage('Financeur', `« ${name} » n’est pas dans l’annuaire des financeurs — importez-le d’abord.`));
    else errors.push(fieldMessage('Financeur', `plusieurs financeurs s’appellent « ${name} ».`));
  }
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
    resolveReferences(kind, input, refs, errors);
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
    outcomes.push(
      errors.length === 0 && parsed.success
        ? { line, ok: true, value: parsed.data as Record<string, unknown>, cells }
        : { line, ok: false, errors, cells },
    );
  });
  return outcomes;
}

/** « Ligne 4 — Date de début : … », one line per problem, as the report lists them. */
export function rowErrorMessages(outcomes: readonly RowOutcome[]): string[] {
  return outcomes.flatMap((o) => (o.ok ? [] : o.errors.map((e) => `Ligne ${o.line} — ${e}`)));
}
