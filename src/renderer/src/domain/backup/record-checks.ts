import { z } from 'zod';
import { associationProfileSchema } from '../association';
import { describeRecord } from '../bin/record-names';
import { budgetLineSchema, budgetSchema } from '../budgets/budget';
import { formatDateShort, isIsoDate } from '../dates';
import { dossierSnapshotSchema } from '../dossier/dossier-snapshot';
import { financialReportSchema } from '../dossier/financial-report';
import { cashLineSchema } from '../treasury/cash-line';
import { funderSchema } from '../funding/funder';
import { grantApplicationSchema } from '../funding/grant-application';
import { paymentSchema } from '../funding/payment';
import { agreementSchema } from '../partners/agreement';
import { documentSchema } from '../association/document';
import { contactSchema, partnerSchema } from '../partners/partner';
import { projectSchema, projectStaffSchema } from '../projects/project';
import { aidedPostSchema } from '../team/aided-post';
import { absenceSchema } from '../team/absence';
import { yearlyFigureSchema } from '../yearly-figures';
import { amendmentSchema } from '../team/amendment';
import { contractSchema } from '../team/contract';
import { personSchema } from '../team/person';
import { tableLabel } from './table-labels';

// Before a restore writes anything, every record of the backup goes through the schema its screens save
// with (DESIGN.md decisions 7 and 15): a backup edited by hand, or written by a faulty version, must not
// bring back a negative amount or an impossible date that the dashboard would then trip on. The record is
// restored as it was stored; the schema only says whether it may be.

const isoDateTime = z.iso.datetime({ offset: true });

/** What every stored entity record carries (DESIGN.md decision 6). */
const stampsSchema = z.object({
  id: z.string().min(1).max(200),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});

const stampFieldLabels: Record<string, string> = {
  id: 'Identifiant',
  createdAt: 'Date de création',
  updatedAt: 'Date de modification',
  deletedAt: 'Date de mise à la corbeille',
};

type Check = (record: Record<string, unknown>) => z.ZodSafeParseResult<unknown>;

const entity =
  (schema: z.ZodType, adapt: (record: Record<string, unknown>) => unknown = (r) => r): Check =>
  (record) => {
    const stamps = stampsSchema.safeParse(record);
    if (!stamps.success) return stamps;
    return schema.safeParse(adapt(record));
  };

/** A file travels as its own entry; inside the record it is a Blob again by the time it is checked. */
const attachmentSchema = z.object({
  ownerId: z.string().min(1).max(200),
  fileName: z.string().min(1).max(500),
  mimeType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  size: z.number().int().min(0),
  data: z.instanceof(Blob),
  paperKind: z.string().max(100).optional(),
  validUntil: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

const journalSchema = z.object({
  id: z.string().min(1).max(200),
  at: isoDateTime,
  table: z.string().min(1).max(100),
  recordId: z.string().max(500),
  summary: z.string().max(2000),
});

const keyed = z.object({ key: z.string().min(1).max(500) });

const CHECKS: Record<string, Check> = {
  association: (record) => {
    const id = z.object({ id: z.string().min(1) }).safeParse(record);
    return id.success ? associationProfileSchema.safeParse(record) : id;
  },
  meta: (record) => keyed.safeParse(record),
  deadlineStates: (record) => keyed.safeParse(record),
  people: entity(personSchema),
  contracts: entity(contractSchema),
  amendments: entity(amendmentSchema),
  aidedPosts: entity(aidedPostSchema),
  funders: entity(funderSchema),
  grantApplications: entity(grantApplicationSchema),
  payments: entity(paymentSchema),
  partners: entity(partnerSchema),
  contacts: entity(contactSchema),
  // The stored agreement keeps its signatories in agreementParties, not in partnerIds.
  agreements: entity(agreementSchema, (record) => ({ ...record, partnerIds: ['agreementParties'] })),
  agreementParties: entity(z.object({ agreementId: z.string().min(1), partnerId: z.string().min(1) })),
  attachments: entity(attachmentSchema),
  documents: entity(documentSchema),
  journal: (record) => journalSchema.safeParse(record),
  projects: entity(projectSchema),
  projectStaff: entity(projectStaffSchema),
  budgets: entity(budgetSchema),
  budgetLines: entity(budgetLineSchema),
  dossierSnapshots: entity(dossierSnapshotSchema),
  financialReports: entity(financialReportSchema),
  absences: entity(absenceSchema),
  yearlyFigures: entity(yearlyFigureSchema),
  cashLines: entity(cashLineSchema),
};

/** Tables whose records have no schema of their own still need to be objects with a primary key. */
const fallback: Check = (record) => z.object({}).passthrough().safeParse(record);

/** How the refusal names a record: « Versement du 31 oct. 2026 », « Personne « Awa Diop » ». */
export function backupRecordName(table: string, record: Record<string, unknown>): string {
  const expected = record.expectedDate;
  if (table === 'payments' && typeof expected === 'string' && isIsoDate(expected)) {
    return `Versement du ${formatDateShort(expected)}`;
  }
  const name = describeRecord(table, record);
  return name.length > 120 ? `${name.slice(0, 117)}…` : name;
}

function issuePhrase(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  // Entity schemas already say « Montant prévu : … »; the stamps' and minimal schemas do not.
  if (issue.code === 'custom' || issue.message.includes('\u00a0: ')) return issue.message;
  const label = stampFieldLabels[field] ?? (field === '' ? 'enregistrement' : field);
  return `${label}\u00a0: valeur invalide.`;
}

/**
 * The French refusal for one record, or null when it may be restored. It names the table, the record and
 * the field: « Versements — Versement du 31 oct. 2026 : Montant prévu : ne peut pas être négatif. »
 */
export function recordProblem(table: string, record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return `${tableLabel(table)}\u00a0: un élément n’est pas un enregistrement.`;
  }
  const check = CHECKS[table] ?? fallback;
  const result = check(record as Record<string, unknown>);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const phrase = issue ? issuePhrase(issue) : 'enregistrement invalide.';
  return `${tableLabel(table)} — ${backupRecordName(table, record as Record<string, unknown>)}\u00a0: ${phrase}`;
}
