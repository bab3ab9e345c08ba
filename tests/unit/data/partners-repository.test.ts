import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import {
  deletePartner,
  listContacts,
  listPartners,
  restorePartner,
  saveContact,
  savePartner,
} from '../../../src/renderer/src/data/partners-repository';
import {
  deleteAgreement,
  getAgreement,
  listAgreements,
  restoreAgreement,
  saveAgreement,
} from '../../../src/renderer/src/data/agreements-repository';
import { addAttachment, getAttachmentBytes, listAttachments } from '../../../src/renderer/src/data/attachments-repository';
import { deleteDocument, listDocuments, restoreDocument, saveDocument } from '../../../src/renderer/src/data/documents-repository';
import { loadPartnerDeadlineData } from '../../../src/renderer/src/data/partner-deadlines-repository';
import { partnerDeadlines } from '../../../src/renderer/src/domain/deadlines/partner-deadlines';
import { MAX_ATTACHMENT_BYTES } from '../../../src/renderer/src/domain/partners/attachment';
import { agreementSchema } from '../../../src/renderer/src/domain/partners/agreement';
import { partnerSchema } from '../../../src/renderer/src/domain/partners/partner';
import {
  FIXTURE_EXPECTED_DEADLINES,
  FIXTURE_TODAY,
  fixtureAgreementParties,
  fixtureAgreements,
  fixtureContacts,
  fixtureDocuments,
  fixturePartners,
} from '../../fixtures/partners';

const NOW = new Date('2026-11-24T09:00:00Z');
const LATER = new Date('2026-11-24T10:00:00Z');
const PDF_BYTES = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), 0x00, 0xff, 0x10, ...new TextEncoder().encode('\n%%EOF\n')]);
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('ws-partners');
  await db.open();
});

afterEach(() => db.close());

async function seedFixture() {
  await db.partners.bulkAdd(fixturePartners);
  await db.contacts.bulkAdd(fixtureContacts);
  await db.agreements.bulkAdd(fixtureAgreements);
  await db.agreementParties.bulkAdd(fixtureAgreementParties);
  await db.documents.bulkAdd(fixtureDocuments);
}

async function twoPartners() {
  const city = await savePartner(db, { name: 'Ville de Saint-Denis', kind: 'public', publicSubKind: 'mairie' }, undefined, NOW);
  const centre = await savePartner(db, { name: 'Centre social Floréal', kind: 'public', publicSubKind: 'centre-social' }, undefined, NOW);
  if (!city.ok || !centre.ok) throw new Error('expected two partners');
  return { city: city.value, centre: centre.value };
}

const tacitAgreement = (partnerIds: string[]) => ({
  title: 'Prêt de la salle',
  kind: 'premises-loan',
  status: 'active',
  partnerIds,
  startDate: '2025-03-01',
  endDate: '2026-02-28',
  tacitRenewal: true,
  renewalPeriodMonths: '12',
  noticeMonths: '3',
  terms: 'in-kind',
  yearlyAmountCents: 480_000,
});

describe('the fixture network', () => {
  it('passes the entity schemas as stored', () => {
    for (const p of fixturePartners) {
      const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = p;
      expect(partnerSchema.parse(fields)).toEqual(fields);
    }
    for (const a of fixtureAgreements) {
      const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = a;
      const partnerIds = fixtureAgreementParties.filter((x) => x.agreementId === a.id).map((x) => x.partnerId);
      expect(agreementSchema.parse({ ...fields, partnerIds })).toEqual({ ...fields, partnerIds });
    }
  });

  it('gives the hand-computed deadlines when read back from the database', async () => {
    await seedFixture();
    const deadlines = partnerDeadlines(await loadPartnerDeadlineData(db), FIXTURE_TODAY);
    expect(deadlines.map((d) => [d.dueDate, d.title])).toEqual(FIXTURE_EXPECTED_DEADLINES);
  });
});

describe('partners', () => {
  it('saves, lists by name and updates a partner', async () => {
    const { city } = await twoPartners();
    expect((await listPartners(db)).map((p) => p.name)).toEqual(['Centre social Floréal', 'Ville de Saint-Denis']);
    const updated = await savePartner(db, { ...city, siret: '219 300 662 00018' }, city.id, LATER);
    expect(updated.ok && updated.value).toMatchObject({
      id: city.id,
      siret: '21930066200018',
      createdAt: NOW.toISOString(),
      updatedAt: LATER.toISOString(),
    });
  });

  it('refuses a SIRET with a wrong key and writes nothing', async () => {
    const result = await savePartner(db, { name: 'Femmes Relais', kind: 'association', siret: '21930066200019' }, undefined, NOW);
    expect(result).toEqual({ ok: false, errors: { siret: expect.stringMatching(/^SIRET\u00a0: la clé de contrôle est fausse/) } });
    expect(await db.partners.count()).toBe(0);
  });

  it('refuses to delete a partner that agreements name, listing them', async () => {
    await seedFixture();
    const city = fixturePartners.find((p) => p.name === 'Ville de Saint-Denis')!;
    const result = await deletePartner(db, city.id, NOW);
    expect(result).toEqual({
      ok: false,
      errors: {
        '': 'Ville de Saint-Denis ne peut pas être supprimé\u00a0: il est partie à 2 conventions\u00a0: « Convention pluriannuelle d’objectifs 2024-2026 », « Mise à disposition de la salle Gérard-Philipe ». Retirez-le de ces conventions ou supprimez-les d’abord.',
      },
    });
    expect((await db.partners.get(city.id))?.deletedAt).toBeNull();
  });

  it('bins a partner with its contacts, and restores both', async () => {
    await seedFixture();
    const foundation = fixturePartners.find((p) => p.kind === 'foundation')!;
    await saveContact(db, { partnerId: foundation.id, lastName: 'Roux', role: 'Chargée de mission' }, undefined, NOW);
    expect((await deletePartner(db, foundation.id, NOW)).ok).toBe(true);
    expect((await listPartners(db)).map((p) => p.id)).not.toContain(foundation.id);
    expect(await listContacts(db, foundation.id)).toEqual([]);
    await restorePartner(db, foundation.id, LATER);
    expect((await listPartners(db)).map((p) => p.id)).toContain(foundation.id);
    expect((await listContacts(db, foundation.id)).map((c) => c.lastName)).toEqual(['Roux']);
  });

  it('a partner can be deleted once its agreement is in the bin', async () => {
    const { centre } = await twoPartners();
    const saved = await saveAgreement(db, tacitAgreement([centre.id]), undefined, NOW);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect((await deletePartner(db, centre.id, NOW)).ok).toBe(false);
    await deleteAgreement(db, saved.value.id, NOW);
    expect((await deletePartner(db, centre.id, NOW)).ok).toBe(true);
  });
});

describe('agreements', () => {
  it('saves an agreement with its parties in one go and changes the parties on update', async () => {
    const { city, centre } = await twoPartners();
    const saved = await saveAgreement(db, tacitAgreement([city.id, centre.id]), undefined, NOW);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.value).toMatchObject({ noticeMonths: 3, renewalPeriodMonths: 12, partnerIds: [city.id, centre.id] });

    await saveAgreement(db, tacitAgreement([centre.id]), saved.value.id, LATER);
    expect((await getAgreement(db, saved.value.id))?.partnerIds).toEqual([centre.id]);
    expect(await db.agreementParties.count()).toBe(2);
  });

  it.each([
    ['an end before the start', { endDate: '2025-01-31' }, 'endDate'],
    ['a notice longer than the agreement', { tacitRenewal: false, endDate: '2025-04-30', noticeMonths: '4' }, 'noticeMonths'],
  ])('refuses %s and writes nothing', async (_label, change, field) => {
    const { city } = await twoPartners();
    const result = await saveAgreement(db, { ...tacitAgreement([city.id]), ...change }, undefined, NOW);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : Object.keys(result.errors)).toContain(field);
    expect(await db.agreements.count()).toBe(0);
    expect(await db.agreementParties.count()).toBe(0);
  });

  it('refuses a party that is in the bin', async () => {
    const { city } = await twoPartners();
    await deletePartner(db, city.id, NOW);
    const result = await saveAgreement(db, tacitAgreement([city.id]), undefined, NOW);
    expect(result).toEqual({ ok: false, errors: { partnerIds: 'Partenaires signataires\u00a0: un des partenaires n’existe plus.' } });
    expect(await db.agreements.count()).toBe(0);
  });

  it('bins an agreement with its parties and files, and restores them', async () => {
    const { centre } = await twoPartners();
    const saved = await saveAgreement(db, tacitAgreement([centre.id]), undefined, NOW);
    if (!saved.ok) throw new Error('expected success');
    await addAttachment(db, { id: saved.value.id, kind: 'agreement' }, { fileName: 'convention.pdf', data: PDF_BYTES }, NOW);
    await deleteAgreement(db, saved.value.id, LATER);
    expect(await listAgreements(db)).toEqual([]);
    expect(await listAttachments(db, saved.value.id)).toEqual([]);
    await restoreAgreement(db, saved.value.id, LATER);
    expect((await listAgreements(db)).map((a) => a.partnerIds)).toEqual([[centre.id]]);
    expect((await listAttachments(db, saved.value.id)).map((f) => f.fileName)).toEqual(['convention.pdf']);
  });
});

describe('attachments', () => {
  it('stores a PDF as a Blob and gives back exactly its bytes', async () => {
    const result = await addAttachment(
      db,
      { id: 'a1', kind: 'agreement' },
      { fileName: 'convention signée.pdf', data: PDF_BYTES, declaredType: 'application/pdf' },
      NOW,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const stored = await db.attachments.get(result.value.id);
    expect(stored?.data).toBeInstanceOf(Blob);
    expect(stored).toMatchObject({ mimeType: 'application/pdf', size: PDF_BYTES.byteLength, ownerId: 'a1', ownerKind: 'agreement' });
    expect(await getAttachmentBytes(db, result.value.id)).toEqual({ fileName: 'convention signée.pdf', data: PDF_BYTES });
  });

  it.each([
    ['a renamed program', 'convention.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4]), /n’est pas celui d’un fichier PDF/],
    ['a refused type', 'convention.exe', PDF_BYTES, /type de fichier refusé \(\.exe\)/],
  ])('refuses %s and writes nothing', async (_label, fileName, data, problem) => {
    const result = await addAttachment(db, { id: 'a1', kind: 'agreement' }, { fileName, data }, NOW);
    expect(result.ok ? '' : result.errors.file).toMatch(problem);
    expect(await db.attachments.count()).toBe(0);
  });

  it('refuses a file over 10 Mo and writes nothing', async () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF_BYTES);
    const result = await addAttachment(db, { id: 'a1', kind: 'agreement' }, { fileName: 'gros.pdf', data: big }, NOW);
    expect(result.ok ? '' : result.errors.file).toMatch(/la limite est de 10\u00a0Mo/);
    expect(await db.attachments.count()).toBe(0);
  });
});

describe('documents', () => {
  it('saves, refuses a validity before the date, bins and restores with its scan', async () => {
    const bad = await saveDocument(db, { kind: 'insurance', issuedOn: '2026-01-05', validUntil: '2025-12-31' }, undefined, NOW);
    expect(bad).toEqual({ ok: false, errors: { validUntil: 'Valable jusqu’au\u00a0: doit être après la date du document.' } });
    expect(await db.documents.count()).toBe(0);

    const saved = await saveDocument(
      db,
      { kind: 'insurance', title: '2026', issuedOn: '2026-01-05', validUntil: '2026-12-31' },
      undefined,
      NOW,
    );
    if (!saved.ok) throw new Error('expected success');
    await addAttachment(db, { id: saved.value.id, kind: 'document' }, { fileName: 'attestation.pdf', data: PDF_BYTES }, NOW);
    await deleteDocument(db, saved.value.id, LATER);
    expect(await listDocuments(db)).toEqual([]);
    await restoreDocument(db, saved.value.id, LATER);
    expect((await listDocuments(db)).map((d) => d.title)).toEqual(['2026']);
    expect(await listAttachments(db, saved.value.id)).toHaveLength(1);
  });
});
