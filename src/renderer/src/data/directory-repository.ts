import { useLiveQuery } from 'dexie-react-hooks';
import type { GrantApplicationRecord } from '../domain/funding/grant-application';
import { paidCents } from '../domain/funding/payment';
import { findDuplicates, mergedOrganisation, type DuplicateProposal } from '../domain/partners/directory';
import { partnerSchema, type PartnerRecord } from '../domain/partners/partner';
import type { AgreementRecord } from '../domain/partners/agreement';
import type { AttachmentRecord } from '../domain/partners/attachment';
import type { AidedPostRecord } from '../domain/team/aided-post';
import type { RecordStamps } from '../domain/record';
import { listPartners, organisationRecord } from './partners-repository';
import type { WorkspaceDb } from './workspace-db';
import { binRow, createRow, restoreRow, updateRow } from './write-path';

// One directory (issue 19): what links to an organisation, its likely duplicates, and the merge that moves
// every link of one record to the other — one transaction, so one journal batch that Ctrl+Z undoes whole.

type Fields<T extends RecordStamps> = Omit<T, keyof RecordStamps>;

function fieldsOf<T extends RecordStamps>(record: T): Fields<T> {
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = record;
  return fields as Fields<T>;
}

// Pairs the user said are two organisations (« Ce ne sont pas les mêmes »): never proposed again. A
// housekeeping entry of this espace (in its backups; not replicated, like the rest of meta), keyed by the
// two ids in order.
const NOT_DUPLICATES_KEY = 'directoryNotDuplicates';
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

async function notDuplicates(db: WorkspaceDb): Promise<string[]> {
  const value = (await db.meta.get(NOT_DUPLICATES_KEY))?.value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function listDuplicates(db: WorkspaceDb): Promise<DuplicateProposal[]> {
  const [directory, dismissed] = await Promise.all([listPartners(db), notDuplicates(db)]);
  const skip = new Set(dismissed);
  return findDuplicates(directory).filter((p) => !skip.has(pairKey(p.keep.id, p.merge.id)));
}

/** « Ce ne sont pas les mêmes »: the pair is no longer proposed. */
export async function markNotDuplicates(db: WorkspaceDb, a: string, b: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const dismissed = await notDuplicates(db);
    const key = pairKey(a, b);
    if (!dismissed.includes(key)) await db.meta.put({ key: NOT_DUPLICATES_KEY, value: [...dismissed, key] });
  });
}

/** The merge screen's proposals; `undefined` while loading. */
export function useDuplicates(db: WorkspaceDb): DuplicateProposal[] | undefined {
  return useLiveQuery(() => listDuplicates(db), [db]);
}

export interface MergePair {
  keepId: string;
  mergeId: string;
}

async function moveFunderRole(db: WorkspaceDb, keep: PartnerRecord, mergeId: string, now: Date): Promise<void> {
  const merged = await db.funders.get(mergeId);
  if (merged === undefined || merged.deletedAt !== null) return;
  const kept = await db.funders.get(keep.id);
  if (kept === undefined) {
    await createRow(db.funders, { ...fieldsOf(merged), name: keep.name }, now, keep.id);
  } else if (kept.deletedAt !== null) {
    await restoreRow(db.funders, keep.id, now);
    await updateRow(db.funders, { ref: { id: keep.id } }, { ...fieldsOf(merged), name: keep.name }, now);
  }
  await binRow(db.funders, { ref: { id: mergeId } }, now);
}

/**
 * Merges each pair: the applications, agreements, aided posts, contacts and files of `mergeId` go to
 * `keepId`, its funder role too when the kept one has none, the kept record takes the facts it lacked, and
 * the merged one goes to the bin (restorable, without its links: Ctrl+Z puts everything back). A pair whose
 * records are gone (merged by an earlier pair, in the bin) is skipped. Returns how many were merged.
 */
export async function mergeOrganisations(db: WorkspaceDb, pairs: readonly MergePair[], now: Date = new Date()): Promise<number> {
  const tables = [db.partners, db.funders, db.contacts, db.grantApplications, db.agreementParties, db.aidedPosts, db.attachments];
  return db.transaction('rw', tables, async () => {
    let count = 0;
    for (const { keepId, mergeId } of pairs) {
      if (keepId === mergeId) continue;
      const keep = await organisationRecord(db, keepId, now);
      const merge = await organisationRecord(db, mergeId, now);
      if (keep === undefined || merge === undefined) continue;

      for (const app of await db.grantApplications.where('funderId').equals(mergeId).toArray()) {
        await updateRow(db.grantApplications, { ref: { id: app.id } }, { ...fieldsOf(app), funderId: keepId }, now);
      }
      const parties = (await db.agreementParties.where('partnerId').anyOf(keepId, mergeId).toArray()).filter((p) => p.deletedAt === null);
      const keptAgreements = new Set(parties.filter((p) => p.partnerId === keepId).map((p) => p.agreementId));
      for (const party of parties.filter((p) => p.partnerId === mergeId)) {
        // An agreement signed by both keeps one party, the kept one.
        if (keptAgreements.has(party.agreementId)) await binRow(db.agreementParties, { ref: { id: party.id } }, now);
        else await updateRow(db.agreementParties, { ref: { id: party.id } }, { ...fieldsOf(party), partnerId: keepId }, now);
      }
      for (const post of await db.aidedPosts.where('funderId').equals(mergeId).toArray()) {
        await updateRow(db.aidedPosts, { ref: { id: post.id } }, { ...fieldsOf(post), funderId: keepId, funder: keep.name }, now);
      }
      for (const contact of await db.contacts.where('partnerId').equals(mergeId).toArray()) {
        if (contact.deletedAt === null)
          await updateRow(db.contacts, { ref: { id: contact.id } }, { ...fieldsOf(contact), partnerId: keepId }, now);
      }
      for (const file of await db.attachments.where('ownerId').equals(mergeId).toArray()) {
        if (file.deletedAt === null) await updateRow(db.attachments, { ref: { id: file.id } }, { ...fieldsOf(file), ownerId: keepId }, now);
      }
      await moveFunderRole(db, keep, mergeId, now);

      const combined = mergedOrganisation(keep, merge);
      // The partner schema drops facts that do not fit the kept kind (a sub-kind on an association…).
      const parsed = partnerSchema.safeParse(combined);
      await updateRow(db.partners, { ref: { id: keepId } }, parsed.success ? parsed.data : combined, now);
      await binRow(db.partners, { ref: { id: mergeId } }, now);
      count += 1;
    }
    return count;
  });
}

export interface OrganisationGrant {
  application: GrantApplicationRecord;
  paidCents: number;
}

export interface OrganisationLinks {
  grants: OrganisationGrant[];
  agreements: AgreementRecord[];
  aidedPosts: (AidedPostRecord & { personName: string | undefined })[];
  /** The papers of its grants and agreements (a convention, a notification, a signed agreement…). */
  attachments: AttachmentRecord[];
  /** The funder role's facts, when it has one. */
  funder:
    | {
        service?: string | undefined;
        contactName?: string | undefined;
        contactEmail?: string | undefined;
        contactPhone?: string | undefined;
      }
    | undefined;
}

/** Everything that points to one organisation, live records only. */
export async function loadOrganisationLinks(db: WorkspaceDb, id: string): Promise<OrganisationLinks> {
  const live = <T extends RecordStamps>(rows: T[]) => rows.filter((r) => r.deletedAt === null);
  const applications = live(await db.grantApplications.where('funderId').equals(id).toArray()).sort(
    (a, b) => b.periodStart.localeCompare(a.periodStart) || a.title.localeCompare(b.title, 'fr'),
  );
  const payments = live(
    await db.payments
      .where('applicationId')
      .anyOf(applications.map((a) => a.id))
      .toArray(),
  );
  const grants = applications.map((application) => ({
    application,
    paidCents: paidCents(payments.filter((p) => p.applicationId === application.id)),
  }));
  const parties = live(await db.agreementParties.where('partnerId').equals(id).toArray());
  const agreements = live(
    (await db.agreements.bulkGet([...new Set(parties.map((p) => p.agreementId))])).filter((a) => a !== undefined),
  ).sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  const posts = live(await db.aidedPosts.where('funderId').equals(id).toArray());
  const contracts = await db.contracts.bulkGet(posts.map((p) => p.contractId));
  const people = await db.people.bulkGet(contracts.map((c) => c?.personId ?? ''));
  const aidedPosts = posts.map((post, i) => {
    const person = people[i];
    return { ...post, personName: person && person.deletedAt === null ? `${person.firstName} ${person.lastName}` : undefined };
  });
  const attachments = live(
    await db.attachments
      .where('ownerId')
      .anyOf([id, ...agreements.map((a) => a.id)])
      .toArray(),
  );
  const funder = await db.funders.get(id);
  return {
    grants,
    agreements,
    aidedPosts,
    attachments,
    funder:
      funder && funder.deletedAt === null
        ? { service: funder.service, contactName: funder.contactName, contactEmail: funder.contactEmail, contactPhone: funder.contactPhone }
        : undefined,
  };
}

export function useOrganisationLinks(db: WorkspaceDb, id: string): OrganisationLinks | undefined {
  return useLiveQuery(() => loadOrganisationLinks(db, id), [db, id]);
}
