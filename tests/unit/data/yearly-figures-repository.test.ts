import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import {
  binYearlyFigure,
  getYearlyFigures,
  restoreYearlyFigure,
  saveYearlyFigure,
} from '../../../src/renderer/src/data/yearly-figures-repository';
import { getTeam } from '../../../src/renderer/src/data/team-repository';
import { teamYear } from '../../../src/renderer/src/domain/team/team-year';
import { fixtureTeam, TEAM_IDS } from '../../fixtures/team';

// The association's dated figures through the one write path: typed as the screen types them, refused in
// French (nothing written), one per figure and date, binned and restored — and read by the team figures.

let db: WorkspaceDb;
const NOW = new Date('2026-06-20T09:00:00Z');

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('figures-test');
  await db.open();
});

afterEach(() => db.close());

describe('dated figures repository', () => {
  it('saves a new SMIC typed « 12,30 » and merges it after the defaults', async () => {
    const saved = await saveYearlyFigure(
      db,
      { figure: 'smic-hourly', from: '2026-07-01', cents: '12,30', source: 'Décret du 25 juin 2026' },
      undefined,
      NOW,
    );
    expect(saved.ok).toBe(true);
    const figures = await getYearlyFigures(db);
    expect(figures['smic-hourly'].map((f) => [f.from, f.cents])).toEqual([
      ['2024-11-01', 1_188],
      ['2026-01-01', 1_202],
      ['2026-07-01', 1_230],
    ]);
  });

  it('refuses an amount that is not one, a missing source, and a second value on the same date — writing nothing', async () => {
    expect(
      await saveYearlyFigure(db, { figure: 'smic-hourly', from: '2026-07-01', cents: 'douze', source: 'x' }, undefined, NOW),
    ).toMatchObject({
      ok: false,
      errors: { cents: expect.stringMatching(/^Montant\u00a0: /) },
    });
    expect(await saveYearlyFigure(db, { figure: 'smic-hourly', from: '2026-07-01', cents: '12,30', source: '' }, undefined, NOW)).toEqual({
      ok: false,
      errors: { source: 'Source\u00a0: champ obligatoire.' },
    });
    expect(
      (await saveYearlyFigure(db, { figure: 'smic-hourly', from: '2026-07-01', cents: '12,30', source: 'JO' }, undefined, NOW)).ok,
    ).toBe(true);
    expect(await saveYearlyFigure(db, { figure: 'smic-hourly', from: '2026-07-01', cents: '12,40', source: 'JO' }, undefined, NOW)).toEqual(
      {
        ok: false,
        errors: { from: 'En vigueur à partir du\u00a0: une valeur est déjà saisie pour le 1er juil. 2026 — retirez-la d’abord.' },
      },
    );
    // Another figure on the same date is fine.
    expect(
      (await saveYearlyFigure(db, { figure: 'adulte-relais-aid', from: '2026-07-01', cents: '23 300', source: 'Arrêté' }, undefined, NOW))
        .ok,
    ).toBe(true);
    expect(await db.yearlyFigures.count()).toBe(2);
  });

  it('feeds the team’s aid: the adulte-relais post of the fixture follows a new amount from 1 July only if it has none of its own', async () => {
    await db.people.bulkAdd(fixtureTeam.people);
    await db.contracts.bulkAdd(fixtureTeam.contracts);
    await db.aidedPosts.bulkAdd(fixtureTeam.aidedPosts.map((p) => (p.id === TEAM_IDS.fatouPost ? { ...p, annualAidCents: undefined } : p)));
    const fatou = async () =>
      teamYear(await getTeam(db), 2026).contracts.find((c) => c.contract.id === TEAM_IDS.fatouAdulteRelais)!.aidExpectedCents;
    const before = await fatou();
    const saved = await saveYearlyFigure(
      db,
      { figure: 'adulte-relais-aid', from: '2026-07-01', cents: '23 300,00', source: 'Arrêté 2026' },
      undefined,
      NOW,
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    // 184 days of 2026 at 23 300 € instead of 22 810,61 €: (2 330 000 − 2 281 061) × 184 ÷ 365 more, full time.
    expect(await fatou()).toBe(Math.round(before + ((2_330_000 - 2_281_061) * 184) / 365));
    await binYearlyFigure(db, { id: saved.value.id, updatedAt: saved.value.updatedAt }, NOW);
    expect(await fatou()).toBe(before);
    await restoreYearlyFigure(db, saved.value.id, NOW);
    expect(await fatou()).toBe(Math.round(before + ((2_330_000 - 2_281_061) * 184) / 365));
  });
});
