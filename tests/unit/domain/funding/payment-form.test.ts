import { describe, expect, it } from 'vitest';
import { firstIssueMessages } from '../../../../src/renderer/src/domain/fields';
import { paymentFormSchema } from '../../../../src/renderer/src/domain/funding/payment';

// The payment dialog's schema: the entity's rules plus today's and the grant's, all in one round.

const NBSP = '\u00a0';
const grant = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
const base = {
  applicationId: 'app-festival',
  label: '',
  expectedDate: '2026-05-01',
  expectedCents: '3 000',
  receivedDate: '',
  receivedCents: '',
};
const errorsOf = (input: object, today = '2026-11-24') => {
  const parsed = paymentFormSchema(today, grant).safeParse({ ...base, ...input });
  return parsed.success ? {} : firstIssueMessages(parsed.error);
};

describe('paymentFormSchema', () => {
  it('takes a tranche received today, in cents', () => {
    const parsed = paymentFormSchema('2026-11-24', grant).parse({ ...base, receivedDate: '2026-11-24', receivedCents: '3 000,01' });
    expect(parsed).toMatchObject({ expectedCents: 300_000, receivedDate: '2026-11-24', receivedCents: 300_001 });
  });

  it('refuses a reception dated tomorrow together with an amount error of the same try', () => {
    expect(errorsOf({ expectedCents: '-1', receivedDate: '2026-11-25', receivedCents: '12,345' })).toEqual({
      expectedCents: `Montant prévu${NBSP}: les montants ne peuvent pas être négatifs.`,
      receivedDate: `Date de réception${NBSP}: dans le futur — laissez la réception vide tant que le versement n’est pas arrivé.`,
      receivedCents: `Montant reçu${NBSP}: 2 chiffres au plus après la virgule (les centimes).`,
    });
  });

  it('refuses dates years away from the grant (2062 for 2026), but not a late balance', () => {
    expect(errorsOf({ expectedDate: '2062-05-01' })).toEqual({
      expectedDate: `Date prévue${NBSP}: trop loin de la période de la subvention — vérifiez l’année.`,
    });
    expect(errorsOf({ expectedDate: '2029-12-31' }, '2026-11-24')).toEqual({});
  });

  it('refuses a zero tranche and accepts one cent', () => {
    expect(errorsOf({ expectedCents: '0' })).toEqual({ expectedCents: `Montant prévu${NBSP}: doit être supérieur à zéro.` });
    expect(errorsOf({ expectedCents: '0,01' })).toEqual({});
  });
});
