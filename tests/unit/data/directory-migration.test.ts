import { describe, expect, it } from 'vitest';
import { DIRECTORY_VERSION, workspaceVersions } from '../../../src/renderer/src/data/schema';
import { migrateFrom } from './migration-helper';

// Issue 19, one directory: opening an espace of version 12 gives every funder its organisation of the
// directory under the same id — so the applications' funderId still names it — marks the existing partners
// as partners, and links an aided post's free-text funder to the one organisation of that name.

const stamps = { createdAt: '2025-09-01T08:00:00.000Z', updatedAt: '2025-09-02T08:00:00.000Z', deletedAt: null };

const ville = {
  id: 'f-ville',
  name: 'Ville de Saint-Denis',
  kind: 'municipality',
  portal: 'funder-portal',
  service: 'Direction de la vie associative',
  ...stamps,
};
const anct = { id: 'f-anct', name: 'Préfecture de Seine-Saint-Denis', kind: 'state', portal: 'dauphin', ...stamps };
const fondation = { id: 'f-fdf', name: 'Fondation de France', kind: 'private', portal: 'funder-portal', ...stamps };
const binnedFunder = {
  id: 'f-old',
  name: 'Ancien financeur',
  kind: 'region',
  portal: 'paper',
  ...stamps,
  deletedAt: '2026-01-01T00:00:00.000Z',
};
const mairie = {
  id: 'p-mairie',
  name: 'Mairie de Saint-Denis',
  kind: 'public',
  publicSubKind: 'mairie',
  federated: false,
  charterSignatory: false,
  siret: '21930066500018',
  tags: ['collectivité'],
  ...stamps,
};
const centre = {
  id: 'p-centre',
  name: 'Centre social Floréal',
  kind: 'public',
  publicSubKind: 'centre-social',
  federated: false,
  charterSignatory: false,
  tags: [],
  ...stamps,
};
const application = {
  id: 'g1',
  funderId: 'f-ville',
  title: 'Soutien au fonctionnement 2026',
  status: 'granted',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  requestedCents: 1_000_000,
  projectIds: [],
  ...stamps,
};
const postOf = (id: string, funder?: string) => ({
  id,
  contractId: `c-${id}`,
  scheme: 'pec',
  aidStartDate: '2026-01-01',
  aidEndDate: '2026-12-31',
  aidMode: 'annual',
  annualAidCents: 600_000,
  paymentRhythm: 'monthly',
  renewalLeadMonths: 2,
  receipts: [],
  ...(funder === undefined ? {} : { funder }),
  ...stamps,
});

describe(`workspace schema version ${DIRECTORY_VERSION} (one directory)`, () => {
  it('gives each funder its organisation under the same id and links aided posts by name', async () => {
    await migrateFrom({
      name: 'directory-migration-test',
      versions: workspaceVersions,
      from: DIRECTORY_VERSION - 1,
      seed: async (db) => {
        await db.table('funders').bulkAdd([ville, anct, fondation, binnedFunder]);
        await db.table('partners').bulkAdd([mairie, centre]);
        await db.table('grantApplications').add(application);
        await db
          .table('aidedPosts')
          .bulkAdd([postOf('a1', 'FONDATION DE FRANCE'), postOf('a2', 'ASP'), postOf('a3'), postOf('a4', '  centre social floreal ')]);
      },
      check: async (db) => {
        // Funders are untouched: their readers (budget line 74, deadlines, dossier) go on as before.
        expect(await db.table('funders').toArray()).toEqual(expect.arrayContaining([ville, anct, fondation, binnedFunder]));
        expect(await db.table('funders').count()).toBe(4);
        expect(await db.table('grantApplications').toArray()).toEqual([application]);

        const partners = await db.table('partners').toArray();
        expect(partners).toHaveLength(6);
        expect(await db.table('partners').get('p-mairie')).toEqual({ ...mairie, roles: ['partner'] });
        expect(await db.table('partners').get('p-centre')).toEqual({ ...centre, roles: ['partner'] });
        expect(await db.table('partners').get('f-ville')).toEqual({
          id: 'f-ville',
          name: 'Ville de Saint-Denis',
          kind: 'public',
          publicSubKind: 'mairie',
          federated: false,
          charterSignatory: false,
          tags: [],
          roles: ['funder'],
          ...stamps,
        });
        expect(await db.table('partners').get('f-anct')).toMatchObject({ kind: 'public', publicSubKind: 'prefecture', roles: ['funder'] });
        expect(await db.table('partners').get('f-fdf')).toMatchObject({ kind: 'foundation', roles: ['funder'] });
        expect((await db.table('partners').get('f-fdf')).publicSubKind).toBeUndefined();
        // A funder in the bin has its organisation in the bin with the same stamp: restoring one finds the other.
        expect(await db.table('partners').get('f-old')).toMatchObject({ deletedAt: binnedFunder.deletedAt, roles: ['funder'] });

        // The application's funder is one record of the directory.
        expect((await db.table('partners').get(application.funderId)).name).toBe('Ville de Saint-Denis');

        const posts = await db.table('aidedPosts').toArray();
        const byId = new Map(posts.map((p) => [p.id, p]));
        expect(byId.get('a1')).toEqual({ ...postOf('a1', 'FONDATION DE FRANCE'), funderId: 'f-fdf' });
        // No organisation named « ASP »: the text stays, shown « à relier ».
        expect(byId.get('a2')).toEqual(postOf('a2', 'ASP'));
        expect(byId.get('a3')).toEqual(postOf('a3'));
        expect(byId.get('a4')).toEqual({ ...postOf('a4', '  centre social floreal '), funderId: 'p-centre' });
        expect(await db.table('aidedPosts').where('funderId').equals('f-fdf').count()).toBe(1);
      },
    });
  });

  it('leaves an espace encrypted at rest as it was: its records cannot be read before the unlock', async () => {
    const sealed = { key: 'protection', value: { salt: 'abc', wrapped: 'def' } };
    await migrateFrom({
      name: 'directory-migration-protected-test',
      versions: workspaceVersions,
      from: DIRECTORY_VERSION - 1,
      seed: async (db) => {
        await db.table('meta').add(sealed);
        await db.table('funders').add(ville);
        await db.table('partners').add(mairie);
        await db.table('aidedPosts').add(postOf('a1', 'Ville de Saint-Denis'));
      },
      check: async (db) => {
        expect(await db.table('funders').toArray()).toEqual([ville]);
        expect(await db.table('partners').toArray()).toEqual([mairie]);
        expect(await db.table('aidedPosts').toArray()).toEqual([postOf('a1', 'Ville de Saint-Denis')]);
      },
    });
  });
});
