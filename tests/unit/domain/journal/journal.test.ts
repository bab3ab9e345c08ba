import { describe, expect, it } from 'vitest';
import {
  changeSummary,
  classifyChange,
  filterJournal,
  journalCsvRows,
  type JournalEntry,
} from '../../../../src/renderer/src/domain/journal/journal';
import { isSuperseded, lastUndoableBatch, undoSteps } from '../../../../src/renderer/src/domain/journal/undo';

const live = { id: 'p-1', name: 'Mission locale', deletedAt: null };
const binned = { ...live, deletedAt: '2026-11-24T10:00:00.000Z' };

describe('classifyChange', () => {
  it.each([
    ['create', undefined, live],
    ['update', live, { ...live, name: 'Mission locale de Saint-Denis' }],
    ['bin', live, binned],
    ['restore', binned, live],
    ['delete', binned, undefined],
  ])('calls it %s', (kind, before, after) => {
    expect(classifyChange(before, after)).toBe(kind);
  });

  it('summarises in French with the record’s name', () => {
    expect(changeSummary('bin', 'partners', live)).toBe('Mise à la corbeille\u00a0: Partenaire « Mission locale »');
    expect(changeSummary('update', 'association', { id: 'ws', name: 'Les Amis du Quartier' })).toBe(
      'Modification\u00a0: Profil de l’association « Les Amis du Quartier »',
    );
  });
});

let n = 0;
function entry(fields: Partial<JournalEntry>): JournalEntry {
  n += 1;
  return {
    id: `e-${n}`,
    at: new Date(2026, 10, 24, 14, 5).toISOString(),
    table: 'partners',
    recordId: 'p-1',
    person: 'Awa Diop',
    session: 's-1',
    batch: `b-${n}`,
    seq: n,
    kind: 'update',
    summary: 'Modification\u00a0: Partenaire « Mission locale »',
    before: live,
    undoneAt: null,
    ...fields,
  };
}

describe('filterJournal', () => {
  const entries = [
    entry({ person: 'Awa Diop', table: 'partners', at: new Date(2026, 10, 20, 9, 0).toISOString() }),
    entry({
      person: 'Karim Benali',
      table: 'contacts',
      summary: 'Création\u00a0: Contact « Élodie Moreau »',
      at: new Date(2026, 10, 24, 23, 30).toISOString(),
    }),
    entry({
      person: null,
      table: 'association',
      summary: 'Modification\u00a0: Profil de l’association',
      at: new Date(2026, 10, 25, 0, 10).toISOString(),
    }),
  ];

  it('filters by person, kind of record, local days and text (accents and case ignored)', () => {
    expect(filterJournal(entries, { person: 'Karim Benali' })).toEqual([entries[1]]);
    expect(filterJournal(entries, { table: 'association' })).toEqual([entries[2]]);
    expect(filterJournal(entries, { from: '2026-11-21', to: '2026-11-24' })).toEqual([entries[1]]);
    expect(filterJournal(entries, { text: 'elodie' })).toEqual([entries[1]]);
    expect(filterJournal(entries, { text: 'contacts' })).toEqual([entries[1]]);
    expect(filterJournal(entries, {})).toEqual(entries);
  });

  it('writes CSV rows with a header and French date-times', () => {
    const rows = journalCsvRows([entries[1]!, entries[2]!]);
    expect(rows[0]).toEqual(['Date', 'Personne', 'Type de fiche', 'Action', 'Détail', 'Annulé']);
    expect(rows[1]).toEqual([
      '24/11/2026 23:30',
      'Karim Benali',
      'Contacts',
      'Modification',
      'Création\u00a0: Contact « Élodie Moreau »',
      'non',
    ]);
    expect(rows[2]![1]).toBe('Personne non renseignée');
  });
});

describe('undo rules', () => {
  it('takes the latest change of this session and person, whole batch, and nothing from others', () => {
    const older = entry({ batch: 'b-old' });
    const bin1 = entry({ batch: 'b-bin', kind: 'bin' });
    const bin2 = entry({ batch: 'b-bin', kind: 'bin', table: 'contacts', recordId: 'c-1' });
    const otherSession = entry({ session: 's-2' });
    const otherPerson = entry({ person: 'Karim Benali' });
    const all = [older, bin1, bin2, otherSession, otherPerson];
    expect(lastUndoableBatch(all, 's-1', 'Awa Diop')).toEqual([bin1, bin2]);
    expect(lastUndoableBatch(all, 's-1', 'Karim Benali')).toEqual([otherPerson]);
    expect(lastUndoableBatch(all, 's-3', 'Awa Diop')).toEqual([]);
    const afterUndo = [older, { ...bin1, undoneAt: 'x' }, { ...bin2, undoneAt: 'x' }, entry({ kind: 'undo', batch: 'undo:b-bin' })];
    expect(lastUndoableBatch(afterUndo, 's-1', 'Awa Diop')).toEqual([older]);
  });

  it('refuses when someone changed the record since, and puts back the oldest state of a batch', () => {
    const mine = entry({ at: '2026-11-24T10:00:00.000Z' });
    const theirs = entry({ session: 's-2', at: '2026-11-24T10:05:00.000Z' });
    expect(isSuperseded([mine], [mine, theirs])).toBe(true);
    expect(isSuperseded([mine], [mine, { ...theirs, undoneAt: 'x' }])).toBe(false);
    const created = entry({ kind: 'create', before: null, batch: 'b' });
    const edited = entry({ kind: 'update', before: { id: 'p-1', name: 'v1' }, batch: 'b' });
    expect(undoSteps([created, edited])).toEqual([
      { table: 'partners', recordId: 'p-1', restore: { id: 'p-1', name: 'v1' } },
      { table: 'partners', recordId: 'p-1', restore: null },
    ]);
  });
});
