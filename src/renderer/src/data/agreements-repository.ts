import { useLiveQuery } from 'dexie-react-hooks';
import { fieldMessage, firstIssueMessages } from '../domain/fields';
import { agreementSchema, type AgreementPartyRecord, type AgreementRecord } from '../domain/partners/agreement';
import { organisationRecord } from './partners-repository';
import type { WorkspaceDb } from './workspace-db';
import { binAlong, binRow, createRow, prepareWrite, restoreAlong, restoreRow, saveRow, type Target, type WriteOutcome } from './write-path';

// Agreements and their parties. The parties are rows of agreementParties so that « which agreements name
// this partner » is an index lookup; an agreement and its parties are always written in one transaction.

export type AgreementWithParties = AgreementRecord & { partnerIds: string[] };

async function livePartyIds(db: WorkspaceDb, agreementId: string): Promise<string[]> {
  const parties = await db.agreementParties.where('agreementId').equals(agreementId).toArray();
  return parties.filter((p) => p.deletedAt === null).map((p) => p.partnerId);
}

export async function listAgreements(db: WorkspaceDb): Promise<AgreementWithParties[]> {
  const [agreements, parties] = await Promise.all([db.agreements.toArray(), db.agreementParties.toArray()]);
  const byAgreement = new Map<string, string[]>();
  for (const party of parties) {
    if (party.deletedAt !== null) continue;
    byAgreement.set(party.agreementId, [...(byAgreement.get(party.agreementId) ?? []), party.partnerId]);
  }
  return agreements
    .filter((a) => a.deletedAt === null)
    .map((a) => ({ ...a, partnerIds: byAgreement.get(a.id) ?? [] }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title, 'fr'));
}

export async function getAgreement(db: WorkspaceDb, id: string): Promise<AgreementWithParties | undefined> {
  const agreement = await db.agreements.get(id);
  if (agreement === undefined || agreement.deletedAt !== null) return undefined;
  return { ...agreement, partnerIds: await livePartyIds(db, id) };
}

/** Creates (no `id`) or replaces an agreement and its parties; invalid input writes nothing. */
export async function saveAgreement(
  db: WorkspaceDb,
  input: unknown,
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<AgreementWithParties>> {
  const parsed = agreementSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const { partnerIds: requested, ...fields } = parsed.data;
  const partnerIds = [...new Set(requested)];
  const context = await prepareWrite(db, 'agreements', target);
  const tables = [db.agreements, db.agreementParties, db.partners, db.funders];
  return db.transaction('rw', tables, async (): Promise<WriteOutcome<AgreementWithParties>> => {
    const partners = await db.partners.bulkGet(partnerIds);
    const funders = await db.funders.bulkGet(partnerIds);
    // A party may be a funder the directory shows before its record is written (directoryOf, issue 19).
    const missing = partnerIds.filter((_, i) => partners[i] === undefined && funders[i]?.deletedAt === null);
    if (partners.some((p, i) => (p === undefined ? !missing.includes(partnerIds[i]!) : p.deletedAt !== null))) {
      return {
        ok: false as const,
        errors: { partnerIds: fieldMessage('Partenaires signataires', 'un des partenaires n’existe plus.') },
      };
    }
    for (const id of missing) await organisationRecord(db, id, now);
    const saved = await saveRow(db.agreements, context, fields, now);
    if (!saved.ok) return saved;
    const record: AgreementRecord = saved.value;

    const parties = await db.agreementParties.where('agreementId').equals(record.id).toArray();
    const live = parties.filter((p) => p.deletedAt === null);
    const removed = live.filter((p) => !partnerIds.includes(p.partnerId));
    await binAlong(db.agreementParties, removed, now.toISOString(), now);
    for (const partnerId of partnerIds.filter((partnerId) => !live.some((p) => p.partnerId === partnerId))) {
      await createRow<AgreementPartyRecord>(db.agreementParties, { agreementId: record.id, partnerId }, now);
    }
    return { ...saved, value: { ...record, partnerIds } };
  });
}

/** Sends an agreement to the bin with its parties and attached files, under one stamp. */
export async function deleteAgreement(db: WorkspaceDb, target: Target, now: Date = new Date()): Promise<WriteOutcome<AgreementRecord>> {
  const context = await prepareWrite(db, 'agreements', target);
  const id = context.ref?.id ?? '';
  return db.transaction('rw', [db.agreements, db.agreementParties, db.attachments], async () => {
    const binned = await binRow(db.agreements, context, now);
    if (!binned.ok || binned.value.deletedAt === null) return binned;
    const stamp = binned.value.deletedAt;
    await binAlong(db.agreementParties, await db.agreementParties.where('agreementId').equals(id).toArray(), stamp, now);
    await binAlong(db.attachments, await db.attachments.where('ownerId').equals(id).toArray(), stamp, now);
    return binned;
  });
}

export async function restoreAgreement(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', [db.agreements, db.agreementParties, db.attachments], async () => {
    const stamp = (await db.agreements.get(id))?.deletedAt;
    if (!stamp || !(await restoreRow(db.agreements, id, now))) return;
    await restoreAlong(db.agreementParties, await db.agreementParties.where('agreementId').equals(id).toArray(), stamp, now);
    await restoreAlong(db.attachments, await db.attachments.where('ownerId').equals(id).toArray(), stamp, now);
  });
}

export function useAgreements(db: WorkspaceDb): AgreementWithParties[] | undefined {
  return useLiveQuery(() => listAgreements(db), [db]);
}

export function useAgreement(db: WorkspaceDb, id: string): AgreementWithParties | null | undefined {
  return useLiveQuery(async () => (await getAgreement(db, id)) ?? null, [db, id]);
}
