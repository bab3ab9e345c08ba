import { z } from 'zod';
import type { IsoDate } from '../dates';
import { fieldMessage, isoDateField, optionalText, withCrossFieldRules } from '../fields';
import type { RecordStamps } from '../record';
import { fieldIssue } from '../field-issue';

// The association's own pièces justificatives (DOMAIN.md §6, pièces jointes): the dossier checklist asks
// for each of them with its date and whether it is still valid.

export const DOCUMENT_KINDS = [
  { value: 'statutes', label: 'Statuts' },
  { value: 'board-list', label: 'Liste des dirigeants' },
  { value: 'rib', label: 'RIB' },
  { value: 'approved-accounts', label: 'Comptes approuvés' },
  { value: 'auditor-report', label: 'Rapport du commissaire aux comptes' },
  { value: 'activity-report', label: 'Rapport d’activité' },
  { value: 'insurance', label: 'Attestation d’assurance' },
  { value: 'republican-contract', label: 'Contrat d’engagement républicain' },
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]['value'];

const kindValues = DOCUMENT_KINDS.map((k) => k.value) as [DocumentKind, ...DocumentKind[]];

export function documentKindLabel(kind: DocumentKind): string {
  return DOCUMENT_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export const documentSchema = withCrossFieldRules(
  z.object({
    kind: z.enum(kindValues, { error: fieldMessage('Type de pièce', 'choisissez dans la liste.') }),
    title: optionalText('Précision', 200),
    issuedOn: isoDateField('Date du document', { optional: true }),
    validUntil: isoDateField('Valable jusqu’au', { optional: true }),
    notes: optionalText('Notes', 2000),
  }),
  (doc, ctx) => {
    if (doc.issuedOn !== undefined && doc.validUntil !== undefined && doc.validUntil < doc.issuedOn) {
      fieldIssue(ctx, 'validUntil', 'Valable jusqu’au', 'doit être après la date du document.');
    }
  },
);

export type VaultDocument = z.output<typeof documentSchema>;
export type VaultDocumentInput = z.input<typeof documentSchema>;
export type VaultDocumentRecord = RecordStamps & VaultDocument;

/** Expired once its validity end is behind us; a document without one never expires (statuts). */
export function isDocumentExpired(document: Pick<VaultDocument, 'validUntil'>, today: IsoDate): boolean {
  return document.validUntil !== undefined && document.validUntil < today;
}

export function documentTitle(document: Pick<VaultDocument, 'kind' | 'title'>): string {
  const kind = documentKindLabel(document.kind);
  return document.title ? `${kind} — ${document.title}` : kind;
}

export interface DocumentFormValues {
  kind: DocumentKind;
  title: string;
  issuedOn: string;
  validUntil: string;
  notes: string;
}

export function documentFormValues(document?: VaultDocument): DocumentFormValues {
  return {
    kind: document?.kind ?? 'statutes',
    title: document?.title ?? '',
    issuedOn: document?.issuedOn ?? '',
    validUntil: document?.validUntil ?? '',
    notes: document?.notes ?? '',
  };
}
