import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import {
  listDuplicates,
  loadOrganisationLinks,
  markNotDuplicates,
  mergeOrganisations,
} from '../../../src/renderer/src/data/directory-repository';
import {
  deleteFunder,
  listFunders,
  restoreFunder,
  saveFunder,
  saveGrantApplication,
} from '../../../src/renderer/src/data/funding-repository';
import {
  deletePartner,
  listContacts,
  listPartners,
  restorePartner,
  saveContact,
  savePartner,
} from '../../../src/renderer/src/data/partners-repository';
import { listAgreements, saveAgreement } from '../../../src/renderer/src/data/agreements-repository';
import { undoLastChange } from '../../../src/renderer/src/data/undo';
import { saveAidedPost, saveContract, savePerson } from '../../../src/renderer/src/data/team-repository';

// One directory (issue 19) through the repositories: a funder is an organisation of the directory; two
// records of one organisation are proposed and merged with every link, in one change that undo reverts.

const NOW = new Date('2026-11-24T09:00:00Z');
const SOON = new Date('2026-11-24T09:30:00Z');
const LATER = new Date('2026-11-24T10:00:00Z');
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('ws-directory');
  await db.open();
  db.setCurrentPerson('Awa');
});

afterEach(() => db.close());

const application = (funderId: string) => ({
  funderId,
  title: 'Fonctionnement 2026',
  purpose: 'operating',
  renewal: false,
  multiYear: false,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  status: 'granted',
  requestedCents: '8 000',
  grantedCents: '7 500',
  filedOn: '2026-01-15',
  decidedOn: '2026-03-15',
  reportDelayMonths: 6,
});

const agreement = (partnerIds: string[]) => ({
  title: 'Prêt de la salle Pablo-Neruda',
  kind: 'premises-loan',
  status: 'active',
  partnerIds,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  tacitRenewal: false,
  terms: 'in-kind',
  yearlyAmountCents: 480_000,
});

async function funderAndPartner() {
  const funder = await saveFunder(
    db,
    { name: 'Ville de Saint-Denis', kind: 'municipality', portal: 'funder-portal', siret: '219 300 662 00018' },
    { now: NOW },
  );
  const partner = await savePartner(
    db,
    { name: 'Mairie de Saint-Denis', kind: 'public', publicSubKind: 'mairie', siret: '21930066200018', city: 'Saint-Denis' },
    undefined,
    SOON,
  );
  if (!funder.ok || !partner.ok) throw new Error('expected a funder and a partner');
  const app = await saveGrantApplication(db, application(funder.value.id), { now: NOW });
  const deal = await saveAgreement(db, agreement([partner.value.id]), undefined, NOW);
  const contact = await saveContact(
    db,
    { partnerId: partner.value.id, lastName: 'Benali', firstName: 'Samia', role: 'Chargée de mission' },
    undefined,
    NOW,
  );
  if (!app.ok || !deal.ok || !contact.ok) throw new Error(JSON.stringify([app, deal, contact]));
  return { funder: funder.value, partner: partner.value, app: app.value, deal: deal.value };
}

describe('a funder is an organisation of the directory', () => {
  it('is written with its organisation under the same id, which carries the SIRET and the funder role', async () => {
    const saved = await saveFunder(
      db,
      { name: 'CAF de la Seine-Saint-Denis', kind: 'social-bodies', portal: 'paper', siret: '77568453300018' },
      { now: NOW },
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(await db.partners.get(saved.value.id)).toMatchObject({
      name: 'CAF de la Seine-Saint-Denis',
      siret: '77568453300018',
      roles: ['funder'],
    });
    expect((await db.funders.get(saved.value.id)) as object).not.toHaveProperty('siret');

    // Renamed from the organisation's page: the funder role follows.
    const org = (await db.partners.get(saved.value.id))!;
    const renamed = await savePartner(db, { ...org, name: 'CAF 93' }, { id: org.id, updatedAt: org.updatedAt }, LATER);
    expect(renamed.ok).toBe(true);
    expect((await listFunders(db)).map((f) => f.name)).toEqual(['CAF 93']);
    expect((await db.partners.get(org.id))!.roles).toEqual(['funder']);

    // Deleted from Financeurs: a funder only, its organisation goes along, and comes back along.
    const funder = (await db.funders.get(saved.value.id))!;
    expect((await deleteFunder(db, { id: funder.id, updatedAt: funder.updatedAt }, LATER)).ok).toBe(true);
    expect(await listPartners(db)).toEqual([]);
    await restoreFunder(db, funder.id, LATER);
    expect((await listPartners(db)).map((p) => p.name)).toEqual(['CAF 93']);
  });

  it('refuses an invalid SIRET in French and writes nothing', async () => {
    const refused = await saveFunder(db, { name: 'Ville', kind: 'municipality', portal: 'paper', siret: '123' }, { now: NOW });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.siret).toMatch(/^SIRET/);
    expect(await db.funders.count()).toBe(0);
    expect(await db.partners.count()).toBe(0);
  });

  it('shows a funder written without its organisation (an old backup) in the directory, and writes it at its first save', async () => {
    await db.funders.add({
      id: 'f-old',
      name: 'Région Île-de-France',
      kind: 'region',
      portal: 'funder-portal',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      deletedAt: null,
    });
    const [shown] = await listPartners(db);
    expect(shown).toMatchObject({ id: 'f-old', name: 'Région Île-de-France', roles: ['funder'] });
    const saved = await savePartner(db, { ...shown, siret: '23750007900312' }, 'f-old', LATER);
    expect(saved.ok).toBe(true);
    expect(await db.partners.get('f-old')).toMatchObject({ siret: '23750007900312', roles: ['funder'] });
  });
});

describe('merging two records of one organisation', () => {
  it('proposes a funder and a partner with the same SIRET, and moves the grant, the agreement and the contacts to the kept one', async () => {
    const { funder, partner, app, deal } = await funderAndPartner();
    const [proposal, ...others] = await listDuplicates(db);
    expect(others).toEqual([]);
    expect(proposal).toMatchObject({ reason: 'siret', suggested: true });
    // Both have a SIRET: the older record stays.
    expect(proposal!.keep.id).toBe(funder.id);

    expect(await mergeOrganisations(db, [{ keepId: partner.id, mergeId: funder.id }], LATER)).toBe(1);

    const directory = await listPartners(db);
    expect(directory.map((o) => [o.id, o.name, o.roles])).toEqual([[partner.id, 'Mairie de Saint-Denis', ['funder', 'partner']]]);
    expect(await db.grantApplications.get(app.id)).toMatchObject({ funderId: partner.id });
    expect((await listAgreements(db)).find((a) => a.id === deal.id)!.partnerIds).toEqual([partner.id]);
    // The funder role moved to the kept id, with the kept name; the other is in the bin.
    expect((await listFunders(db)).map((f) => [f.id, f.name, f.portal])).toEqual([[partner.id, 'Mairie de Saint-Denis', 'funder-portal']]);
    expect((await db.partners.get(funder.id))!.deletedAt).not.toBeNull();
    expect((await db.funders.get(funder.id))!.deletedAt).not.toBeNull();

    const links = await loadOrganisationLinks(db, partner.id);
    expect(links.grants.map((g) => [g.application.title, g.application.grantedCents, g.paidCents])).toEqual([
      ['Fonctionnement 2026', 750_000, 0],
    ]);
    expect(links.agreements.map((a) => a.title)).toEqual(['Prêt de la salle Pablo-Neruda']);
    expect((await listContacts(db, partner.id)).map((c) => c.lastName)).toEqual(['Benali']);
    expect(await listDuplicates(db)).toEqual([]);
  });

  it('moves contacts and agreements the other way too, keeps one party on an agreement both signed, and is undone by one Ctrl+Z', async () => {
    const { funder, partner, app } = await funderAndPartner();
    const both = await saveAgreement(db, { ...agreement([partner.id]), title: 'CPO 2026-2028', kind: 'cpo' }, undefined, NOW);
    if (!both.ok) throw new Error(JSON.stringify(both.errors));
    // The funder's organisation signs it too.
    await db.agreementParties.add({
      id: 'party-f',
      agreementId: both.value.id,
      partnerId: funder.id,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      deletedAt: null,
    });
    const before = {
      partners: await db.partners.toArray(),
      funders: await db.funders.toArray(),
      apps: await db.grantApplications.toArray(),
    };

    await mergeOrganisations(db, [{ keepId: funder.id, mergeId: partner.id }], LATER);
    expect((await listAgreements(db)).map((a) => [a.title, a.partnerIds])).toEqual([
      ['CPO 2026-2028', [funder.id]],
      ['Prêt de la salle Pablo-Neruda', [funder.id]],
    ]);
    expect((await listContacts(db, funder.id)).map((c) => c.lastName)).toEqual(['Benali']);
    expect(await db.partners.get(funder.id)).toMatchObject({
      name: 'Ville de Saint-Denis',
      city: 'Saint-Denis',
      roles: ['funder', 'partner'],
    });
    expect(await db.grantApplications.get(app.id)).toMatchObject({ funderId: funder.id });

    const undone = await undoLastChange(db, new Date('2026-11-24T11:00:00Z'));
    expect(undone.ok).toBe(true);
    const stripped = (rows: { updatedAt: string }[]) => rows.map(({ updatedAt: _u, ...r }) => r);
    expect(stripped(await db.partners.toArray())).toEqual(stripped(before.partners));
    expect(stripped(await db.funders.toArray())).toEqual(stripped(before.funders));
    expect(stripped(await db.grantApplications.toArray())).toEqual(stripped(before.apps));
    expect((await listAgreements(db)).find((a) => a.title === 'CPO 2026-2028')!.partnerIds.sort()).toEqual([funder.id, partner.id].sort());
  });

  it('sends the merged record to the bin, restorable (without the links it gave away)', async () => {
    const { funder, partner } = await funderAndPartner();
    await mergeOrganisations(db, [{ keepId: partner.id, mergeId: funder.id }], LATER);
    await restorePartner(db, funder.id, new Date('2026-11-24T11:00:00Z'));
    expect((await listPartners(db)).map((p) => p.name)).toEqual(['Mairie de Saint-Denis', 'Ville de Saint-Denis']);
    expect((await loadOrganisationLinks(db, funder.id)).grants).toEqual([]);
  });

  it('skips a pair whose record an earlier pair already merged', async () => {
    const { funder, partner } = await funderAndPartner();
    const third = await savePartner(db, { name: 'Ville de Saint Denis', kind: 'public', publicSubKind: 'mairie' }, undefined, NOW);
    if (!third.ok) throw new Error('expected a partner');
    const count = await mergeOrganisations(
      db,
      [
        { keepId: partner.id, mergeId: funder.id },
        { keepId: funder.id, mergeId: third.value.id },
        { keepId: partner.id, mergeId: third.value.id },
      ],
      LATER,
    );
    expect(count).toBe(2);
    expect((await listPartners(db)).map((p) => p.id)).toEqual([partner.id]);
  });
});

describe('an aided post’s funder', () => {
  async function contract() {
    const person = await savePerson(
      db,
      { lastName: 'Haddad', firstName: 'Sofiane', role: 'employee', email: '', phone: '' },
      undefined,
      NOW,
    );
    if (!person.ok) throw new Error(JSON.stringify(person.errors));
    const saved = await saveContract(
      db,
      {
        personId: person.value.id,
        kind: 'pec',
        jobTitle: 'Agent d’accueil',
        startDate: '2026-01-01',
        plannedEndDate: '2026-12-31',
        weeklyHours: '20',
        grossMonthlyCents: '1 050',
        employerChargesRate: '15',
      },
      undefined,
      NOW,
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    return saved.value;
  }
  const post = (contractId: string, funderId: string) => ({
    contractId,
    scheme: 'pec',
    funderId,
    funder: 'ASP',
    aidStartDate: '2026-01-01',
    aidEndDate: '2026-12-31',
    aidMode: 'smic-rate',
    smicRatePercent: '60',
    smicHourlyCents: '11,88',
    aidedWeeklyHours: '20',
    renewalLeadMonths: '2',
  });

  it('must be an organisation of the directory: an unknown one is refused in French and nothing is saved', async () => {
    const { id } = await contract();
    const refused = await saveAidedPost(db, post(id, 'nobody'), undefined, NOW);
    expect(refused).toEqual({ ok: false, errors: { funderId: 'Financeur\u00a0: choisissez une organisation de l’annuaire.' } });
    expect(await db.aidedPosts.count()).toBe(0);
  });

  it('is listed on the organisation’s page and follows a merge', async () => {
    const { id } = await contract();
    const asp = await saveFunder(db, { name: 'ASP', kind: 'asp', portal: 'paper' }, { now: NOW });
    const again = await savePartner(db, { name: 'A.S.P.', kind: 'public', publicSubKind: 'other-public' }, undefined, SOON);
    if (!asp.ok || !again.ok) throw new Error('expected two organisations');
    const saved = await saveAidedPost(db, post(id, again.value.id), undefined, NOW);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect((await loadOrganisationLinks(db, again.value.id)).aidedPosts.map((p) => p.personName)).toEqual(['Sofiane Haddad']);

    expect((await listDuplicates(db)).map((p) => p.reason)).toEqual(['name']);
    await mergeOrganisations(db, [{ keepId: asp.value.id, mergeId: again.value.id }], LATER);
    expect(await db.aidedPosts.get(saved.value.id)).toMatchObject({ funderId: asp.value.id, funder: 'ASP' });
    expect((await loadOrganisationLinks(db, asp.value.id)).aidedPosts).toHaveLength(1);
  });
});

describe('the directory’s other writes', () => {
  it('lets an agreement name a funder shown before its record was written, and writes that record', async () => {
    await db.funders.add({
      id: 'f-old',
      name: 'Région Île-de-France',
      kind: 'region',
      portal: 'funder-portal',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      deletedAt: null,
    });
    const saved = await saveAgreement(db, agreement(['f-old']), undefined, NOW);
    expect(saved.ok).toBe(true);
    expect(await db.partners.get('f-old')).toMatchObject({ name: 'Région Île-de-France', roles: ['funder'], deletedAt: null });
    expect((await saveAgreement(db, agreement(['nobody']), undefined, NOW)).ok).toBe(false);
  });

  it('lets a contact be added to such a funder, writing its record', async () => {
    await db.funders.add({
      id: 'f-caf',
      name: 'CAF 93',
      kind: 'social-bodies',
      portal: 'paper',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      deletedAt: null,
    });
    const saved = await saveContact(db, { partnerId: 'f-caf', lastName: 'Traoré', role: 'Conseillère' }, undefined, NOW);
    expect(saved.ok).toBe(true);
    expect(await db.partners.get('f-caf')).toMatchObject({ name: 'CAF 93', roles: ['funder'] });
    expect((await listContacts(db, 'f-caf')).map((c) => c.lastName)).toEqual(['Traoré']);
    const refused = await saveContact(db, { partnerId: 'nobody', lastName: 'X' }, undefined, NOW);
    expect(refused).toEqual({ ok: false, errors: { partnerId: 'Partenaire\u00a0: introuvable.' } });
  });

  it('refuses to delete an organisation a grant is addressed to; without grants its funder role goes to the bin with it and comes back', async () => {
    const { funder, app } = await funderAndPartner();
    const org = (await db.partners.get(funder.id))!;
    const refused = await deletePartner(db, { id: org.id, updatedAt: org.updatedAt }, LATER);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.errors['']).toMatch(
        /^Ville de Saint-Denis ne peut pas être supprimé\u00a0: une demande de subvention lui est adressée/,
      );
    expect((await db.partners.get(funder.id))!.deletedAt).toBeNull();

    await db.grantApplications.delete(app.id);
    expect((await deletePartner(db, { id: org.id, updatedAt: org.updatedAt }, LATER)).ok).toBe(true);
    expect(await listFunders(db)).toEqual([]);
    await restorePartner(db, org.id, new Date('2026-11-24T11:00:00Z'));
    expect((await listFunders(db)).map((f) => f.name)).toEqual(['Ville de Saint-Denis']);
  });
});

describe('a pair the user says are two organisations', () => {
  it('is no longer proposed, the others still are', async () => {
    const ville = await savePartner(db, { name: 'Ville de Bobigny', kind: 'public', publicSubKind: 'mairie' }, undefined, NOW);
    const mairie = await savePartner(db, { name: 'Mairie de Bobigny', kind: 'public', publicSubKind: 'mairie' }, undefined, NOW);
    const caf = await saveFunder(db, { name: 'CAF 93', kind: 'social-bodies', portal: 'paper' }, { now: NOW });
    const caf2 = await savePartner(db, { name: 'caf 93', kind: 'public', publicSubKind: 'other-public' }, undefined, NOW);
    if (!ville.ok || !mairie.ok || !caf.ok || !caf2.ok) throw new Error('expected four organisations');
    expect((await listDuplicates(db)).map((p) => p.reason)).toEqual(['name', 'municipality']);
    await markNotDuplicates(db, mairie.value.id, ville.value.id);
    await markNotDuplicates(db, ville.value.id, mairie.value.id);
    expect((await listDuplicates(db)).map((p) => p.reason)).toEqual(['name']);
    expect(await db.meta.get('directoryNotDuplicates')).toMatchObject({ value: [expect.stringContaining('|')] });
  });
});

describe('a grant addressed to a partner of the directory', () => {
  it('gives the partner the funder role under its own id, its kind from its directory kind', async () => {
    const mairie = await savePartner(db, { name: 'Mairie de Pantin', kind: 'public', publicSubKind: 'mairie' }, undefined, NOW);
    if (!mairie.ok) throw new Error('expected a partner');
    const saved = await saveGrantApplication(db, application(mairie.value.id), { now: LATER });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect((await listFunders(db)).map((f) => [f.id, f.name, f.kind])).toEqual([[mairie.value.id, 'Mairie de Pantin', 'municipality']]);
    expect((await db.partners.get(mairie.value.id))!.roles).toEqual(['funder', 'partner']);
    expect((await loadOrganisationLinks(db, mairie.value.id)).grants.map((g) => g.application.title)).toEqual(['Fonctionnement 2026']);
    // Nobody of that id: refused, nothing written.
    const refused = await saveGrantApplication(db, application('nobody'), { now: LATER });
    expect(refused).toEqual({ ok: false, errors: { funderId: 'Financeur\u00a0: choisissez un financeur de l’annuaire.' } });
    expect(await db.grantApplications.count()).toBe(1);
  });
});
