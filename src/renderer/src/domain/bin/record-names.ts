import { tableLabel } from '../backup/table-labels';

// How the bin and the journal name a record without knowing its entity: the first field that reads like a
// name, in the order an entity would put its own name. Written over field names, not over tables, so that a
// table added later is named without new code; a record with none of these is named by its kind.

type AnyRecord = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Field groups read in order; the first group that yields text names the record. */
const NAME_FIELDS: readonly (readonly string[])[] = [
  ['name'],
  ['firstName', 'lastName'],
  ['lastName'],
  ['title'],
  ['label'],
  ['call'],
  ['reference'],
  ['fileName'],
  ['subject'],
  ['role'],
];

function ownName(record: AnyRecord): string | undefined {
  for (const fields of NAME_FIELDS) {
    // A first name alone does not find a person again: a group counts only when its last field is there.
    if (text(record[fields[fields.length - 1]!]) === undefined) continue;
    return fields
      .map((field) => text(record[field]))
      .filter((part) => part !== undefined)
      .join(' ');
  }
  return undefined;
}

/** What the user would call the record: « Mission locale », « Awa Diop », else its table's label. */
export function readableName(table: string, record: AnyRecord): string {
  return ownName(record) ?? tableLabel(table);
}

interface Noun {
  /** Singular, capitalised as the start of a phrase: « Partenaire ». */
  one: string;
  /** Plural in running text: « contacts ». */
  many: string;
}

// Singular and plural nouns for the bin's summaries (« Partenaire « X » et 2 contacts »). A table missing
// here falls back to its label in table-labels.ts: readable, if not grammatical.
const NOUNS: Record<string, Noun> = {
  association: { one: 'Profil de l’association', many: 'profils de l’association' },
  people: { one: 'Personne', many: 'personnes' },
  contracts: { one: 'Contrat', many: 'contrats' },
  amendments: { one: 'Avenant', many: 'avenants' },
  aidedPosts: { one: 'Poste aidé', many: 'postes aidés' },
  absences: { one: 'Absence', many: 'absences' },
  yearlyFigures: { one: 'Chiffre daté', many: 'chiffres datés' },
  funders: { one: 'Financeur', many: 'financeurs' },
  grantApplications: { one: 'Demande de subvention', many: 'demandes de subvention' },
  payments: { one: 'Versement', many: 'versements' },
  deadlineStates: { one: 'Suivi d’échéance', many: 'suivis d’échéance' },
  partners: { one: 'Partenaire', many: 'partenaires' },
  contacts: { one: 'Contact', many: 'contacts' },
  agreements: { one: 'Convention', many: 'conventions' },
  agreementParties: { one: 'Signataire', many: 'signataires' },
  attachments: { one: 'Fichier joint', many: 'fichiers joints' },
  documents: { one: 'Pièce justificative', many: 'pièces justificatives' },
};

export function recordNoun(table: string): Noun {
  const noun = NOUNS[table];
  if (noun) return noun;
  const label = tableLabel(table);
  return { one: label, many: label.charAt(0).toLowerCase() + label.slice(1) };
}

/** « Partenaire « Mission locale » », or just « Signataire » when the record has no name of its own. */
export function describeRecord(table: string, record: AnyRecord): string {
  const noun = recordNoun(table).one;
  const name = ownName(record);
  return name === undefined ? noun : `${noun} « ${name} »`;
}
