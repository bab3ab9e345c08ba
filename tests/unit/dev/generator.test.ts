import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { associationProfileSchema } from '../../../src/renderer/src/domain/association';
import { budgetLineSchema, budgetSchema } from '../../../src/renderer/src/domain/budgets/budget';
import { funderSchema } from '../../../src/renderer/src/domain/funding/funder';
import { grantApplicationSchema } from '../../../src/renderer/src/domain/funding/grant-application';
import { paymentSchema } from '../../../src/renderer/src/domain/funding/payment';
import { agreementSchema } from '../../../src/renderer/src/domain/partners/agreement';
import { checkAttachment } from '../../../src/renderer/src/domain/partners/attachment';
import { documentSchema } from '../../../src/renderer/src/domain/association/document';
import { contactSchema, partnerSchema } from '../../../src/renderer/src/domain/partners/partner';
import { projectSchema, projectStaffSchema } from '../../../src/renderer/src/domain/projects/project';
import { aidedPostSchema } from '../../../src/renderer/src/domain/team/aided-post';
import { amendmentSchema } from '../../../src/renderer/src/domain/team/amendment';
import { contractSchema } from '../../../src/renderer/src/domain/team/contract';
import { personSchema } from '../../../src/renderer/src/domain/team/person';
import { classifyDeadlines } from '../../../src/renderer/src/domain/deadlines/engine';
import { fundingDeadlines } from '../../../src/renderer/src/domain/deadlines/funding-deadlines';
import { DEFAULT_TODAY, workspaceOfSize, generateWorkspace, L_COUNTS, type WorkspaceTables } from '../../fixtures/generator';

// The generated espaces must be what the app itself would have stored: each record, stripped of its stamps,
// goes through its domain schema and comes out unchanged.

const L = generateWorkspace('L');
const L_AGAIN = generateWorkspace('L');

function fieldsOf(record: object): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = record as Record<string, unknown>;
  return fields;
}

type Checked = Exclude<keyof WorkspaceTables, 'attachments' | 'journal' | 'deadlineStates'>;

const SCHEMAS: Record<Checked, z.ZodType> = {
  people: personSchema,
  contracts: contractSchema,
  amendments: amendmentSchema,
  aidedPosts: aidedPostSchema,
  funders: funderSchema,
  grantApplications: grantApplicationSchema,
  payments: paymentSchema,
  partners: partnerSchema,
  contacts: contactSchema,
  agreements: agreementSchema,
  agreementParties: undefined as unknown as z.ZodType,
  documents: documentSchema,
  projects: projectSchema,
  projectStaff: projectStaffSchema,
  budgets: budgetSchema,
  budgetLines: budgetLineSchema,
};

function firstInvalid(tables: WorkspaceTables, table: Checked): string | null {
  const partiesOf = new Map<string, string[]>();
  for (const party of tables.agreementParties)
    partiesOf.set(party.agreementId, [...(partiesOf.get(party.agreementId) ?? []), party.partnerId]);
  for (const record of tables[table]) {
    if (table === 'agreementParties') continue;
    const fields = fieldsOf(record);
    const input = table === 'agreements' ? { ...fields, partnerIds: partiesOf.get(record.id) ?? [] } : fields;
    const parsed = SCHEMAS[table].safeParse(input);
    if (!parsed.success) return `${table} ${record.id}: ${parsed.error.issues.map((i) => i.message).join(' / ')}`;
    const output = table === 'agreements' ? fieldsOf({ ...(parsed.data as object), partnerIds: undefined }) : parsed.data;
    try {
      expect(output).toEqual(table === 'agreements' ? { ...fields, partnerIds: undefined } : fields);
    } catch {
      return `${table} ${record.id}: stored shape differs from the schema's output`;
    }
  }
  return null;
}

describe('generated espace L', () => {
  it('has the sizes of the issue: ten years of a 10-employee association', () => {
    const t = L.tables;
    expect(t.people).toHaveLength(60);
    expect(t.contracts).toHaveLength(300);
    expect(t.amendments).toHaveLength(600);
    expect(t.funders).toHaveLength(80);
    expect(t.grantApplications).toHaveLength(1500);
    expect(t.payments).toHaveLength(6000);
    expect(t.partners).toHaveLength(150);
    expect(t.agreements).toHaveLength(300);
    expect(t.attachments).toHaveLength(300);
    expect(t.projects).toHaveLength(200);
    expect(t.journal).toHaveLength(10_000);
    const projectBudgets = t.budgets.filter((b) => b.scope === 'project');
    expect(projectBudgets).toHaveLength(200);
    const linesPerBudget = t.budgetLines.length / t.budgets.length;
    expect(linesPerBudget).toBe(L_COUNTS.budgetLinesPerBudget);
    const years = new Set(t.grantApplications.map((a) => a.periodStart.slice(0, 4)));
    expect([...years].sort()).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027']);
  });

  it.each(Object.keys(SCHEMAS) as Checked[])('stores every %s record as its domain schema outputs it', (table) => {
    expect(firstInvalid(L.tables, table)).toBeNull();
  });

  it('links records to records that exist', () => {
    const t = L.tables;
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const people = ids(t.people);
    const contracts = ids(t.contracts);
    const applications = ids(t.grantApplications);
    const funders = ids(t.funders);
    const partners = ids(t.partners);
    const agreements = ids(t.agreements);
    const projects = ids(t.projects);
    const budgets = ids(t.budgets);
    expect(t.contracts.every((c) => people.has(c.personId))).toBe(true);
    expect(t.amendments.every((a) => contracts.has(a.contractId))).toBe(true);
    expect(t.aidedPosts.every((a) => contracts.has(a.contractId))).toBe(true);
    expect(t.grantApplications.every((a) => funders.has(a.funderId))).toBe(true);
    expect(t.payments.every((p) => applications.has(p.applicationId))).toBe(true);
    expect(t.contacts.every((c) => partners.has(c.partnerId))).toBe(true);
    expect(t.agreementParties.every((p) => agreements.has(p.agreementId) && partners.has(p.partnerId))).toBe(true);
    expect(t.attachments.every((a) => agreements.has(a.ownerId))).toBe(true);
    expect(t.projectStaff.every((s) => projects.has(s.projectId) && people.has(s.personId))).toBe(true);
    expect(t.budgetLines.every((l) => budgets.has(l.budgetId))).toBe(true);
    expect(new Set([...people, ...contracts, ...applications, ...partners]).size).toBe(
      people.size + contracts.size + applications.size + partners.size,
    );
  });

  it('attaches small files that pass the attachment check (PDF magic bytes)', async () => {
    for (const attachment of L.tables.attachments.slice(0, 20)) {
      const head = new Uint8Array(await attachment.data.slice(0, 8).arrayBuffer());
      expect(checkAttachment({ fileName: attachment.fileName, size: attachment.size, declaredType: attachment.mimeType, head })).toEqual({
        ok: true,
        mimeType: 'application/pdf',
      });
      expect(attachment.size).toBeLessThan(2_000);
    }
  });

  it('gives the dashboard overdue and coming deadlines on « today », the old ones mostly marked done', () => {
    const t = L.tables;
    const deadlines = fundingDeadlines({ funders: t.funders, applications: t.grantApplications, payments: t.payments }, DEFAULT_TODAY);
    const board = classifyDeadlines(deadlines, t.deadlineStates, DEFAULT_TODAY);
    expect(board.overdue.length).toBeGreaterThan(0);
    expect(board.overdue.length).toBeLessThan(200);
    expect(board.next30.length + board.thisWeek.length).toBeGreaterThan(0);
    expect(t.deadlineStates.filter((s) => s.doneAt !== undefined).length).toBeGreaterThan(200);
  });

  it('is deterministic for a seed, and another seed gives another espace', () => {
    const again = L_AGAIN;
    expect(JSON.stringify(again.tables.grantApplications)).toBe(JSON.stringify(L.tables.grantApplications));
    expect(JSON.stringify(again.tables.journal)).toBe(JSON.stringify(L.tables.journal));
    expect(again.tables.people.map((p) => p.id)).toEqual(L.tables.people.map((p) => p.id));
    const other = generateWorkspace('L', { seed: 7 });
    expect(other.tables.people.map((p) => p.id)).not.toEqual(L.tables.people.map((p) => p.id));
  }, 30_000);
});

describe('generated espace XL and fixture espace S', () => {
  it('XL is L × 5 in one espace, every record valid', () => {
    const xl = generateWorkspace('XL');
    expect(xl.tables.grantApplications).toHaveLength(7_500);
    expect(xl.tables.payments).toHaveLength(30_000);
    expect(xl.tables.people).toHaveLength(300);
    expect(xl.tables.journal).toHaveLength(50_000);
    expect(xl.tables.budgetLines.length).toBeGreaterThan(30_000);
    for (const table of ['contracts', 'grantApplications', 'agreements', 'budgetLines'] as const) {
      expect(firstInvalid(xl.tables, table)).toBeNull();
    }
  }, 120_000);

  it('S is the fixture association, every record valid', () => {
    const s = workspaceOfSize('S');
    expect(s.profile.siret).toBe('84213975000017');
    expect(associationProfileSchema.safeParse(s.profile).success).toBe(true);
    for (const table of Object.keys(SCHEMAS) as Checked[]) expect(firstInvalid(s.tables, table)).toBeNull();
  });
});
