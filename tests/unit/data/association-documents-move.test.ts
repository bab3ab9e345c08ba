import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { declareVersions, workspaceVersions } from '../../../src/renderer/src/data/schema';
import { WorkspaceDb, workspaceDbName } from '../../../src/renderer/src/data/workspace-db';
import { listDocuments, restoreDocument } from '../../../src/renderer/src/data/documents-repository';
import { listBinItems } from '../../../src/renderer/src/data/bin-repository';
import { loadDeadlines } from '../../../src/renderer/src/data/deadlines-repository';
import { loadDossierSources } from '../../../src/renderer/src/data/dossier-repository';
import { attachmentsChecklist } from '../../../src/renderer/src/domain/dossier/dossier-model';
import { pathTo } from '../../../src/renderer/src/ui/paths';
import { fixtureAssociationProfile } from '../../fixtures/association';

// Issue 19 moved the association's pièces from Partenaires to the Association section. Their table never
// belonged to a partner: a `documents` record has no partner nor any owner but the espace, so the move is
// one of screens and addresses, and the records stay as they are — no schema version, no rewrite (a rewrite
// would only risk them, and sync would replicate it for nothing). This test is that data step: an espace as
// the Partenaires screen left it, at schema version 12, opened by today's app, read by the Association's
// screen, its dashboard and its dossier — every pièce there, nothing lost, the binned one still binned.

const WS = 'pieces-move';
const STAMPS = { createdAt: '2026-02-03T09:00:00.000Z', updatedAt: '2026-02-03T09:00:00.000Z', deletedAt: null };
const BINNED_AT = '2026-10-12T15:30:00.000Z';
const TODAY = '2026-11-24';
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]);

const profile = { ...fixtureAssociationProfile, id: WS, ...STAMPS };
const statutes = { id: 'doc-statutes', kind: 'statutes', issuedOn: '2019-06-14', ...STAMPS };
const rib = { id: 'doc-rib', kind: 'rib', title: 'Crédit coopératif', issuedOn: '2026-01-10', validUntil: '2026-12-10', ...STAMPS };
const binnedAccounts = {
  id: 'doc-accounts-2024',
  kind: 'approved-accounts',
  title: 'exercice 2024',
  issuedOn: '2025-06-20',
  validUntil: '2026-12-31',
  ...STAMPS,
  updatedAt: BINNED_AT,
  deletedAt: BINNED_AT,
};
const ribScan = {
  id: 'att-rib',
  ownerId: rib.id,
  ownerKind: 'document',
  fileName: 'rib.pdf',
  mimeType: 'application/pdf',
  size: 8,
  ...STAMPS,
};
const binnedAccountsScan = {
  id: 'att-accounts-2024',
  ownerId: binnedAccounts.id,
  ownerKind: 'document',
  fileName: 'comptes-2024.pdf',
  mimeType: 'application/pdf',
  size: 8,
  ...STAMPS,
  updatedAt: BINNED_AT,
  deletedAt: BINNED_AT,
};
const ribSnoozed = { key: `document:${rib.id}:document-expiry`, done: false, snoozedUntil: '2026-12-01' };

afterEach(async () => {
  await Dexie.delete(workspaceDbName(WS));
});

async function seedAsPartenairesLeftIt(): Promise<void> {
  const before = new Dexie(workspaceDbName(WS));
  declareVersions(before, workspaceVersions, 12);
  await before.open();
  expect(before.verno).toBe(12);
  await before.table('association').put(profile);
  await before.table('documents').bulkPut([statutes, rib, binnedAccounts]);
  await before.table('attachments').bulkPut([
    { ...ribScan, data: new Blob([PDF], { type: 'application/pdf' }) },
    { ...binnedAccountsScan, data: new Blob([PDF], { type: 'application/pdf' }) },
  ]);
  await before.table('deadlineStates').put(ribSnoozed);
  before.close();
}

describe('the association’s pièces, from Partenaires to the Association section (issue 19)', () => {
  it('keeps every pièce, its scan and its reminder state as they were, the binned one in the bin', async () => {
    await seedAsPartenairesLeftIt();
    const db = new WorkspaceDb(WS);
    await db.open();
    try {
      expect(await db.documents.toArray()).toEqual(expect.arrayContaining([statutes, rib, binnedAccounts]));
      expect(await db.documents.count()).toBe(3);
      const files = await db.attachments.toArray();
      expect(files.map(({ data: _data, ...meta }) => meta)).toEqual(expect.arrayContaining([ribScan, binnedAccountsScan]));
      expect(new Uint8Array(await files.find((f) => f.id === ribScan.id)!.data.arrayBuffer())).toEqual(PDF);
      expect(await db.deadlineStates.get(ribSnoozed.key)).toEqual(ribSnoozed);

      // The Association's pièces screen lists the live ones, in the order of the kinds; the binned one stays binned.
      expect((await listDocuments(db)).map((d) => d.id)).toEqual([statutes.id, rib.id]);
      const bin = await listBinItems(db);
      expect(bin.filter((item) => item.table === 'documents').map((item) => item.key)).toEqual([binnedAccounts.id]);
      expect(bin.filter((item) => item.table === 'attachments').map((item) => item.key)).toEqual([binnedAccountsScan.id]);
    } finally {
      db.close();
    }
  });

  it('has the dashboard open the new place and the dossier read the pièces from there', async () => {
    await seedAsPartenairesLeftIt();
    const db = new WorkspaceDb(WS);
    await db.open();
    try {
      const expiries = (await loadDeadlines(db, TODAY)).filter((d) => d.rule === 'document-expiry');
      // The RIB's validity ends on 10 December; the binned accounts give no reminder.
      expect(expiries.map((d) => [d.title, d.dueDate, d.sourceLabel, pathTo(d.target)])).toEqual([
        ['Fin de validité — RIB — Crédit coopératif', '2026-12-10', 'Association', '/association/pieces'],
      ]);

      const sources = await loadDossierSources(db);
      expect(sources.documents.map((d) => d.id).sort()).toEqual([rib.id, statutes.id]);
      expect(sources.attachedDocumentIds).toEqual([rib.id]);
      const pieces = attachmentsChecklist({ hasAuditor: false }, sources.documents, TODAY, sources.attachedDocumentIds);
      expect(pieces.find((p) => p.kind === 'rib')).toMatchObject({ label: 'RIB', validUntil: '2026-12-10', status: 'attached' });
      // Statuts recorded without their file are still « à fournir »; the binned accounts are not counted.
      expect(pieces.find((p) => p.kind === 'statutes')?.status).toBe('to-provide');
      expect(pieces.find((p) => p.kind === 'approved-accounts')?.status).toBe('to-provide');

      // Restoring the binned pièce from the Association's screen brings its scan back with it.
      await restoreDocument(db, binnedAccounts.id, new Date('2026-11-24T10:00:00Z'));
      expect((await listDocuments(db)).map((d) => d.id)).toContain(binnedAccounts.id);
      expect((await db.attachments.get(binnedAccountsScan.id))?.deletedAt).toBeNull();
    } finally {
      db.close();
    }
  });
});
