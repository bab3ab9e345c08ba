import { useLiveQuery } from 'dexie-react-hooks';
import { firstIssueMessages, fieldMessage } from '../domain/fields';
import { directoryOf, organisationFromFunder, rolesOf } from '../domain/partners/directory';
import { contactSchema, partnerSchema, type ContactRecord, type PartnerRecord } from '../domain/partners/partner';
import { live, liveFunders } from './live-records';
import type { WorkspaceDb } from './workspace-db';
import {
  binAlong,
  binOne,
  binRow,
  createRow,
  prepareWrite,
  restoreAlong,
  restoreOne,
  restoreRow,
  saveRow,
  updateRow,
  type Target,
  type WriteOutcome,
} from './write-path';

// The directory (issue 19: funders and partners are one organisation record, domain/partners/directory.ts)
// and each organisation's contacts. An organisation goes to the bin with its contacts, under one deletedAt
// stamp, so that restoring it brings back exactly those contacts.

/** The live directory by name: partners, funders, both — and a funder not yet given its record. */
export async function listPartners(db: WorkspaceDb): Promise<PartnerRecord[]> {
  const [partners, funders] = await Promise.all([db.partners.toArray(), db.funders.toArray()]);
  return directoryOf(live(partners), liveFunders(funders, partners));
}

/**
 * The live directory record of `id`, in the caller's transaction (over partners and funders): written now
 * when the organisation is a funder the directory showed before its record existed (directoryOf).
 */
export async function organisationRecord(db: WorkspaceDb, id: string, now: Date): Promise<PartnerRecord | undefined> {
  const stored = await db.partners.get(id);
  if (stored !== undefined) return stored.deletedAt === null ? stored : undefined;
  const funder = await db.funders.get(id);
  if (funder === undefined || funder.deletedAt !== null) return undefined;
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = organisationFromFunder(funder);
  return createRow(db.partners, fields, now, id);
}

export async function getPartner(db: WorkspaceDb, id: string): Promise<PartnerRecord | undefined> {
  const partner = await db.partners.get(id);
  if (partner !== undefined) return partner.deletedAt === null ? partner : undefined;
  const funder = await db.funders.get(id);
  return funder?.deletedAt === null ? organisationFromFunder(funder) : undefined;
}

/**
 * Creates an organisation of the directory (no `id`: the partner role) or replaces one; invalid input
 * writes nothing. Its roles are the repository's, never the form's; its name is the funder role's name too.
 */
export async function savePartner(
  db: WorkspaceDb,
  input: unknown,
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<PartnerRecord>> {
  const parsed = partnerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const { roles: _fromForm, ...fields } = parsed.data;
  const context = await prepareWrite(db, 'partners', target);
  return db.transaction('rw', db.partners, db.funders, async (): Promise<WriteOutcome<PartnerRecord>> => {
    const id = context.ref?.id;
    const stored = id === undefined ? undefined : await db.partners.get(id);
    const funder = id === undefined ? undefined : await db.funders.get(id);
    let outcome: WriteOutcome<PartnerRecord>;
    if (id !== undefined && stored === undefined && funder?.deletedAt === null) {
      // A funder shown in the directory before its record was written (directoryOf): this save writes it.
      outcome = { ok: true, value: await createRow(db.partners, { ...fields, roles: ['funder'] }, now, id) };
    } else {
      outcome = await saveRow(db.partners, context, { ...fields, roles: stored ? rolesOf(stored) : ['partner'] }, now);
    }
    if (outcome.ok && funder !== undefined && funder.name !== outcome.value.name) {
      const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...role } = funder;
      await updateRow(db.funders, { ref: { id: funder.id } }, { ...role, name: outcome.value.name }, now);
    }
    return outcome;
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
export async function deletePartner(db: WorkspaceDb, target: Target, now: Date = new Date()): Promise<WriteOutcome<PartnerRecord>> {
  const context = await prepareWrite(db, 'partners', target);
  const id = context.ref?.id ?? '';
  return db.transaction(
    'rw',
    [db.partners, db.contacts, db.agreements, db.agreementParties, db.grantApplications, db.funders],
    async (): Promise<WriteOutcome<PartnerRecord>> => {
      const partner = await db.partners.get(id);
      if (partner === undefined || partner.deletedAt !== null) {
        return { ok: false as const, errors: { '': 'Ce partenaire est déjà dans la corbeille.' } };
      }
      const grants = (await db.grantApplications.where('funderId').equals(id).toArray()).filter((a) => a.deletedAt === null);
      if (grants.length > 0) {
        return {
          ok: false as const,
          errors: {
            '': `${partner.name} ne peut pas être supprimé\u00a0: ${grants.length === 1 ? 'une demande de subvention lui est adressée' : `${grants.length} demandes de subvention lui sont adressées`}. Supprimez-${grants.length === 1 ? 'la' : 'les'} d’abord, ou fusionnez cette fiche avec une autre.`,
          },
        };
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
      const binned = await binRow(db.partners, context, now);
      if (!binned.ok || binned.value.deletedAt === null) return binned;
      await binAlong(db.contacts, await db.contacts.where('partnerId').equals(id).toArray(), binned.value.deletedAt, now);
      // Its funder role goes along (no application names it, checked above), and comes back with it.
      const funder = await db.funders.get(id);
      if (funder !== undefined) await binAlong(db.funders, [funder], binned.value.deletedAt, now);
      return binned;
    },
  );
}

/** Brings a partner back from the bin with the contacts binned along with it. */
export async function restorePartner(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.partners, db.contacts, db.funders, async () => {
    const stamp = (await db.partners.get(id))?.deletedAt;
    if (!stamp || !(await restoreRow(db.partners, id, now))) return;
    await restoreAlong(db.contacts, await db.contacts.where('partnerId').equals(id).toArray(), stamp, now);
    const funder = await db.funders.get(id);
    if (funder !== undefined) await restoreAlong(db.funders, [funder], stamp, now);
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
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<ContactRecord>> {
  const parsed = contactSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const context = await prepareWrite(db, 'contacts', target);
  return db.transaction('rw', db.contacts, db.partners, db.funders, async () => {
    const partner = await organisationRecord(db, parsed.data.partnerId, now);
    if (partner === undefined) {
      return { ok: false as const, errors: { partnerId: fieldMessage('Partenaire', 'introuvable.') } };
    }
    return saveRow(db.contacts, context, parsed.data, now);
  });
}

export function deleteContact(db: WorkspaceDb, target: Target, now: Date = new Date()): Promise<WriteOutcome<ContactRecord>> {
  return binOne(db, db.contacts, target, now);
}

export function restoreContact(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  return restoreOne(db, db.contacts, id, now);
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
