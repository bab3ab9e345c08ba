import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import {
  getTeam,
  moveToBin,
  restoreFromBin,
  saveAidedPost,
  saveAmendment,
  saveContract,
  savePerson,
} from '../../../src/renderer/src/data/team-repository';
import { teamYear } from '../../../src/renderer/src/domain/team/team-year';
import { fixtureTeam, TEAM_IDS } from '../../fixtures/team';

let db: WorkspaceDb;
const NOW = new Date('2026-05-15T09:00:00Z');

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('team-test');
  await db.open();
});

afterEach(() => db.close());

async function seedFixture() {
  await db.people.bulkAdd(fixtureTeam.people);
  await db.contracts.bulkAdd(fixtureTeam.contracts);
  await db.amendments.bulkAdd(fixtureTeam.amendments);
  await db.aidedPosts.bulkAdd(fixtureTeam.aidedPosts);
}

async function hire(firstName = 'Yanis') {
  const person = await savePerson(db, { lastName: 'Bensaïd', firstName, role: 'employee', email: '', phone: '' }, undefined, NOW);
  if (!person.ok) throw new Error(JSON.stringify(person.errors));
  return person.value;
}

const pec = (personId: string) => ({
  personId,
  kind: 'pec',
  jobTitle: 'Agent d’accueil',
  startDate: '2026-06-01',
  plannedEndDate: '2026-11-30',
  weeklyHours: '20',
  grossMonthlyCents: '1 050',
  employerChargesRate: '15',
});

describe('team repository', () => {
  it('stores the sample team and gives the figures of the domain back', async () => {
    await seedFixture();
    const team = await getTeam(db);
    expect(team.people).toHaveLength(6);
    expect(teamYear(team, 2026).employerCostCents).toBe(12_807_684);
  });

  it('saves a person and a contract with stamps, in cents and hours', async () => {
    const person = await hire();
    expect(person.email).toBeUndefined();
    expect(person.createdAt).toBe(NOW.toISOString());
    const contract = await saveContract(db, pec(person.id), undefined, NOW);
    expect(contract.ok && contract.value).toMatchObject({ grossMonthlyCents: 105_000, weeklyHours: 20, deletedAt: null });
  });

  it('writes nothing when the contract is invalid', async () => {
    const person = await hire();
    expect(await saveContract(db, { ...pec(person.id), weeklyHours: '60' })).toEqual({
      ok: false,
      errors: { weeklyHours: 'Durée hebdomadaire\u00a0: 48 heures par semaine au plus (durée maximale légale).' },
    });
    expect(await saveContract(db, { ...pec(person.id), plannedEndDate: '2026-01-01' })).toEqual({
      ok: false,
      errors: { plannedEndDate: 'Date de fin prévue\u00a0: ne peut pas être avant la date de début.' },
    });
    expect(await db.contracts.count()).toBe(0);
  });

  it('refuses a second contract for the same job on the same days, not one that follows', async () => {
    const person = await hire();
    await saveContract(db, pec(person.id));
    const overlapping = await saveContract(db, { ...pec(person.id), startDate: '2026-09-01', plannedEndDate: '2027-02-28' });
    expect(overlapping.ok).toBe(false);
    if (!overlapping.ok) expect(overlapping.errors.startDate).toMatch(/déjà un contrat pour ce poste/);
    const following = await saveContract(db, { ...pec(person.id), startDate: '2026-12-01', plannedEndDate: '2027-05-31' });
    expect(following.ok).toBe(true);
    expect(await db.contracts.count()).toBe(2);
  });

  it('a renewal avenant extends the aid that ran until the contract’s end, in one write', async () => {
    const person = await hire();
    const contract = await saveContract(db, pec(person.id));
    if (!contract.ok) throw new Error('expected a contract');
    const post = await saveAidedPost(db, {
      contractId: contract.value.id,
      scheme: 'pec',
      aidStartDate: '2026-06-01',
      aidEndDate: '2026-11-30',
      aidMode: 'smic-rate',
      smicRatePercent: '60',
      smicHourlyCents: '11,88',
      aidedWeeklyHours: '20',
      renewalLeadMonths: '2',
    });
    expect(post.ok).toBe(true);
    const renewal = await saveAmendment(
      db,
      { contractId: contract.value.id, kind: 'renewal', effectiveDate: '2026-12-01', newEndDate: '2027-05-31' },
      { extendAid: true },
    );
    expect(renewal.ok).toBe(true);
    expect((await db.aidedPosts.toArray())[0]?.aidEndDate).toBe('2027-05-31');
  });

  it('refuses an avenant outside the contract, and a second aided post', async () => {
    const person = await hire();
    const contract = await saveContract(db, pec(person.id));
    if (!contract.ok) throw new Error('expected a contract');
    const outside = await saveAmendment(db, {
      contractId: contract.value.id,
      kind: 'change',
      effectiveDate: '2027-03-01',
      newWeeklyHours: '24',
    });
    expect(outside.ok).toBe(false);
    expect(await db.amendments.count()).toBe(0);
    const post = {
      contractId: contract.value.id,
      scheme: 'pec',
      aidStartDate: '2026-06-01',
      aidEndDate: '2026-11-30',
      annualAidCents: '7 000',
      renewalLeadMonths: '2',
    };
    expect((await saveAidedPost(db, post)).ok).toBe(true);
    expect((await saveAidedPost(db, post)).ok).toBe(false);
    expect(await db.aidedPosts.count()).toBe(1);
  });

  it('the bin hides a person and their contracts until restored', async () => {
    await seedFixture();
    await moveToBin(db, 'people', TEAM_IDS.sofiane, NOW);
    expect((await getTeam(db)).people.map((p) => p.id)).not.toContain(TEAM_IDS.sofiane);
    expect(teamYear(await getTeam(db), 2026).aidedJobs).toBe(1);
    expect((await db.people.get(TEAM_IDS.sofiane))?.deletedAt).toBe(NOW.toISOString());
    await restoreFromBin(db, 'people', TEAM_IDS.sofiane);
    expect(teamYear(await getTeam(db), 2026).aidedJobs).toBe(2);
  });
});
