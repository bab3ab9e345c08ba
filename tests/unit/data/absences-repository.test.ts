import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { getTeam, moveToBin, restoreFromBin, saveAbsence } from '../../../src/renderer/src/data/team-repository';
import { loadDeadlines } from '../../../src/renderer/src/data/deadlines-repository';
import { recordDeadlineFact } from '../../../src/renderer/src/data/deadline-facts';
import { teamYear } from '../../../src/renderer/src/domain/team/team-year';
import { fixtureTeam, TEAM_IDS } from '../../fixtures/team';

// Absences through the one write path: validated, refused outside the contract or over another absence
// (nothing written), binned and restored, and read back by the team figures and the dashboard.

let db: WorkspaceDb;
const NOW = new Date('2026-05-15T09:00:00Z');

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('absences-test');
  await db.open();
  await db.people.bulkAdd(fixtureTeam.people);
  await db.contracts.bulkAdd(fixtureTeam.contracts);
  await db.amendments.bulkAdd(fixtureTeam.amendments);
  await db.aidedPosts.bulkAdd(fixtureTeam.aidedPosts);
});

afterEach(() => db.close());

const karim = () => fixtureTeam.contracts.find((c) => c.id === TEAM_IDS.karimCdi)!;

describe('absences repository', () => {
  it('saves an unpaid leave that the team figures then count, and a return visit the dashboard then shows', async () => {
    const before = teamYear(await getTeam(db), 2026).etpt;
    const leave = await saveAbsence(
      db,
      { contractId: karim().id, kind: 'unpaid-leave', startDate: '2026-03-01', endDate: '2026-03-31', returnVisitDate: '', note: '' },
      undefined,
      NOW,
    );
    expect(leave.ok).toBe(true);
    // Karim is full time: March's 31 days go.
    expect(teamYear(await getTeam(db), 2026).etpt).toBeCloseTo(before - 31 / 365, 10);

    const accident = await saveAbsence(
      db,
      { contractId: karim().id, kind: 'work-accident', startDate: '2026-04-01', endDate: '2026-04-30' },
      undefined,
      NOW,
    );
    if (!accident.ok) throw new Error(JSON.stringify(accident.errors));
    const visits = (await loadDeadlines(db, '2026-05-02')).filter((d) => d.rule === 'return-to-work-visit');
    expect(visits.map((d) => [d.key, d.dueDate])).toEqual([[`contract:${accident.value.id}:return-to-work-visit`, '2026-05-09']]);

    // Recording the examen's date on the absence is its « fait ».
    const done = await saveAbsence(
      db,
      { ...accident.value, returnVisitDate: '2026-05-04' },
      { id: accident.value.id, updatedAt: accident.value.updatedAt },
      NOW,
    );
    expect(done.ok).toBe(true);
    expect((await loadDeadlines(db, '2026-05-02')).some((d) => d.rule === 'return-to-work-visit')).toBe(false);
  });

  it('refuses an absence before the contract, over another one, on a contract in the bin or on a service civique — and writes nothing', async () => {
    const early = await saveAbsence(
      db,
      { contractId: karim().id, kind: 'sickness', startDate: '2019-01-01', endDate: '2019-01-10' },
      undefined,
      NOW,
    );
    expect(early).toEqual({
      ok: false,
      errors: { startDate: expect.stringMatching(/^Premier jour d’absence\u00a0: le contrat ne commence que le /) },
    });

    const first = await saveAbsence(
      db,
      { contractId: karim().id, kind: 'sickness', startDate: '2026-02-01', endDate: '2026-02-10' },
      undefined,
      NOW,
    );
    expect(first.ok).toBe(true);
    const over = await saveAbsence(
      db,
      { contractId: karim().id, kind: 'unpaid-leave', startDate: '2026-02-10', endDate: '2026-02-20' },
      undefined,
      NOW,
    );
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.errors.startDate).toMatch(/une autre absence couvre déjà ces jours \(Arrêt maladie du 1er févr\. 2026/);

    const civic = fixtureTeam.contracts.find((c) => c.id === TEAM_IDS.inesCivicService)!;
    const volunteer = await saveAbsence(db, { contractId: civic.id, kind: 'sickness', startDate: civic.startDate }, undefined, NOW);
    expect(volunteer.ok).toBe(false);

    await moveToBin(db, 'contracts', { id: karim().id }, NOW);
    const binned = await saveAbsence(db, { contractId: karim().id, kind: 'sickness', startDate: '2026-06-01' }, undefined, NOW);
    expect(binned).toEqual({ ok: false, errors: { contractId: 'Contrat\u00a0: introuvable ou à la corbeille.' } });
    expect(await db.absences.count()).toBe(1);
  });

  it('takes the avenants into account: the PEC renewed to 31 Dec 2026 takes an absence after its initial end (31 Mar), not after the renewal', async () => {
    const absent = (startDate: string, endDate: string) =>
      saveAbsence(db, { contractId: TEAM_IDS.sofianePec, kind: 'sickness', startDate, endDate }, undefined, NOW);
    expect((await absent('2026-04-01', '2026-04-10')).ok).toBe(true);
    expect((await absent('2026-12-31', '2026-12-31')).ok).toBe(true);
    expect(await absent('2026-12-20', '2027-01-01')).toEqual({
      ok: false,
      errors: { endDate: 'Dernier jour d’absence\u00a0: le contrat se termine le 31 déc. 2026.' },
    });
  });

  it('bins and restores an absence, which then counts again', async () => {
    const leave = await saveAbsence(
      db,
      { contractId: karim().id, kind: 'unpaid-leave', startDate: '2026-03-01', endDate: '2026-03-31' },
      undefined,
      NOW,
    );
    if (!leave.ok) throw new Error('not saved');
    const withLeave = teamYear(await getTeam(db), 2026).etpt;
    await moveToBin(db, 'absences', { id: leave.value.id, updatedAt: leave.value.updatedAt }, NOW);
    expect(teamYear(await getTeam(db), 2026).etpt).toBeCloseTo(withLeave + 31 / 365, 10);
    await restoreFromBin(db, 'absences', leave.value.id, NOW);
    expect(teamYear(await getTeam(db), 2026).etpt).toBeCloseTo(withLeave, 10);
  });

  it('« Fait » on the examen de reprise from the dashboard writes its date on the absence; a date before the return is refused', async () => {
    const accident = await saveAbsence(
      db,
      { contractId: karim().id, kind: 'work-accident', startDate: '2026-04-01', endDate: '2026-04-30' },
      undefined,
      NOW,
    );
    if (!accident.ok) throw new Error('not saved');
    const visit = (await loadDeadlines(db, '2026-05-15')).find((d) => d.rule === 'return-to-work-visit')!;
    expect(await recordDeadlineFact(db, visit, { date: '2026-04-30' }, '2026-05-15')).toEqual({
      ok: false,
      errors: { date: 'Date de l’examen de reprise\u00a0: l’examen a lieu à la reprise, après le dernier jour d’absence.' },
    });
    expect(await recordDeadlineFact(db, visit, { date: '2026-05-04' }, '2026-05-15')).toEqual({
      ok: true,
      message: 'Examen de reprise enregistré au 4 mai 2026.',
    });
    expect((await db.absences.get(accident.value.id))?.returnVisitDate).toBe('2026-05-04');
    expect((await loadDeadlines(db, '2026-05-15')).some((d) => d.rule === 'return-to-work-visit')).toBe(false);
  });
});
