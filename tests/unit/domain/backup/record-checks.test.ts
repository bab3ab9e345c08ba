import { describe, expect, it } from 'vitest';
import { recordProblem } from '../../../../src/renderer/src/domain/backup/record-checks';
import { workspaceOfSize } from '../../../fixtures/generator';

const PAYMENT = {
  id: 'pay-1',
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-10-01T09:00:00.000Z',
  deletedAt: null,
  applicationId: 'app-1',
  expectedDate: '2026-10-31',
  expectedCents: 1_250_000,
};

describe('the checks a restore runs on every record', () => {
  it.each(['S', 'L'] as const)('accept every record of the %s espace, as the app stores them', { timeout: 60_000 }, (size) => {
    const espace = workspaceOfSize(size);
    const refused: string[] = [];
    for (const [table, rows] of Object.entries(espace.tables)) {
      for (const row of rows as unknown[]) {
        const problem = recordProblem(table, row);
        if (problem) refused.push(problem);
      }
    }
    expect(refused.slice(0, 5)).toEqual([]);
  });

  it('a payment of one cent is accepted; a negative one is refused naming the table, the payment and the field', () => {
    expect(recordProblem('payments', { ...PAYMENT, expectedCents: 1 })).toBeNull();
    expect(recordProblem('payments', { ...PAYMENT, expectedCents: -1 })).toBe(
      'Versements — Versement du 31 oct. 2026\u00a0: Montant prévu\u00a0: les montants ne peuvent pas être négatifs.',
    );
  });

  it('refuses an impossible date, a missing id and a 10 MB name', () => {
    expect(recordProblem('payments', { ...PAYMENT, expectedDate: '2026-02-30' })).toMatch(/^Versements — .*Date prévue/);
    const { id: _id, ...noId } = PAYMENT;
    expect(recordProblem('payments', noId)).toBe('Versements — Versement du 31 oct. 2026\u00a0: Identifiant\u00a0: valeur invalide.');
    const person = workspaceOfSize('S').tables.people[0]!;
    expect(recordProblem('people', person)).toBeNull();
    expect(recordProblem('people', { ...person, lastName: 'x'.repeat(10_000_000) })).toMatch(
      /^Personnes — Personne « Karim x{50}.*…\u00a0: Nom\u00a0: 100 caractères au maximum \(10000000 saisis\)\.$/,
    );
  });
});
