import { describe, expect, it } from 'vitest';
import {
  describeGroup,
  groupBin,
  groupsToPurge,
  isExpired,
  mainItem,
  type BinItem,
} from '../../../../src/renderer/src/domain/bin/bin-groups';

const T1 = '2026-11-20T10:00:00.000Z';
const T2 = '2026-11-24T15:30:00.000Z';

const item = (table: string, key: string, fields: Record<string, unknown>, deletedAt = T1): BinItem => ({
  table,
  key,
  record: { id: key, ...fields, deletedAt },
});

const missionLocale = item('partners', 'p-1', { name: 'Mission locale' });
const contactA = item('contacts', 'c-1', { partnerId: 'p-1', lastName: 'Moreau' });
const contactB = item('contacts', 'c-2', { partnerId: 'p-1', lastName: 'Petit' });

describe('grouping the bin by deletion', () => {
  it('finds the record the others point to, whatever the order', () => {
    expect(mainItem([contactA, missionLocale, contactB])).toBe(missionLocale);
  });

  it('describes a partner binned with its contacts as one deletion', () => {
    expect(describeGroup([contactA, missionLocale, contactB])).toBe('Partenaire « Mission locale » et 2 contacts');
  });

  it('lists several kinds of companions', () => {
    const agreement = item('agreements', 'a-1', { title: 'Mise à disposition de locaux' });
    const parties = [1, 2].map((n) => item('agreementParties', `ap-${n}`, { agreementId: 'a-1', partnerId: `p-${n}` }));
    const file = item('attachments', 'f-1', { ownerId: 'a-1', fileName: 'convention.pdf' });
    expect(describeGroup([file, ...parties, agreement])).toBe(
      'Convention « Mise à disposition de locaux », 2 signataires et 1 fichier joint',
    );
  });

  it('makes one group per stamp, newest first', () => {
    const lone = item('contacts', 'c-9', { partnerId: 'p-3', lastName: 'Benali' }, T2);
    const groups = groupBin([contactA, lone, missionLocale, contactB]);
    expect(groups.map((g) => [g.deletedAt, g.description])).toEqual([
      [T2, 'Contact « Benali »'],
      [T1, 'Partenaire « Mission locale » et 2 contacts'],
    ]);
    expect(groups[1]!.items).toHaveLength(3);
  });
});

describe('the 30-day purge rule', () => {
  const deletedAt = '2026-10-01T08:00:00.000Z';
  it.each([
    ['the same day', '2026-10-01T20:00:00.000Z', false],
    ['29 days later', '2026-10-30T08:00:00.000Z', false],
    ['one minute before 30 days', '2026-10-31T07:59:00.000Z', false],
    ['exactly 30 days later', '2026-10-31T08:00:00.000Z', true],
    ['a year later', '2027-10-01T08:00:00.000Z', true],
  ])('a deletion seen %s expired: %s', (_label, now, expected) => {
    expect(isExpired(deletedAt, new Date(now))).toBe(expected);
  });

  it('keeps a stamp that is not a date rather than destroy it', () => {
    expect(isExpired('n’importe quoi', new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('picks only the old groups', () => {
    const groups = [{ deletedAt: '2026-09-01T10:00:00.000Z' }, { deletedAt: T1 }, { deletedAt: '2026-10-26T10:00:00.000Z' }];
    expect(groupsToPurge(groups, new Date('2026-11-24T12:00:00.000Z'))).toEqual([{ deletedAt: '2026-09-01T10:00:00.000Z' }]);
  });
});
