import { describe, expect, it } from 'vitest';
import { APPLICATION_LINKS_VERSION, workspaceVersions } from '../../../src/renderer/src/data/schema';
import { migrateFrom } from './migration-helper';

// The version that links applications to the actions they finance: every record kept, the old title
// matching turned once into links, and the link indexed so that « which applications finance this action »
// is one query.

const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };
const app = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  funderId: 'funder-city',
  title,
  purpose: 'project',
  renewal: false,
  multiYear: false,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  status: 'to-prepare',
  requestedCents: 300_000,
  reportDelayMonths: 6,
  ...stamps,
  ...extra,
});

describe(`workspace schema version ${APPLICATION_LINKS_VERSION} (applications linked to actions)`, () => {
  it('links each application to the actions its title or « actions financées » named, and indexes the link', async () => {
    const festival = { id: 'project-festival', title: 'Fête de quartier', startDate: '2026-04-01', ...stamps };
    const schooling = { id: 'project-schooling', title: 'Accompagnement à la scolarité', startDate: '2026-01-01', ...stamps };
    const binned = { id: 'project-binned', title: 'Ateliers', startDate: '2026-01-01', ...stamps, deletedAt: '2026-02-01T00:00:00.000Z' };
    const byTitle = app('app-festival', 'Fête de quartier 2026');
    const byText = app('app-cv', 'Contrat de ville 2026', { projects: 'Accompagnement a la scolarite ; ateliers du mercredi' });
    const operating = app('app-operating', 'Soutien au fonctionnement', { purpose: 'operating' });
    const already = app('app-linked', 'Fête de quartier 2027', { projectIds: [] });
    await migrateFrom({
      name: 'application-links-migration-test',
      versions: workspaceVersions,
      from: APPLICATION_LINKS_VERSION - 1,
      seed: async (db) => {
        await db.table('projects').bulkAdd([festival, schooling, binned]);
        await db.table('grantApplications').bulkAdd([byTitle, byText, operating, already]);
      },
      check: async (db) => {
        expect(await db.table('projects').toArray()).toEqual([festival, binned, schooling].sort((a, b) => a.id.localeCompare(b.id)));
        expect(await db.table('grantApplications').get('app-festival')).toEqual({ ...byTitle, projectIds: ['project-festival'] });
        // Accents and case aside, the text named the schooling action; a binned action is not linked.
        expect(await db.table('grantApplications').get('app-cv')).toEqual({ ...byText, projectIds: ['project-schooling'] });
        expect(await db.table('grantApplications').get('app-operating')).toEqual({ ...operating, projectIds: [] });
        // A record that already carries links keeps them as they are.
        expect(await db.table('grantApplications').get('app-linked')).toEqual(already);
        const financing = await db.table('grantApplications').where('projectIds').equals('project-schooling').primaryKeys();
        expect(financing).toEqual(['app-cv']);
        expect(await db.table('grantApplications').where('funderId').equals('funder-city').count()).toBe(4);
      },
    });
  });
});
