import { useLiveQuery } from 'dexie-react-hooks';
import { fieldMessage, firstIssueMessages } from '../domain/fields';
import { agreementSchema, type AgreementPartyRecord, type AgreementRecord } from '../domain/partners/agreement';
import { newStamps, type Validated } from '../domain/record';
import type { WorkspaceDb } from './workspace-db';

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
  id?: string,
  now: Date = new Date(),
): Promise<Validated<AgreementWithParties>> {
  const parsed = agreementSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const { partnerIds: requested, ...fields } = parsed.data;
  const partnerIds = [...new Set(requested)];
  return db.transaction('rw', [db.agreements, db.agreementParties, db.partners], async (): Promise<Validated<AgreementWithParties>> => {
    const partners = await db.partners.bulkGet(partnerIds);
    if (partners.some((p) => p === undefined || p.deletedAt !== null)) {
      return {
        ok: false as const,
        errors: { partnerIds: fieldMessage('Partenaires signataires', 'un des partenaires n’existe plus.') },
      };
    }
    const existing = id === undefined ? undefined : await db.agreements.get(id);
    if (id !== undefined && existing === undefined) {
      return { ok: false as const, errors: { '': 'Cette convention n’existe plus : rien n’a été enregistré.' } };
    }
    const at = now.toISOString();
    const stamps = existing
      ? { id: existing.id, createdAt: existing.createdAt, updatedAt: at, deletedAt: existing.deletedAt }
      : newStamps(crypto.randomUUID(), now);
    const record: AgreementRecord = { ...fields, ...stamps };
    await db.agreements.put(record);

    const parties = await db.agreementParties.where('agreementId').equals(record.id).toArray();
    const live = parties.filter((p) => p.deletedAt === null);
    const removed = live.filter((p) => !partnerIds.includes(p.partnerId));
    await db.agreementParties.bulkPut(removed.map((p) => ({ ...p, deletedAt: at, updatedAt: at })));
    const added: AgreementPartyRecord[] = partnerIds
      .filter((partnerId) => !live.some((p) => p.partnerId === partnerId))
      .map((partnerId) => ({ ...newStamps(crypto.randomUUID(), now), agreementId: record.id, partnerId }));
    await db.agreementParties.bulkAdd(added);
    return { ok: true as const, value: { ...record, partnerIds } };
  });
}

/** Sends an agreement to the bin with its parties and attached files, under one stamp. */
export async function deleteAgreement(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', [db.agreements, db.agreementParties, db.attachments], async () => {
    const agreement = await db.agreements.get(id);
    if (agreement === undefined || agreement.deletedAt !== null) return;
    await db.agreements.put({ ...agreement, deletedAt: at, updatedAt: at });
    const parties = await db.agreementParties.where('agreementId').equals(id).toArray();
    await db.agreementParties.bulkPut(parties.filter((p) => p.deletedAt === null).map((p) => ({ ...p, deletedAt: at, updatedAt: at })));
    const files = await db.attachments.where('ownerId').equals(id).toArray();
    await db.attachments.bulkPut(files.filter((f) => f.deletedAt === null).map((f) => ({ ...f, deletedAt: at, updatedAt: at })));
  });
}

export async function restoreAgreement(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', [db.agreements, db.agreementParties, db.attachments], async () => {
    const agreement = await db.agreements.get(id);
    if (agreement === undefined || agreement.deletedAt === null) return;
    const stamp = agreement.deletedAt;
    await db.agreements.put({ ...agreement, deletedAt: null, updatedAt: at });
    const parties = await db.agreementParties.where('agreementId').equals(id).toArray();
    await db.agreementParties.bulkPut(parties.filter((p) => p.deletedAt === stamp).map((p) => ({ ...p, deletedAt: null, updatedAt: at })));
    const files = await db.attachments.where('ownerId').equals(id).toArray();
    await db.attachments.bulkPut(files.filter((f) => f.deletedAt === stamp).map((f) => ({ ...f, deletedAt: null, updatedAt: at })));
  });
}

export function useAgreements(db: WorkspaceDb): AgreementWithParties[] | undefined {
  return useLiveQuery(() => listAgreements(db), [db]);
}

export function useAgreement(db: WorkspaceDb, id: string): AgreementWithParties | null | undefined {
  return useLiveQuery(async () => (await getAgreement(db, id)) ?? null, [db, id]);
}
