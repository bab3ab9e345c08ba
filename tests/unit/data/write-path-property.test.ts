import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { moveToBin, restoreFromBin, savePerson } from '../../../src/renderer/src/data/team-repository';
import type { PersonRecord } from '../../../src/renderer/src/domain/team/person';

// Random interleavings of saves and deletions from two connections on one espace (two tabs): no field is
// ever lost silently. Each save is applied, merged (both sides' fields kept) or refused (nothing
// written); a deletion goes through only when the record is as its page showed it; a save never moves
// the record in or out of the bin.

const FIELDS = ['firstName', 'jobTitle', 'notes'] as const;
type Field = (typeof FIELDS)[number];
const VALUES = ['Awa', 'Karim', 'Lina'] as const;

type Step =
  | { kind: 'load'; tab: 0 | 1 }
  | { kind: 'save'; tab: 0 | 1; field: Field; value: string }
  | { kind: 'bin'; tab: 0 | 1 }
  | { kind: 'restore'; tab: 0 | 1 };

const tab = fc.constantFrom<0 | 1>(0, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('load' as const), tab }),
  fc.record({ kind: fc.constant('save' as const), tab, field: fc.constantFrom(...FIELDS), value: fc.constantFrom(...VALUES) }),
  fc.record({ kind: fc.constant('save' as const), tab, field: fc.constantFrom(...FIELDS), value: fc.constantFrom(...VALUES) }),
  fc.record({ kind: fc.constant('bin' as const), tab }),
  fc.record({ kind: fc.constant('restore' as const), tab }),
);

const formOf = (p: PersonRecord) => ({
  lastName: p.lastName,
  firstName: p.firstName,
  role: p.role,
  jobTitle: p.jobTitle ?? '',
  notes: p.notes ?? '',
});

let open: WorkspaceDb[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
  vi.useRealTimers();
});

describe('two tabs saving and binning one person in any order', () => {
  it('never loses a field silently', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        run += 1;
        for (const db of open) db.close();
        const name = `prop-${run}`;
        const tabs = [new WorkspaceDb(name), new WorkspaceDb(name)] as const;
        open = [...tabs];
        await Promise.all(tabs.map((db) => db.open()));
        let clock = new Date(2026, 4, 15, 9, 0).getTime();
        const tick = () => {
          clock += 60_000;
          vi.setSystemTime(clock);
          return new Date(clock);
        };
        const created = await savePerson(tabs[0], { lastName: 'Diallo', firstName: 'Awa', role: 'employee' }, undefined, tick());
        if (!created.ok) throw new Error('seed');
        const id = created.value.id;
        const loaded: (PersonRecord | null)[] = [created.value, created.value];
        const stored = async () => (await tabs[0].people.get(id))!;

        for (const s of steps) {
          const db = tabs[s.tab];
          const before = await stored();
          const now = tick();
          if (s.kind === 'load') {
            loaded[s.tab] = before;
            continue;
          }
          if (s.kind === 'restore') {
            await restoreFromBin(db, 'people', id, now);
            continue;
          }
          const form = loaded[s.tab];
          if (form === null || form === undefined) continue;
          if (s.kind === 'bin') {
            const result = await moveToBin(db, 'people', { id, updatedAt: form.updatedAt }, now);
            const after = await stored();
            if (result.ok) {
              expect(before.updatedAt).toBe(form.updatedAt);
              expect(after.deletedAt).toBe(now.toISOString());
            } else {
              expect(after).toEqual(before);
            }
            loaded[s.tab] = null;
            continue;
          }
          const mine = { ...formOf(form), [s.field]: s.value };
          const result = await savePerson(db, mine, { id, updatedAt: form.updatedAt }, now);
          const after = await stored();
          // A save never touches the bin stamp.
          expect(after.deletedAt).toBe(before.deletedAt);
          if (!result.ok) {
            expect(after).toEqual(before);
            expect(result.errors['']).toMatch(/rien n’a été enregistré/);
            continue;
          }
          for (const field of FIELDS) {
            const changedByMe = (mine[field] || undefined) !== (form[field] || undefined);
            // My changes are written; every other field is what was stored — never the form's stale value.
            expect(after[field] ?? '').toBe(changedByMe ? mine[field] : (before[field] ?? ''));
          }
          loaded[s.tab] = after;
        }
      }),
      { numRuns: 60 },
    );
    for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  }, 60_000);
});
