import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { createWorkspace, deleteWorkspace, renameWorkspace, restoreWorkspace } from '../../../src/renderer/src/data/workspace-repository';
import { markDeadlineDone, restoreDeadlineState, snoozeDeadline } from '../../../src/renderer/src/data/deadline-state-repository';
import { deleteBinGroupForever, listBinGroups, purgeExpiredBin, restoreBinGroup } from '../../../src/renderer/src/data/bin-repository';
import { moveToBin, savePerson } from '../../../src/renderer/src/data/team-repository';
import { deletePartner, saveContact, savePartner } from '../../../src/renderer/src/data/partners-repository';
import { undoLastChange } from '../../../src/renderer/src/data/undo';
import { STATE_CHANGED_MESSAGE, putBack } from '../../../src/renderer/src/data/write-path';

// The writers that were off the write path — the registry, deadline states, the bin's group restore and
// destruction, undo — rule by rule. Two connections on one espace stand for two tabs.

const ESPACE = 'writers-test';
const LOADED = new Date('2026-05-15T07:00:00Z');
const BINNED = new Date('2026-05-15T08:00:00Z');
const LATER = new Date('2026-05-15T09:00:00Z');

let tabA: WorkspaceDb;
let tabB: WorkspaceDb;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(LOADED);
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  tabA = new WorkspaceDb(ESPACE);
  tabB = new WorkspaceDb(ESPACE);
  await tabA.open();
  await tabB.open();
  tabA.setCurrentPerson('Karim Benali');
  tabB.setCurrentPerson('Awa Diallo');
});

afterEach(() => {
  tabA.close();
  tabB.close();
  vi.useRealTimers();
});

async function person(db: WorkspaceDb, lastName: string) {
  const saved = await savePerson(db, { lastName, firstName: 'Awa', role: 'employee', email: '', phone: '' }, undefined, LOADED);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.value;
}

describe('the registry of espaces', () => {
  let registry: RegistryDb;
  beforeEach(async () => {
    registry = new RegistryDb();
    await registry.open();
  });
  afterEach(() => registry.close());

  it.each([
    ['rename', 'keeps createdAt and the bin stamp, takes a later revision'],
    ['delete', 'sets the bin stamp once: deleting again changes nothing'],
    ['restore', 'clears the bin stamp with a later revision'],
  ])('%s %s', async (step) => {
    const created = await createWorkspace(registry, 'Les Amis du Quartier', LOADED);
    if (!created.ok) throw new Error('no espace');
    const id = created.value.id;
    if (step === 'rename') {
      const renamed = await renameWorkspace(registry, id, 'Les Amis du Quartier Nord', LATER);
      expect(renamed).toEqual({ ok: true, value: { ...created.value, name: 'Les Amis du Quartier Nord', updatedAt: LATER.toISOString() } });
    }
    if (step === 'delete') {
      await deleteWorkspace(registry, id, BINNED);
      await deleteWorkspace(registry, id, LATER);
      expect(await registry.workspaces.get(id)).toMatchObject({ deletedAt: BINNED.toISOString(), updatedAt: BINNED.toISOString() });
    }
    if (step === 'restore') {
      await deleteWorkspace(registry, id, BINNED);
      await restoreWorkspace(registry, id, LATER);
      expect(await registry.workspaces.get(id)).toMatchObject({ deletedAt: null, updatedAt: LATER.toISOString() });
    }
  });

  it('a rename from a form that loaded an older revision is refused « modifiée ailleurs », the name elsewhere kept', async () => {
    const created = await createWorkspace(registry, 'Les Amis du Quartier', LOADED);
    if (!created.ok) throw new Error('no espace');
    const loaded = { id: created.value.id, updatedAt: created.value.updatedAt };
    expect((await renameWorkspace(registry, loaded, 'Renommé dans l’onglet B', LATER)).ok).toBe(true);
    const stale = await renameWorkspace(registry, loaded, 'Renommé dans l’onglet A', new Date(LATER.getTime() + 1000));
    expect(stale).toEqual({
      ok: false,
      errors: {
        '': 'Cette fiche vient d’être modifiée ailleurs\u00a0: rien n’a été enregistré. Rechargez-la pour voir la dernière version.',
      },
    });
    expect((await registry.workspaces.get(created.value.id))?.name).toBe('Renommé dans l’onglet B');
  });

  it('an unknown espace is refused, in French, and nothing is created', async () => {
    expect(await renameWorkspace(registry, 'inconnu', 'Autre nom', LATER)).toEqual({
      ok: false,
      errors: { name: "Cet espace n'existe plus." },
    });
    await deleteWorkspace(registry, 'inconnu', LATER);
    await restoreWorkspace(registry, 'inconnu', LATER);
    expect(await registry.workspaces.count()).toBe(0);
  });

  it('a new espace’s profile is stamped like any created record', async () => {
    const created = await createWorkspace(registry, 'Les Amis du Quartier', LOADED);
    if (!created.ok) throw new Error('no espace');
    const db = new WorkspaceDb(created.value.id);
    expect(await db.association.get(created.value.id)).toMatchObject({
      id: created.value.id,
      name: 'Les Amis du Quartier',
      createdAt: LOADED.toISOString(),
      updatedAt: LOADED.toISOString(),
      deletedAt: null,
    });
    db.close();
  });
});

describe('deadline states', () => {
  const KEY = 'person:p1:dpae';

  it('each change takes a revision after the stored one, even within one millisecond', async () => {
    const done = await markDeadlineDone(tabA, KEY, LOADED);
    const snoozed = await snoozeDeadline(tabA, KEY, '2026-06-01', '2026-05-15', LOADED);
    if (!snoozed.ok) throw new Error(snoozed.error);
    expect(snoozed.previous).toEqual(done.written);
    expect(snoozed.written.updatedAt > done.written.updatedAt).toBe(true);
  });

  it.each([
    ['nobody changed it since', false, { ok: true }],
    ['another tab changed it since', true, { ok: false, message: STATE_CHANGED_MESSAGE }],
  ])('« Annuler » of « Fait » when %s', async (_case, changedElsewhere, outcome) => {
    const change = await markDeadlineDone(tabA, KEY, LOADED);
    if (changedElsewhere) await snoozeDeadline(tabB, KEY, '2026-06-01', '2026-05-15', LATER);
    expect(await restoreDeadlineState(tabA, KEY, change.previous, change.written, LATER)).toEqual(outcome);
    // Refused: the other tab's snooze is kept; accepted: the deadline has no state again.
    expect(await tabA.deadlineStates.get(KEY)).toEqual(
      changedElsewhere ? expect.objectContaining({ snoozedUntil: '2026-06-01' }) : undefined,
    );
  });

  it('« Annuler » of « Rétablir » is refused when another tab set a state since', async () => {
    const { written } = await markDeadlineDone(tabA, KEY, LOADED);
    expect(await restoreDeadlineState(tabA, KEY, undefined, written, LATER)).toEqual({ ok: true });
    await snoozeDeadline(tabB, KEY, '2026-06-01', '2026-05-15', LATER);
    expect(await restoreDeadlineState(tabA, KEY, written, null, LATER)).toEqual({ ok: false, message: STATE_CHANGED_MESSAGE });
    expect((await tabA.deadlineStates.get(KEY))?.snoozedUntil).toBe('2026-06-01');
  });
});

describe('the bin, by group', () => {
  async function partnerWithContact() {
    const partner = await savePartner(tabA, { name: 'Ville de Saint-Denis', kind: 'public', publicSubKind: 'mairie' }, undefined, LOADED);
    if (!partner.ok) throw new Error('partner');
    await saveContact(tabA, { partnerId: partner.value.id, lastName: 'Martin' }, undefined, LOADED);
    await deletePartner(tabA, partner.value.id, BINNED);
    return partner.value;
  }

  it('restores a group with a revision after the binned one, and only that group', async () => {
    const partner = await partnerWithContact();
    const other = await person(tabA, 'Diallo');
    await moveToBin(tabA, 'people', other.id, LATER);
    const binnedPartner = await tabA.partners.get(partner.id);
    expect(await restoreBinGroup(tabA, BINNED.toISOString(), LATER)).toBe(2);
    const restored = await tabA.partners.get(partner.id);
    expect(restored?.deletedAt).toBeNull();
    expect(restored!.updatedAt > binnedPartner!.updatedAt).toBe(true);
    expect((await tabA.contacts.toArray()).map((c) => c.deletedAt)).toEqual([null]);
    expect((await tabA.people.get(other.id))?.deletedAt).toBe(LATER.toISOString());
  });

  it.each([
    ['« Supprimer définitivement »', (db: WorkspaceDb) => deleteBinGroupForever(db, BINNED.toISOString())],
    ['the 30-day purge', (db: WorkspaceDb) => purgeExpiredBin(db, new Date('2026-07-01T00:00:00Z'))],
  ])('%s never destroys a live record: the one another tab restored stays, the rest of its group goes', async (_name, destroy) => {
    const partner = await partnerWithContact();
    const groups = await listBinGroups(tabA);
    expect(groups).toHaveLength(1);
    // Tab B takes the partner alone out of the bin; its contact is still there.
    await tabB.partners.put({ ...(await tabB.partners.get(partner.id))!, deletedAt: null });
    expect(await destroy(tabA)).toBe(1);
    expect(await tabA.partners.get(partner.id)).toMatchObject({ deletedAt: null });
    expect(await tabA.contacts.count()).toBe(0);
  });
});

describe('undo', () => {
  it('puts a record back with a revision after the stored one, deletes what the change created', async () => {
    const hired = await person(tabA, 'Diallo');
    await savePerson(tabA, { lastName: 'Diallo', firstName: 'Awa', role: 'employee', email: '', phone: '06 12 34 56 78' }, hired.id, LATER);
    const changed = await tabA.people.get(hired.id);
    expect(await undoLastChange(tabA, LATER)).toMatchObject({ ok: true });
    const undone = await tabA.people.get(hired.id);
    expect(undone?.phone).toBe(hired.phone);
    expect(changed?.phone).toBe('06 12 34 56 78');
    expect(undone!.updatedAt > changed!.updatedAt).toBe(true);
    expect(await undoLastChange(tabA, LATER)).toMatchObject({ ok: true });
    expect(await tabA.people.get(hired.id)).toBeUndefined();
  });

  it.each([
    ['a deletion', BINNED.toISOString(), null],
    ['a restoration', null, BINNED.toISOString()],
  ])('undoing %s puts the bin stamp back as it was', async (_name, storedStamp, beforeStamp) => {
    const hired = await person(tabA, 'Diallo');
    await tabA.transaction('rw', tabA.people, tabA.journal, async () => {
      await tabA.people.put({ ...hired, deletedAt: storedStamp });
      await putBack(tabA.table('people'), hired.id, { ...hired, deletedAt: beforeStamp }, LATER);
    });
    expect(await tabA.people.get(hired.id)).toMatchObject({ deletedAt: beforeStamp, updatedAt: LATER.toISOString() });
  });
});
