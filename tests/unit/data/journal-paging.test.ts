import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { listJournal, listJournalMatching, listJournalPeople, readJournalPage } from '../../../src/renderer/src/data/journal-repository';
import { filterJournal, type JournalEntry, type JournalFilter } from '../../../src/renderer/src/domain/journal/journal';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';
import { fixtureAgreements, fixturePartners } from '../../fixtures/partners';
import { fixtureTeam } from '../../fixtures/team';

// The journal page reads one page through indexes instead of the whole journal: on the fixture
// association's journal it must show exactly what the old full read, filtered and cut, showed.

const STAMPS = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };
let db: WorkspaceDb;

/** The page as the journal screen computed it before: everything read, filtered in memory, then cut. */
function oldPage(all: JournalEntry[], filter: JournalFilter, limit: number) {
  const { person, ...rest } = filter;
  const shown = filterJournal(all, rest).filter((e) => person === undefined || person === '' || e.person === person);
  return { entries: shown.slice(0, limit), matching: shown.length, total: all.length };
}

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  vi.useFakeTimers({ toFake: ['Date'] });
  db = new WorkspaceDb('ws-journal-paging');
  await db.open();
  // The fixture association typed in over three days by three people (and once with nobody picked);
  // bulk writes put many entries in one millisecond, whose order only `seq` keeps.
  const days: [string, string | null, () => Promise<unknown>][] = [
    ['2026-11-20T08:30:00.000Z', 'Awa Diop', () => db.funders.bulkAdd(fixtureFunders.map((f) => ({ ...STAMPS, ...f })) as never)],
    [
      '2026-11-20T23:30:00.000Z',
      'Karim Benali',
      () => db.grantApplications.bulkAdd(fixtureApplications.map((a) => ({ ...STAMPS, ...a })) as never),
    ],
    ['2026-11-22T10:00:00.000Z', null, () => db.payments.bulkAdd(fixturePayments.map((p) => ({ ...STAMPS, ...p })) as never)],
    ['2026-11-23T14:00:00.000Z', 'Fatou Camara', () => db.people.bulkAdd(fixtureTeam.people)],
    ['2026-11-23T14:00:00.000Z', 'Fatou Camara', () => db.contracts.bulkAdd(fixtureTeam.contracts)],
    ['2026-11-24T09:15:00.000Z', 'Awa Diop', () => db.partners.bulkAdd(fixturePartners)],
    ['2026-11-24T09:16:00.000Z', 'Karim Benali', () => db.agreements.bulkAdd(fixtureAgreements)],
  ];
  for (const [at, person, write] of days) {
    vi.setSystemTime(new Date(at));
    db.setCurrentPerson(person);
    await write();
  }
});

afterEach(() => {
  db.close();
  vi.useRealTimers();
});

const FILTERS: JournalFilter[] = [
  {},
  { table: 'grantApplications' },
  { person: 'Awa Diop' },
  { person: null },
  { person: 'Fatou Camara', table: 'contracts' },
  { from: '2026-11-21', to: '2026-11-23' },
  { table: 'payments', from: '2026-11-22', to: '2026-11-22' },
  { person: 'Karim Benali', from: '2026-11-24' },
  { text: 'caf' },
  { text: 'ville', table: 'funders' },
  { to: '2026-11-20' },
];

describe('the journal, one page at a time', () => {
  it('shows the same entries, counts and totals as reading the whole journal', async () => {
    const all = await listJournal(db);
    expect(all.length).toBeGreaterThan(40);
    for (const filter of FILTERS) {
      for (const limit of [1, 5, 7, 12, 300]) {
        expect(await readJournalPage(db, filter, limit), JSON.stringify({ filter, limit })).toEqual(oldPage(all, filter, limit));
      }
      expect(await listJournalMatching(db, filter)).toEqual(oldPage(all, filter, Infinity).entries);
    }
  });

  it('cuts a page inside one millisecond in the order the changes were made', async () => {
    const all = await listJournal(db);
    // Six people written in one transaction share a millisecond: the page of 3 holds the last three written.
    const page = await readJournalPage(db, { table: 'people' }, 3);
    expect(page.entries.map((e) => e.summary)).toEqual(
      all
        .filter((e) => e.table === 'people')
        .slice(0, 3)
        .map((e) => e.summary),
    );
    expect(page.entries.map((e) => e.seq)).toEqual([...page.entries.map((e) => e.seq)].sort((a, b) => b - a));
    expect(page.matching).toBe(fixtureTeam.people.length);
  });

  it('lists who signed changes, with « nobody » when a change was made unsigned', async () => {
    const all = await listJournal(db);
    const old = [...new Set(all.map((e) => e.person))].sort((a, b) => (a ?? '').localeCompare(b ?? '', 'fr'));
    expect(await listJournalPeople(db)).toEqual(old);
    expect(await listJournalPeople(db)).toEqual([null, 'Awa Diop', 'Fatou Camara', 'Karim Benali']);
  });
});
