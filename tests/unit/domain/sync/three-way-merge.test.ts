import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conflictKind, mergeAll, mergeRecords, type MergeSide } from '../../../../src/renderer/src/domain/sync/three-way-merge';

// Two laptops edited one record apart; the merge must keep every edit, reach the same record on both
// laptops, and flag for a person the amounts, dates and statuses both changed.

const RUNS = Number(process.env.SYNC_MERGE_RUNS ?? 200);

const base = {
  id: 'g1',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  deletedAt: null,
  title: 'Fonjep 2027',
  requestedCents: 700_000,
  periodStart: '2027-01-01',
  status: 'to-prepare',
  notes: '',
};
const awa = { person: 'Awa', at: '2026-11-24T10:00:00.000Z' };
const karim = { person: 'Karim', at: '2026-11-24T10:05:00.000Z' };
const side = (record: Record<string, unknown>, author: typeof awa, rev: string): MergeSide => ({ record, author, rev });

describe('three-way merge, by hand', () => {
  it('keeps each side’s change to different fields', () => {
    const a = side({ ...base, title: 'Fonjep 2027 (renouvellement)', updatedAt: '2026-11-24T10:00:00.000Z' }, awa, '2-a');
    const b = side({ ...base, notes: 'Appeler la DDETS', updatedAt: '2026-11-24T10:05:00.000Z' }, karim, '2-b');
    const { record, conflicts } = mergeRecords(base, a, b);
    expect(record).toEqual({
      ...base,
      title: 'Fonjep 2027 (renouvellement)',
      notes: 'Appeler la DDETS',
      updatedAt: '2026-11-24T10:05:00.000Z',
    });
    expect(conflicts).toEqual([]);
  });

  it('the same amount changed on both: the later edit wins and a « conflit à vérifier » names both values and who', () => {
    const a = side({ ...base, requestedCents: 710_000, updatedAt: '2026-11-24T10:00:00.000Z' }, awa, '2-a');
    const b = side({ ...base, requestedCents: 700_001, updatedAt: '2026-11-24T10:00:00.001Z' }, karim, '2-b');
    const { record, conflicts } = mergeRecords(base, a, b);
    expect(record.requestedCents).toBe(700_001);
    expect(conflicts).toEqual([
      { field: 'requestedCents', kind: 'money', kept: { value: 700_001, author: karim }, other: { value: 710_000, author: awa } },
    ]);
  });

  it('the same text changed on both: the later edit wins, no conflict to check', () => {
    const a = side({ ...base, notes: 'A', updatedAt: '2026-11-24T10:00:00.000Z' }, awa, '2-a');
    const b = side({ ...base, notes: 'B', updatedAt: '2026-11-23T10:00:00.000Z' }, karim, '2-b');
    const { record, conflicts } = mergeRecords(base, a, b);
    expect(record.notes).toBe('A');
    expect(conflicts).toEqual([]);
  });

  it('a date and a status changed on both are flagged', () => {
    const a = side({ ...base, periodStart: '2027-01-01', status: 'filed', updatedAt: '2026-11-24T10:00:00.000Z' }, awa, '2-a');
    const b = side({ ...base, periodStart: '2027-01-02', status: 'granted', updatedAt: '2026-11-24T09:00:00.000Z' }, karim, '2-b');
    const changedA = { ...a, record: { ...a.record, periodStart: '2026-12-31' } };
    const { conflicts } = mergeRecords(base, changedA, b);
    expect(conflicts.map((c) => [c.field, c.kind, c.kept.value, c.other.value])).toEqual([
      ['periodStart', 'date', '2026-12-31', '2027-01-02'],
      ['status', 'status', 'filed', 'granted'],
    ]);
  });

  it('binned on one laptop, edited on the other: binned, and the edit kept', () => {
    const a = side({ ...base, deletedAt: '2026-11-24T10:00:00.000Z', updatedAt: '2026-11-24T10:00:00.000Z' }, awa, '2-a');
    const b = side({ ...base, requestedCents: 720_000, updatedAt: '2026-11-24T10:05:00.000Z' }, karim, '2-b');
    const { record, conflicts } = mergeRecords(base, a, b);
    expect(record.deletedAt).toBe('2026-11-24T10:00:00.000Z');
    expect(record.requestedCents).toBe(720_000);
    expect(conflicts).toEqual([]);
  });

  it('without a known base, every differing field counts as changed on both', () => {
    const a = side({ ...base, requestedCents: 1, updatedAt: '2026-11-24T10:00:00.000Z' }, awa, '2-a');
    const b = side({ ...base, updatedAt: '2026-11-24T11:00:00.000Z' }, karim, '2-b');
    const { record, conflicts } = mergeRecords(null, a, b);
    expect(record.requestedCents).toBe(700_000);
    expect(conflicts.map((c) => c.field)).toEqual(['requestedCents']);
  });

  it('classifies money, dates and statuses from the field and its values', () => {
    expect(conflictKind('grantedCents', 1, 2)).toBe('money');
    expect(conflictKind('status', 'a', 'b')).toBe('status');
    expect(conflictKind('endDate', null, '2026-01-01')).toBe('date');
    expect(conflictKind('comment', '2026-02-30', 'x')).toBeNull();
    expect(conflictKind('comment', '2026-02-28', 'x')).toBe('date');
    expect(conflictKind('updatedAt', 'a', 'b')).toBeNull();
    expect(conflictKind('title', 'a', 'b')).toBeNull();
  });
});

// ——— properties ———

const FIELDS = ['title', 'notes', 'amountCents', 'grantedCents', 'endDate', 'status', 'count'] as const;
const valueOf = (field: string) =>
  field.endsWith('Cents') || field === 'count'
    ? fc.integer({ min: 0, max: 5 })
    : field.endsWith('Date')
      ? fc.constantFrom('2026-01-01', '2026-12-31', '2027-01-01')
      : field === 'status'
        ? fc.constantFrom('to-prepare', 'filed', 'granted')
        : fc.constantFrom('', 'a', 'b');
const recordArb = fc.record(
  Object.fromEntries(FIELDS.map((f) => [f, valueOf(f)])) as Record<(typeof FIELDS)[number], fc.Arbitrary<unknown>>,
  {
    requiredKeys: [],
  },
);
const stampArb = fc.constantFrom('2026-11-24T10:00:00.000Z', '2026-11-24T10:00:00.001Z', '2026-11-24T11:00:00.000Z');
const sideArb = fc.record({
  fields: recordArb,
  updatedAt: stampArb,
  person: fc.constantFrom('Awa', 'Karim', null),
  rev: fc.constantFrom('2-a', '2-b', '3-c'),
});
const toSide = (s: { fields: Record<string, unknown>; updatedAt: string; person: string | null; rev: string }): MergeSide => ({
  record: { id: 'r1', createdAt: '2026-01-01T00:00:00.000Z', deletedAt: null, ...s.fields, updatedAt: s.updatedAt },
  author: { person: s.person, at: s.updatedAt },
  rev: s.rev,
});

describe('three-way merge, properties', () => {
  it('is the same on both laptops (symmetric), with any number of revisions in any order', () => {
    fc.assert(
      fc.property(recordArb, sideArb, sideArb, sideArb, (b, one, two, three) => {
        const sides = [toSide(one), toSide(two), toSide(three)];
        const baseRecord = { id: 'r1', ...b };
        expect(mergeRecords(baseRecord, sides[0]!, sides[1]!)).toEqual(mergeRecords(baseRecord, sides[1]!, sides[0]!));
        expect(mergeAll(baseRecord, sides)).toEqual(mergeAll(baseRecord, [sides[2]!, sides[0]!, sides[1]!]));
      }),
      { numRuns: RUNS },
    );
  });

  it('loses no field: a field changed on one side only keeps that change, every value comes from a side', () => {
    fc.assert(
      fc.property(recordArb, sideArb, sideArb, (b, one, two) => {
        const [a, c] = [toSide(one), toSide(two)];
        const { record } = mergeRecords(b, a, c);
        for (const field of FIELDS) {
          const aChanged = JSON.stringify(a.record[field]) !== JSON.stringify(b[field]);
          const cChanged = JSON.stringify(c.record[field]) !== JSON.stringify(b[field]);
          if (aChanged && !cChanged) expect(record[field]).toEqual(a.record[field]);
          if (cChanged && !aChanged) expect(record[field]).toEqual(c.record[field]);
          expect([a.record[field], c.record[field]]).toContainEqual(record[field]);
        }
        expect(record.updatedAt).toBe([a.record.updatedAt, c.record.updatedAt].sort().at(-1));
      }),
      { numRuns: RUNS },
    );
  });

  it('flags every amount, date and status both sides changed to different values — and nothing else', () => {
    fc.assert(
      fc.property(recordArb, sideArb, sideArb, (b, one, two) => {
        const [a, c] = [toSide(one), toSide(two)];
        const { record, conflicts } = mergeRecords(b, a, c);
        const expected = FIELDS.filter((field) => {
          const av = a.record[field];
          const cv = c.record[field];
          const both =
            JSON.stringify(av) !== JSON.stringify(b[field]) &&
            JSON.stringify(cv) !== JSON.stringify(b[field]) &&
            JSON.stringify(av) !== JSON.stringify(cv);
          return both && conflictKind(field, av, cv) !== null;
        });
        expect(conflicts.map((conflict) => conflict.field).sort()).toEqual([...expected].sort());
        for (const conflict of conflicts) {
          expect(record[conflict.field]).toEqual(conflict.kept.value);
          expect([a.record[conflict.field], c.record[conflict.field]]).toContainEqual(conflict.other.value);
          expect(conflict.kept.value).not.toEqual(conflict.other.value);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
