import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { saveAssociationProfile } from '../../../src/renderer/src/data/association-repository';
import { deletePartner, restorePartner, saveContact, savePartner } from '../../../src/renderer/src/data/partners-repository';
import { listJournal } from '../../../src/renderer/src/data/journal-repository';
import { undoLastChange } from '../../../src/renderer/src/data/undo';
import { deleteBinGroupForever, listBinGroups, purgeExpiredBin, restoreBinGroup } from '../../../src/renderer/src/data/bin-repository';
import { fixtureAssociationProfile } from '../../fixtures/association';

const NOW = new Date('2026-11-24T09:00:00Z');
const LATER = new Date('2026-11-24T10:00:00Z');
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  db = new WorkspaceDb('ws-journal');
  await db.open();
  db.setCurrentPerson('Awa Diop');
});

afterEach(() => {
  db.close();
  vi.useRealTimers();
});

async function missionLocaleWithContacts() {
  const partner = await savePartner(db, { name: 'Mission locale', kind: 'public', publicSubKind: 'mission-locale' }, undefined, NOW);
  if (!partner.ok) throw new Error(JSON.stringify(partner.errors));
  for (const lastName of ['Moreau', 'Petit']) {
    const contact = await saveContact(db, { partnerId: partner.value.id, lastName }, undefined, NOW);
    if (!contact.ok) throw new Error(JSON.stringify(contact.errors));
  }
  return partner.value;
}

describe('the journal middleware', () => {
  it('records create, update, bin, restore and delete with the person and the state before', async () => {
    const partner = await missionLocaleWithContacts();
    const created = await db.partners.get(partner.id);
    db.setCurrentPerson('Karim Benali');
    await savePartner(db, { name: 'Mission locale de Saint-Denis', kind: 'public', publicSubKind: 'mission-locale' }, partner.id, LATER);
    const edited = await db.partners.get(partner.id);
    await deletePartner(db, partner.id, LATER);
    const binned = await db.partners.get(partner.id);
    await restorePartner(db, partner.id, LATER);
    const restored = await db.partners.get(partner.id);
    await db.partners.delete(partner.id);

    const entries = (await listJournal(db)).filter((e) => e.table === 'partners').reverse();
    expect(entries.map((e) => [e.kind, e.person, e.recordId])).toEqual([
      ['create', 'Awa Diop', partner.id],
      ['update', 'Karim Benali', partner.id],
      ['bin', 'Karim Benali', partner.id],
      ['restore', 'Karim Benali', partner.id],
      ['delete', 'Karim Benali', partner.id],
    ]);
    expect(entries.map((e) => e.before)).toEqual([null, created, edited, binned, restored]);
    expect(entries[2]!.summary).toBe('Mise à la corbeille\u00a0: Partenaire « Mission locale de Saint-Denis »');
    expect(entries[0]!.at).toBe(NOW.toISOString());
  });

  it('journals a multi-table change as one batch, and Table.update and clear() too', async () => {
    const partner = await missionLocaleWithContacts();
    await deletePartner(db, partner.id, LATER);
    const journal = await listJournal(db);
    const binEntries = journal.filter((e) => e.kind === 'bin');
    expect(binEntries).toHaveLength(3);
    expect(new Set(binEntries.map((e) => e.batch)).size).toBe(1);

    const contacts = await db.contacts.toArray();
    await db.contacts.update(contacts[0]!.id, { phone: '01 48 00 00 00' });
    await db.contacts.clear();
    const after = await listJournal(db);
    expect(after.filter((e) => e.table === 'contacts' && e.kind === 'update')).toHaveLength(1);
    const cleared = after.filter((e) => e.table === 'contacts' && e.kind === 'delete');
    expect(cleared).toHaveLength(2);
    expect(cleared.map((e) => (e.before as { lastName: string }).lastName).sort()).toEqual(['Moreau', 'Petit']);
  });

  it('leaves meta alone, and does not journal a transaction that writes the journal itself', async () => {
    await db.meta.put({ key: 'lastBackupAt', value: NOW.toISOString() });
    await db.transaction('rw', db.partners, db.journal, async () => {
      await db.partners.put({ id: 'p-restored', name: 'Restauré', createdAt: '', updatedAt: '', deletedAt: null } as never);
    });
    expect(await db.journal.count()).toBe(0);
  });

  it('signs changes with no one when nobody is at the keyboard', async () => {
    db.setCurrentPerson(null);
    await saveAssociationProfile(db, fixtureAssociationProfile, NOW);
    const [entry] = await listJournal(db);
    expect(entry).toMatchObject({ person: null, kind: 'create', table: 'association', session: db.sessionId });
  });
});

describe('undo', () => {
  it('puts back the exact previous association profile', async () => {
    await saveAssociationProfile(db, fixtureAssociationProfile, NOW);
    const before = await db.association.get(db.workspaceId);
    vi.setSystemTime(LATER);
    await saveAssociationProfile(db, { ...fixtureAssociationProfile, name: 'Les Amis du Quartier Nord', acronym: 'AQN' }, LATER);
    const changed = await db.association.get(db.workspaceId);
    const outcome = await undoLastChange(db, LATER);
    expect(outcome).toEqual({ ok: true, description: 'Modification\u00a0: Profil de l’association « Les Amis du Quartier Nord »' });
    // Every field as it was; the revision is a new one, after the change it takes back (a form open on the
    // undone version is checked, a sync merge sees the undo as the later edit).
    const { updatedAt: undoneAt, ...fields } = (await db.association.get(db.workspaceId))!;
    const { updatedAt: _loaded, ...fieldsBefore } = before!;
    expect(fields).toEqual(fieldsBefore);
    expect(undoneAt > changed!.updatedAt).toBe(true);

    // The undo is journaled, not undoable itself; the next Ctrl+Z takes back the creation.
    const journal = await listJournal(db);
    expect(journal[0]).toMatchObject({ kind: 'undo', person: 'Awa Diop' });
    expect(await undoLastChange(db, LATER)).toMatchObject({ ok: true });
    expect(await db.association.get(db.workspaceId)).toBeUndefined();
    expect(await undoLastChange(db, LATER)).toMatchObject({ ok: false });
  });

  it('undoes a whole deletion (partner and contacts) at once', async () => {
    const partner = await missionLocaleWithContacts();
    const contactsBefore = await db.contacts.toArray();
    await deletePartner(db, partner.id, LATER);
    await undoLastChange(db, LATER);
    expect((await db.partners.get(partner.id))?.deletedAt).toBeNull();
    const withoutRevision = (rows: { updatedAt: string }[]) => rows.map(({ updatedAt: _u, ...fields }) => fields);
    expect(withoutRevision(await db.contacts.toArray())).toEqual(withoutRevision(contactsBefore));
  });

  it('never undoes another session’s or another person’s change', async () => {
    await saveAssociationProfile(db, fixtureAssociationProfile, NOW);
    db.setCurrentPerson('Karim Benali');
    expect(await undoLastChange(db, LATER)).toMatchObject({ ok: false });

    const other = new WorkspaceDb('ws-journal');
    await other.open();
    other.setCurrentPerson('Awa Diop');
    try {
      expect(await undoLastChange(other, LATER)).toMatchObject({ ok: false });
    } finally {
      other.close();
    }
    expect(await db.association.get(db.workspaceId)).toBeDefined();
  });

  it('refuses when someone else changed the record since, and changes nothing', async () => {
    await saveAssociationProfile(db, fixtureAssociationProfile, NOW);
    const other = new WorkspaceDb('ws-journal');
    await other.open();
    other.setCurrentPerson('Karim Benali');
    vi.setSystemTime(LATER);
    await saveAssociationProfile(other, { ...fixtureAssociationProfile, name: 'Nom de Karim' }, LATER);
    other.close();
    const outcome = await undoLastChange(db, LATER);
    expect(outcome.ok).toBe(false);
    expect((await db.association.get(db.workspaceId))?.name).toBe('Nom de Karim');
  });
});

describe('the bin', () => {
  it('groups a partner with its contacts, restores and destroys a group in one go', async () => {
    const partner = await missionLocaleWithContacts();
    await deletePartner(db, partner.id, LATER);
    const [group] = await listBinGroups(db);
    expect(group).toMatchObject({ deletedAt: LATER.toISOString(), description: 'Partenaire « Mission locale » et 2 contacts' });

    expect(await restoreBinGroup(db, LATER.toISOString(), LATER)).toBe(3);
    expect(await listBinGroups(db)).toEqual([]);
    expect((await db.contacts.toArray()).every((c) => c.deletedAt === null)).toBe(true);
    const restoreEntries = (await listJournal(db)).filter((e) => e.kind === 'restore');
    expect(restoreEntries).toHaveLength(3);

    await deletePartner(db, partner.id, LATER);
    expect(await deleteBinGroupForever(db, LATER.toISOString())).toBe(3);
    expect(await db.partners.count()).toBe(0);
    expect(await db.contacts.count()).toBe(0);
    // Destroyed, but this session can still take it back from the journal.
    await undoLastChange(db, LATER);
    expect(await db.partners.count()).toBe(1);
    expect(await db.contacts.count()).toBe(2);
  });

  it('purges deletions 30 days old when the espace opens, without copying them into the journal', async () => {
    const old = await missionLocaleWithContacts();
    await deletePartner(db, old.id, new Date('2026-10-01T08:00:00Z'));
    const recent = await savePartner(db, { name: 'Centre social Floréal', kind: 'public', publicSubKind: 'centre-social' });
    if (!recent.ok) throw new Error('expected a partner');
    await deletePartner(db, recent.value.id, new Date('2026-11-20T08:00:00Z'));
    const journalCount = await db.journal.count();

    expect(await purgeExpiredBin(db, new Date('2026-10-31T07:59:00Z'))).toBe(0);
    expect(await purgeExpiredBin(db, NOW)).toBe(3);
    const groups = await listBinGroups(db);
    expect(groups.map((g) => g.description)).toEqual(['Partenaire « Centre social Floréal »']);
    expect(await db.journal.count()).toBe(journalCount);
  });
});
