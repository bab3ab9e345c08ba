import { useLiveQuery } from 'dexie-react-hooks';
import { firstIssueMessages, fieldMessage } from '../domain/fields';
import {
  contactSchema,
  partnerSchema,
  type ContactRecord,
  type PartnerRecord,
} from '../domain/partners/partner';
import { newStamps, type Validated } from '../domain/record';
import type { WorkspaceDb } from './workspace-db';

// The partner directory and each partner's contacts. A partner goes to the bin with its contacts, under
// one deletedAt stamp, so that restoring it brings back exactly those contacts.

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');

export async function listPartners(db: WorkspaceDb): Promise<PartnerRecord[]> {
  const all = await db.partners.toArray();
  return all.filter((p) => p.deletedAt === null).sort(byName);
}

export async function getPartner(db: WorkspaceDb, id: string): Promise<PartnerRecord | undefined> {
  const partner = await db.partners.get(id);
  return partner?.deletedAt === null ? partner : undefined;
}

/** Creates a partner (no `id`) or replaces one; invalid input writes nothing. */
export async function savePartner(
  db: WorkspaceDb,
  input: unknown,
  id?: string,
  now: Date = new Date(),
): Promise<Validated<PartnerRecord>> {
  const parsed = partnerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  return db.transaction('rw', db.partners, async () => {
    const existing = id === undefined ? undefined : await db.partners.get(id);
    if (id !== undefined && existing === undefined) {
      return { ok: false as const, errors: { '': 'Ce partenaire n’existe plus : rien n’a été enregistré.' } };
    }
    const stamps = existing
      ? { id: existing.id, createdAt: existing.createdAt, updatedAt: now.toISOString(), deletedAt: existing.deletedAt }
      : newStamps(crypto.randomUUID(), now);
    const record: PartnerRecord = { ...parsed.data, ...stamps };
    await db.partners.put(record);
    return { ok: true as const, value: record };
  });
}

/** The live agreements that name a partner among their parties, by title. */
export async function agreementsNamingPartner(db: WorkspaceDb, partnerId: string): Promise<{ id: string; title: string }[]> {
  const parties = await db.agreementParties.where('partnerId').equals(partnerId).toArray();
  const agreementIds = [...new Set(parties.filter((p) => p.deletedAt === null).map((p) => p.agreementId))];
  const agreements = await db.agreements.bulkGet(agreementIds);
  return agreements
    .filter((a) => a !== undefined && a.deletedAt === null)
    .map((a) => ({ id: a!.id, title: a!.title }))
    .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}

/**
 * Sends a partner and its contacts to the bin — unless agreements still name it: deleting it would leave
 * them without a party, so the refusal lists them.
 */
export async function deletePartner(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<Validated<PartnerRecord>> {
  return db.transaction('rw', [db.partners, db.contacts, db.agreements, db.agreementParties], async () => {
    const partner = await db.partners.get(id);
    if (partner === undefined || partner.deletedAt !== null) {
      return { ok: false as const, errors: { '': 'Ce partenaire est déjà dans la corbeille.' } };
    }
    const naming = await agreementsNamingPartner(db, id);
    if (naming.length > 0) {
      const list = naming.map((a) => `« ${a.title} »`).join(', ');
      const count = naming.length === 1 ? 'la convention' : `${naming.length} conventions\u00a0:`;
      return {
        ok: false as const,
        errors: {
          '': `${partner.name} ne peut pas être supprimé\u00a0: il est partie à ${count} ${list}. Retirez-le de ${naming.length === 1 ? 'cette convention' : 'ces conventions'} ou supprimez-${naming.length === 1 ? 'la' : 'les'} d’abord.`,
        },
      };
    }
    const at = now.toISOString();
    const binned = { ...partner, deletedAt: at, updatedAt: at };
    await db.partners.put(binned);
    const contacts = await db.contacts.where('partnerId').equals(id).toArray();
    await db.contacts.bulkPut(contacts.filter((c) => c.deletedAt === null).map((c) => ({ ...c, deletedAt: at, updatedAt: at })));
    return { ok: true as const, value: binned };
  });
}

/** Brings a partner back from the bin with the contacts binned along with it. */
export async function restorePartner(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.partners, db.contacts, async () => {
    const partner = await db.partners.get(id);
    if (partner === undefined || partner.deletedAt === null) return;
    const stamp = partner.deletedAt;
    const at = now.toISOString();
    await db.partners.put({ ...partner, deletedAt: null, updatedAt: at });
    const contacts = await db.contacts.where('partnerId').equals(id).toArray();
    await db.contacts.bulkPut(contacts.filter((c) => c.deletedAt === stamp).map((c) => ({ ...c, deletedAt: null, updatedAt: at })));
  });
}

export async function listContacts(db: WorkspaceDb, partnerId: string): Promise<ContactRecord[]> {
  const contacts = await db.contacts.where('partnerId').equals(partnerId).toArray();
  return contacts
    .filter((c) => c.deletedAt === null)
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || (a.firstName ?? '').localeCompare(b.firstName ?? '', 'fr'));
}

export async function saveContact(
  db: WorkspaceDb,
  input: unknown,
  id?: string,
  now: Date = new Date(),
): Promise<Validated<ContactRecord>> {
  const parsed = contactSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  return db.transaction('rw', db.contacts, db.partners, async () => {
    const partner = await db.partners.get(parsed.data.partnerId);
    if (partner === undefined || partner.deletedAt !== null) {
      return { ok: false as const, errors: { partnerId: fieldMessage('Partenaire', 'introuvable.') } };
    }
    const existing = id === undefined ? undefined : await db.contacts.get(id);
    const stamps = existing
      ? { id: existing.id, createdAt: existing.createdAt, updatedAt: now.toISOString(), deletedAt: existing.deletedAt }
      : newStamps(crypto.randomUUID(), now);
    const record: ContactRecord = { ...parsed.data, ...stamps };
    await db.contacts.put(record);
    return { ok: true as const, value: record };
  });
}

export async function deleteContact(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.contacts.update(id, { deletedAt: at, updatedAt: at });
}

export async function restoreContact(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  await db.contacts.update(id, { deletedAt: null, updatedAt: now.toISOString() });
}

/** The directory, by name; `undefined` while loading. */
export function usePartners(db: WorkspaceDb): PartnerRecord[] | undefined {
  return useLiveQuery(() => listPartners(db), [db]);
}

/** One partner; null when it does not exist or is in the bin; `undefined` while loading. */
export function usePartner(db: WorkspaceDb, id: string): PartnerRecord | null | undefined {
  return useLiveQuery(async () => (await getPartner(db, id)) ?? null, [db, id]);
}

export function useContacts(db: WorkspaceDb, partnerId: string): ContactRecord[] | undefined {
  return useLiveQuery(() => listContacts(db, partnerId), [db, partnerId]);
}
