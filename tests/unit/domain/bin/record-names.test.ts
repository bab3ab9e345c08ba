import { describe, expect, it } from 'vitest';
import { describeRecord, readableName, recordNoun } from '../../../../src/renderer/src/domain/bin/record-names';

describe('readableName', () => {
  it.each([
    ['partners', { name: 'Mission locale' }, 'Mission locale'],
    ['people', { lastName: 'Diop', firstName: 'Awa' }, 'Awa Diop'],
    ['contacts', { lastName: 'Moreau' }, 'Moreau'],
    ['contacts', { firstName: 'Léa', lastName: '  ' }, 'Contacts'],
    ['agreements', { title: 'Convention de locaux 2026' }, 'Convention de locaux 2026'],
    ['payments', { label: 'Première tranche' }, 'Première tranche'],
    ['grantApplications', { call: 'Appel à projets QPV 2027' }, 'Appel à projets QPV 2027'],
    ['amendments', { reference: 'AV-2026-03' }, 'AV-2026-03'],
    ['attachments', { fileName: 'convention-signee.pdf' }, 'convention-signee.pdf'],
    ['agreementParties', { agreementId: 'a-1', partnerId: 'p-1' }, 'Signataires des conventions'],
    ['aFutureTable', { note: 'x' }, 'aFutureTable'],
  ])('names a %s record %j as « %s »', (table, record, expected) => {
    expect(readableName(table, record)).toBe(expected);
  });

  it('prefers a name over a title, and ignores non-text values', () => {
    expect(readableName('funders', { name: 'CAF de Seine-Saint-Denis', title: 'x' })).toBe('CAF de Seine-Saint-Denis');
    expect(readableName('funders', { name: 42, title: 'Titre' })).toBe('Titre');
  });
});

describe('describeRecord', () => {
  it('puts the kind of record before its name', () => {
    expect(describeRecord('partners', { name: 'Mission locale' })).toBe('Partenaire « Mission locale »');
    expect(describeRecord('agreementParties', {})).toBe('Signataire');
    expect(describeRecord('aFutureTable', { name: 'X' })).toBe('aFutureTable « X »');
  });

  it('has a plural for every known table, and a fallback for new ones', () => {
    expect(recordNoun('contacts').many).toBe('contacts');
    expect(recordNoun('aFutureTable')).toEqual({ one: 'aFutureTable', many: 'aFutureTable' });
  });
});
