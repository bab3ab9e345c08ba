import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { saveFinancialReport } from '../../../src/renderer/src/data/dossier-repository';
import { fixtureApplications } from '../../fixtures/funding';

// One compte-rendu per exercise of a CPO: saving exercise 2 leaves exercise 1 as it was, each keeps its own
// revision, and an exercise the grant does not have is refused with a French message, nothing saved.

const NOW = new Date('2026-11-24T09:00:00Z');
const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('report-exercises-test');
  await db.open();
  await db.grantApplications.bulkAdd(
    fixtureApplications.filter((a) => a.id === 'app-city-cpo' || a.id === 'app-city-festival').map((a) => ({ ...a, ...stamps })),
  );
});

afterEach(() => db.close());

const line = (actualCents: number) => [{ account: '74.municipality', funderId: 'funder-city', forecastCents: 3_000_000, actualCents }];

describe('the compte-rendu of each exercise', () => {
  it('keeps exercise 1 untouched when exercise 2 of a CPO is saved, then updates each on its own', async () => {
    const first = await saveFinancialReport(
      db,
      { grantApplicationId: 'app-city-cpo', exercise: 1, howItRan: 'Année 1.', lines: line(3_000_000) },
      NOW,
    );
    const second = await saveFinancialReport(
      db,
      { grantApplicationId: 'app-city-cpo', exercise: 2, howItRan: 'Année 2.', lines: line(2_800_000) },
      NOW,
    );
    if (!first.ok || !second.ok) throw new Error('expected both saved');
    expect(first.value.id).not.toBe(second.value.id);
    expect(await db.financialReports.count()).toBe(2);

    const later = new Date('2026-11-24T10:00:00Z');
    const again = await saveFinancialReport(
      db,
      { grantApplicationId: 'app-city-cpo', exercise: 2, howItRan: 'Année 2, corrigée.', lines: line(2_900_000) },
      later,
      second.value.updatedAt,
    );
    expect(again.ok).toBe(true);
    const stored = await db.financialReports.toArray();
    const byExercise = Object.fromEntries(stored.map((r) => [r.exercise, r]));
    expect(byExercise[1]).toMatchObject({ howItRan: 'Année 1.', updatedAt: first.value.updatedAt });
    expect(byExercise[1]!.lines[0]!.actualCents).toBe(3_000_000);
    expect(byExercise[2]).toMatchObject({ howItRan: 'Année 2, corrigée.', updatedAt: later.toISOString() });
    expect(byExercise[2]!.lines[0]!.actualCents).toBe(2_900_000);
  });

  it('refuses an exercise the grant does not have, and saves nothing', async () => {
    const fourth = await saveFinancialReport(db, { grantApplicationId: 'app-city-cpo', exercise: 4, howItRan: 'Année 4.' }, NOW);
    expect(fourth).toMatchObject({ ok: false, errors: { exercise: 'Exercice\u00a0: cette subvention a 3 exercices, de 1 à 3.' } });
    const single = await saveFinancialReport(db, { grantApplicationId: 'app-city-festival', exercise: 2 }, NOW);
    expect(single).toMatchObject({ ok: false, errors: { exercise: 'Exercice\u00a0: cette subvention n’a qu’un exercice.' } });
    expect(await db.financialReports.count()).toBe(0);
  });

  it('refuses a compte-rendu of an application that is in the bin', async () => {
    await db.grantApplications.update('app-city-cpo', { deletedAt: '2026-11-20T09:00:00.000Z' });
    const result = await saveFinancialReport(db, { grantApplicationId: 'app-city-cpo', exercise: 1 }, NOW);
    expect(result).toMatchObject({
      ok: false,
      errors: { '': 'Cette demande n’existe plus ou est dans la corbeille\u00a0: rien n’a été enregistré.' },
    });
    expect(await db.financialReports.count()).toBe(0);
  });
});
