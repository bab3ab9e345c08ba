import { describe, expect, it } from 'vitest';
import {
  agreementFormSchema,
  agreementFormValues,
  agreementPhase,
  agreementSchema,
  currentTermEnd,
  nextNoticeDeadline,
  noticeDeadline,
  proratedYearlyCents,
  termEnd,
  type AgreementInput,
} from '../../../../src/renderer/src/domain/partners/agreement';

const base = {
  title: 'Prêt de la salle polyvalente',
  kind: 'premises-loan',
  status: 'active',
  partnerIds: ['p1'],
  startDate: '2024-01-01',
} satisfies AgreementInput;

function parse(input: Partial<AgreementInput>) {
  return agreementSchema.safeParse({ ...base, ...input });
}

function messages(input: Partial<AgreementInput>): string[] {
  const result = parse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('noticeDeadline', () => {
  it.each([
    ['2024-12-31', 3, '2024-09-30'],
    ['2025-06-30', 2, '2025-04-30'],
    ['2026-02-28', 3, '2025-11-30'],
    ['2024-02-29', 1, '2024-01-31'],
    ['2026-08-31', 6, '2026-02-28'],
    ['2026-12-31', 0, '2026-12-31'],
  ])('term ending %s with %i months of notice → denounce by %s', (end, months, expected) => {
    expect(noticeDeadline(end, months)).toBe(expected);
  });
});

describe('terms of a tacitly renewed agreement', () => {
  const tacit = { startDate: '2024-01-01', endDate: '2024-12-31', tacitRenewal: true, renewalPeriodMonths: 12 };

  it.each([
    [0, '2024-12-31'],
    [1, '2025-12-31'],
    [2, '2026-12-31'],
  ])('term %i ends on %s', (k, expected) => {
    expect(termEnd(tacit, k)).toBe(expected);
  });

  it('counts renewals from the first renewal date, without drifting at month ends', () => {
    const february = { startDate: '2023-03-01', endDate: '2024-02-29', tacitRenewal: true, renewalPeriodMonths: 12 };
    expect(termEnd(february, 1)).toBe('2025-02-28');
    expect(termEnd(february, 4)).toBe('2028-02-29');
  });

  it('without an end date, the first term lasts one period', () => {
    expect(termEnd({ startDate: '2025-09-01', tacitRenewal: true, renewalPeriodMonths: 12 }, 0)).toBe('2026-08-31');
  });

  it.each([
    ['2024-06-15', '2024-12-31', '2024-09-30'],
    ['2024-09-30', '2024-12-31', '2024-09-30'],
    ['2024-10-01', '2025-12-31', '2025-09-30'],
    ['2026-11-24', '2027-12-31', '2027-09-30'],
  ])('on %s the next denunciation concerns the term ending %s, by %s', (today, end, deadline) => {
    expect(nextNoticeDeadline({ ...tacit, noticeMonths: 3 }, today)).toEqual({ termEnd: end, deadline });
  });

  it('a fixed-term agreement has no notice date once it has passed', () => {
    const fixed = { startDate: '2024-01-01', endDate: '2026-12-31', tacitRenewal: false, noticeMonths: 2 };
    expect(nextNoticeDeadline(fixed, '2026-10-31')).toEqual({ termEnd: '2026-12-31', deadline: '2026-10-31' });
    expect(nextNoticeDeadline(fixed, '2026-11-01')).toBeNull();
  });

  it('no notice period, no notice date', () => {
    expect(nextNoticeDeadline({ ...tacit, noticeMonths: undefined }, '2024-01-01')).toBeNull();
  });

  it('the current term is the one running today', () => {
    expect(currentTermEnd(tacit, '2026-11-24')).toBe('2026-12-31');
    expect(currentTermEnd({ ...tacit, tacitRenewal: false }, '2026-11-24')).toBe('2024-12-31');
  });
});

describe('yearly amounts prorated over partial years', () => {
  const loan = {
    startDate: '2026-07-01',
    endDate: '2027-06-30',
    tacitRenewal: false,
    terms: 'in-kind' as const,
    yearlyAmountCents: 600_000,
    status: 'active' as const,
  };

  it.each([
    ['the first half year (184 of 365 days)', 2026, Math.round((600_000 * 184) / 365)],
    ['the second half year (181 of 365 days)', 2027, Math.round((600_000 * 181) / 365)],
    ['a year it does not cover', 2028, 0],
  ])('counts %s', (_label, year, expected) => {
    expect(proratedYearlyCents(loan, year)).toBe(expected);
  });

  it('counts a whole year in full, leap years included', () => {
    const whole = { ...loan, startDate: '2028-01-01', endDate: '2028-12-31' };
    expect(proratedYearlyCents(whole, 2028)).toBe(600_000);
  });

  it('runs a tacit renewal to the end of the year while it lasts', () => {
    const tacit = { ...loan, startDate: '2025-03-01', endDate: '2026-02-28', tacitRenewal: true, renewalPeriodMonths: 12 };
    expect(proratedYearlyCents(tacit, 2027)).toBe(600_000);
    expect(proratedYearlyCents({ ...tacit, status: 'ended' as const }, 2027)).toBe(0);
  });

  it('is zero without terms', () => {
    expect(proratedYearlyCents({ ...loan, terms: 'none' }, 2026)).toBe(0);
  });
});

describe('agreementSchema', () => {
  it('accepts a tacit renewal with a 3-month notice and defaults the period to 12 months', () => {
    const result = parse({ tacitRenewal: true, endDate: '2024-12-31', noticeMonths: '3', renewalPeriodMonths: '' });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ tacitRenewal: true, noticeMonths: 3, renewalPeriodMonths: 12 });
  });

  it.each([
    ['an end before the start', { endDate: '2023-12-31' }, 'Date de fin\u00a0: doit être après la date de début.'],
    ['a fixed term without end', { tacitRenewal: false }, 'Date de fin\u00a0: indiquez-la, ou cochez la reconduction tacite.'],
    [
      'a notice longer than the agreement',
      { endDate: '2024-03-31', noticeMonths: '4' },
      'Préavis (mois)\u00a0: le préavis est plus long que la convention elle-même.',
    ],
    [
      'a notice longer than a renewal period',
      { endDate: '2025-12-31', tacitRenewal: true, renewalPeriodMonths: '6', noticeMonths: '9' },
      'Préavis (mois)\u00a0: le préavis est plus long que la durée d’une reconduction.',
    ],
    [
      'in-kind terms without a valuation',
      { endDate: '2024-12-31', terms: 'in-kind' },
      'Valorisation annuelle\u00a0: indiquez le montant par an.',
    ],
    ['no partner', { endDate: '2024-12-31', partnerIds: [] }, 'Partenaires signataires\u00a0: choisissez au moins un partenaire.'],
  ])('refuses %s', (_label, input, message) => {
    expect(messages(input as Partial<AgreementInput>)).toContain(message);
  });

  it('accepts a notice exactly as long as the agreement', () => {
    expect(parse({ endDate: '2024-03-31', noticeMonths: '3' }).success).toBe(true);
  });
});

describe('agreementFormSchema', () => {
  it('reads the amount in euros and round-trips through the form values', () => {
    const values = {
      ...agreementFormValues(),
      title: 'Prêt de salle',
      partnerIds: ['p1'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      terms: 'in-kind' as const,
      yearlyAmount: '4 800,50',
    };
    const result = agreementFormSchema.safeParse(values);
    expect(result.success).toBe(true);
    expect(result.data?.yearlyAmountCents).toBe(480_050);
    expect(agreementFormValues(result.data, ['p1']).yearlyAmount).toBe('4 800,50');
  });

  it('puts an amount error under the amount field', () => {
    const result = agreementFormSchema.safeParse({
      ...agreementFormValues(),
      title: 'x',
      partnerIds: ['p1'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      terms: 'money',
      yearlyAmount: 'douze',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['yearlyAmount']);
  });
});

describe('agreementPhase', () => {
  const fixed = { startDate: '2026-01-01', endDate: '2026-12-31', tacitRenewal: false, status: 'active' as const };
  it.each([
    ['2026-06-01', 'active'],
    ['2026-10-15', 'ending-soon'],
    ['2027-01-02', 'to-renew'],
  ])('a fixed-term agreement on %s is %s', (today, phase) => {
    expect(agreementPhase(fixed, today)).toBe(phase);
  });

  it('a tacit renewal is ending soon when its denunciation date nears', () => {
    const tacit = { ...fixed, tacitRenewal: true, renewalPeriodMonths: 12, noticeMonths: 3 };
    expect(agreementPhase(tacit, '2026-08-01')).toBe('ending-soon');
    expect(agreementPhase(tacit, '2026-11-24')).toBe('active');
    expect(agreementPhase({ ...tacit, status: 'denounced' }, '2026-08-01')).toBe('over');
  });
});
