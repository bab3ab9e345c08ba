import { describe, expect, it } from 'vitest';
import { funderSchema } from '../../../../src/renderer/src/domain/funding/funder';
import {
  exercisesOf,
  financialReportDueDates,
  grantApplicationSchema,
  grantedAboveRequested,
  needsConvention,
  nextStatuses,
  reached,
  statusHistory,
  type GrantApplication,
} from '../../../../src/renderer/src/domain/funding/grant-application';
import {
  acceptsPayments,
  applicationPaymentFlags,
  futureReceptionProblem,
  isPaymentOverdue,
  overpaidCents,
  paidCents,
  paymentProblems,
  paymentSchema,
  paymentWarnings,
} from '../../../../src/renderer/src/domain/funding/payment';
import { yearlySummary } from '../../../../src/renderer/src/domain/funding/yearly-summary';
import { exerciseCalendar } from '../../../../src/renderer/src/domain/exercise';
import { firstIssueMessages } from '../../../../src/renderer/src/domain/fields';
import { FIXTURE_2026_TOTALS, FIXTURE_TODAY, fixtureApplications, fixtureFunders, fixturePayments } from '../../../fixtures/funding';

const NBSP = '\u00a0';

const validForm = {
  funderId: 'funder-caf',
  title: 'CLAS 2026-2027',
  projects: '',
  purpose: 'project',
  renewal: false,
  multiYear: false,
  periodStart: '2026-09-01',
  periodEnd: '2027-06-30',
  filingDeadline: '',
  status: 'filed',
  filedOn: '2026-06-15',
  decidedOn: '',
  agreementSignedOn: '',
  paidOn: '',
  reportSubmittedOn: '',
  closedOn: '',
  dauphinRef: '',
  compteAssoRef: '',
  chorusEj: '',
  requestedCents: '12 000,00',
  grantedCents: '',
  agreedCents: '',
  reportDelayMonths: 6,
  notes: '',
};

function errorsOf(input: unknown): Record<string, string> {
  const parsed = grantApplicationSchema.safeParse(input);
  return parsed.success ? {} : firstIssueMessages(parsed.error);
}

describe('grant application schema', () => {
  it('reads a form: euros typed in French become cents, empty fields are left out', () => {
    const app = grantApplicationSchema.parse(validForm);
    expect(app.requestedCents).toBe(1_200_000);
    expect(app.grantedCents).toBeUndefined();
    expect(app.decidedOn).toBeUndefined();
  });

  it('takes stored records in cents: every fixture application is valid as it stands', () => {
    for (const app of fixtureApplications) {
      const { id: _id, ...fields } = app;
      expect(grantApplicationSchema.safeParse(fields).success, app.id).toBe(true);
      expect(grantApplicationSchema.parse(fields)).toEqual(fields);
    }
  });

  it.each([
    ['an empty funder', { funderId: '' }, 'funderId', `Financeur${NBSP}: champ obligatoire.`],
    [
      'a negative amount',
      { requestedCents: '-500' },
      'requestedCents',
      `Montant demandé${NBSP}: les montants ne peuvent pas être négatifs.`,
    ],
    [
      'a negative stored amount',
      { requestedCents: -50_000 },
      'requestedCents',
      `Montant demandé${NBSP}: les montants ne peuvent pas être négatifs.`,
    ],
    [
      'a decision before the filing',
      { status: 'granted', grantedCents: '10 000', decidedOn: '2026-06-01' },
      'decidedOn',
      `Date de décision${NBSP}: doit être après la date de dépôt.`,
    ],
    [
      'a period ending before it starts',
      { periodEnd: '2026-08-31' },
      'periodEnd',
      `Fin de la période${NBSP}: doit être après le début de la période.`,
    ],
    [
      'a CPO over 4 years',
      { multiYear: true, periodStart: '2026-01-01', periodEnd: '2030-12-31' },
      'periodEnd',
      `Fin de la période${NBSP}: une convention pluriannuelle couvre 4 ans au plus.`,
    ],
    [
      'a status without its date',
      { status: 'filed', filedOn: '' },
      'filedOn',
      `Date de dépôt${NBSP}: indiquez-la pour le statut « Déposée ».`,
    ],
    [
      'accordée without an amount',
      { status: 'granted', decidedOn: '2026-09-25' },
      'grantedCents',
      `Montant accordé${NBSP}: indiquez le montant voté par le financeur.`,
    ],
    [
      'a malformed Chorus EJ',
      { chorusEj: '12345' },
      'chorusEj',
      `Numéro d’engagement juridique Chorus${NBSP}: 10 lettres ou chiffres attendus.`,
    ],
    [
      'a malformed Compte Asso number',
      { compteAssoRef: '931234' },
      'compteAssoRef',
      `Numéro Compte Asso${NBSP}: format NN-NNNNNN attendu (ex. 93-123456).`,
    ],
  ])('refuses %s with a French message naming the field', (_case, change, path, message) => {
    expect(errorsOf({ ...validForm, ...change })[path]).toBe(message);
  });

  it('allows accordé above demandé, and says so', () => {
    const app = grantApplicationSchema.parse({ ...validForm, status: 'granted', decidedOn: '2026-09-25', grantedCents: '13 000' });
    expect(grantedAboveRequested(app)).toBe(true);
    expect(grantedAboveRequested({ ...app, grantedCents: 1_100_000 })).toBe(false);
  });
});

describe('status chain', () => {
  it.each([
    ['to-prepare', ['filed']],
    ['filed', ['granted', 'refused']],
    ['granted', ['agreement-signed']],
    ['refused', ['closed']],
    ['agreement-signed', ['paid', 'report-submitted']],
    ['closed', []],
  ] as const)('from %s one can go to %j', (status, next) => {
    expect(nextStatuses(status)).toEqual(next);
  });

  it('takes « soldée » and « compte-rendu remis » in either order, then « clôturée »', () => {
    expect(nextStatuses('paid', { paidOn: '2027-01-10' })).toEqual(['report-submitted']);
    expect(nextStatuses('report-submitted', { reportSubmittedOn: '2027-03-01' })).toEqual(['paid']);
    expect(nextStatuses('paid', { reportSubmittedOn: '2027-03-01', paidOn: '2027-05-02' })).toEqual(['closed']);
    expect(nextStatuses('report-submitted', { paidOn: '2027-01-10', reportSubmittedOn: '2027-03-01' })).toEqual(['closed']);
  });

  it('accepts a balance paid after the compte-rendu, and keeps refusing steps out of order', () => {
    const app = fixtureApplications.find((a) => a.id === 'app-state-schooling')!;
    const reportThenBalance = {
      ...app,
      status: 'paid' as const,
      agreementSignedOn: '2026-05-05',
      reportSubmittedOn: '2027-03-01',
      paidOn: '2027-05-02',
    };
    expect(grantApplicationSchema.safeParse(reportThenBalance).success).toBe(true);
    expect(statusHistory(reportThenBalance).map((s) => s.status)).toEqual([
      'to-prepare',
      'filed',
      'granted',
      'agreement-signed',
      'report-submitted',
      'paid',
    ]);
    // The compte-rendu remis before the convention is signed is still out of order.
    const early = grantApplicationSchema.safeParse({ ...reportThenBalance, reportSubmittedOn: '2026-05-01' });
    expect(early.success).toBe(false);
    // The compte-rendu deadline goes once it is remis, whether or not the balance is paid.
    expect(reached('paid', 'report-submitted', reportThenBalance)).toBe(true);
    expect(reached('paid', 'report-submitted', { paidOn: '2027-05-02' })).toBe(false);
  });

  it('gives the history of a refused request with the date of each step', () => {
    const refused = fixtureApplications.find((a) => a.id === 'app-state-rights')!;
    expect(statusHistory(refused)).toEqual([
      { status: 'to-prepare', date: undefined },
      { status: 'filed', date: '2026-01-20' },
      { status: 'refused', date: '2026-04-14' },
    ]);
  });

  it.each([
    // Created before it was filed: the creation opens the history.
    ['2026-01-19', '2026-01-19'],
    ['2026-01-20', '2026-01-20'],
    // Entered the day after the filing, or a year later: « À préparer » carries no date that would come after.
    ['2026-01-21', undefined],
    ['2026-11-24', undefined],
  ] as const)('a request recorded on %s starts its history with « À préparer » dated %s', (createdOn, date) => {
    const refused = fixtureApplications.find((a) => a.id === 'app-state-rights')!;
    const history = statusHistory(refused, createdOn);
    expect(history[0]).toEqual({ status: 'to-prepare', date });
    expect(history.map((s) => s.date).filter((d) => d !== undefined)).toEqual(
      [...history.map((s) => s.date).filter((d) => d !== undefined)].sort(),
    );
  });
});

describe('compte-rendu financier', () => {
  const cpo = fixtureApplications.find((a) => a.id === 'app-city-cpo')!;

  it.each([
    ['a calendar year', { periodStart: '2026-01-01', periodEnd: '2026-12-31', multiYear: false, reportDelayMonths: 6 }, ['2027-06-30']],
    // Six months after the end of the association's exercise (calendar here) in which the grant ends.
    [
      'a school year (ends in exercise 2027)',
      { periodStart: '2026-09-01', periodEnd: '2027-06-30', multiYear: false, reportDelayMonths: 6 },
      ['2028-06-30'],
    ],
    [
      'a summer action ending mid-month (exercise 2026)',
      { periodStart: '2026-07-01', periodEnd: '2026-08-15', multiYear: false, reportDelayMonths: 6 },
      ['2027-06-30'],
    ],
    [
      'an edited delay of 3 months',
      { periodStart: '2026-01-01', periodEnd: '2026-12-31', multiYear: false, reportDelayMonths: 3 },
      ['2027-03-31'],
    ],
    ['a 3-year CPO: one per year', cpo, ['2027-06-30', '2028-06-30', '2029-06-30']],
  ])('%s', (_case, app, expected) => {
    expect(financialReportDueDates(app).map((r) => r.dueDate)).toEqual(expected);
  });

  it.each([
    // A September–August association: the exercise ends 31 August, the report is due on the last day of February.
    [
      'a school year, Sept–Aug exercise',
      { periodStart: '2026-09-01', periodEnd: '2027-06-30', multiYear: false, reportDelayMonths: 6 },
      ['2028-02-29'],
    ],
    [
      'a grant ending on the exercise’s last day',
      { periodStart: '2025-09-01', periodEnd: '2026-08-31', multiYear: false, reportDelayMonths: 6 },
      ['2027-02-28'],
    ],
    [
      'a grant ending the day after it',
      { periodStart: '2025-09-02', periodEnd: '2026-09-01', multiYear: false, reportDelayMonths: 6 },
      ['2028-02-29'],
    ],
  ])('%s', (_case, app, expected) => {
    const septAug = exerciseCalendar({ exerciseStart: '2025-09-01' });
    expect(financialReportDueDates(app, septAug).map((r) => r.dueDate)).toEqual(expected);
  });

  it('cuts a CPO into its exercises', () => {
    expect(exercisesOf(cpo).map((e) => [e.start, e.end])).toEqual([
      ['2026-01-01', '2026-12-31'],
      ['2027-01-01', '2027-12-31'],
      ['2028-01-01', '2028-12-31'],
    ]);
  });
});

describe('23 000 € convention rule', () => {
  const base = { status: 'granted', agreedCents: undefined } as const;
  it.each([
    ['accordée, 24 000 €, no convention', { ...base, grantedCents: 2_400_000 }, true],
    ['accordée, exactly 23 000 €', { ...base, grantedCents: 2_300_000 }, false],
    ['accordée, 23 000,01 €', { ...base, grantedCents: 2_300_001 }, true],
    ['convention signed', { status: 'agreement-signed', grantedCents: 9_000_000 }, false],
    ['refused', { status: 'refused', grantedCents: undefined }, false],
  ] as const)('%s → %s', (_case, app, flagged) => {
    expect(needsConvention(app as Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents'>)).toBe(flagged);
  });
});

describe('payments', () => {
  it('versé is the sum of received payments only', () => {
    const cpoPayments = fixturePayments.filter((p) => p.applicationId === 'app-city-cpo');
    expect(paidCents(cpoPayments)).toBe(3_000_000);
  });

  it.each([
    ['expected yesterday, not received', { expectedDate: '2026-11-23' }, true],
    ['expected today', { expectedDate: '2026-11-24' }, false],
    ['expected long ago but received', { expectedDate: '2026-09-30', receivedDate: '2026-11-20' }, false],
  ])('%s → overdue %s', (_case, payment, overdue) => {
    expect(isPaymentOverdue(payment, FIXTURE_TODAY)).toBe(overdue);
  });

  it('refuses a zero amount, a received date without amount, and a date far from the period', () => {
    const parsed = paymentSchema.safeParse({
      applicationId: 'a',
      expectedDate: '2026-06-30',
      expectedCents: '0',
      receivedDate: '2026-07-01',
      receivedCents: '',
    });
    expect(parsed.success).toBe(false);
    const errors = firstIssueMessages(parsed.error!);
    expect(errors.expectedCents).toBe(`Montant prévu${NBSP}: doit être supérieur à zéro.`);
    expect(errors.receivedCents).toBe(`Montant reçu${NBSP}: indiquez le montant reçu à cette date.`);
    expect(paymentProblems({ expectedDate: '2062-06-30' }, { periodStart: '2026-01-01', periodEnd: '2026-12-31' })).toEqual({
      expectedDate: `Date prévue${NBSP}: trop loin de la période de la subvention — vérifiez l’année.`,
    });
    expect(paymentProblems({ expectedDate: '2027-03-31' }, { periodStart: '2026-01-01', periodEnd: '2026-12-31' })).toEqual({});
  });
});

describe('payment sanity (issue 19)', () => {
  // The issue's case: a 7 500 € grant (accordé, no convention yet).
  const granted = { status: 'granted' as const, grantedCents: 750_000, agreedCents: undefined };

  it('warns when what is received goes one cent above the accordé amount, not at the amount itself', () => {
    const advance = [{ expectedCents: 375_000, receivedCents: 375_000 }];
    expect(paymentWarnings({ receivedCents: 375_000 }, granted, advance)).toEqual({});
    expect(paymentWarnings({ receivedCents: 375_001 }, granted, advance)).toEqual({
      receivedCents: `Montant reçu${NBSP}: avec ce versement, 7${NBSP}500,01${NBSP}€ reçus pour 7${NBSP}500,00${NBSP}€ accordés — trop-perçu de 0,01${NBSP}€.`,
    });
  });

  it('compares with the conventionné amount when there is one', () => {
    const agreed = { status: 'agreement-signed' as const, grantedCents: 800_000, agreedCents: 750_000 };
    expect(paymentWarnings({ receivedCents: 900_000 }, agreed, []).receivedCents).toBe(
      `Montant reçu${NBSP}: avec ce versement, 9${NBSP}000,00${NBSP}€ reçus pour 7${NBSP}500,00${NBSP}€ conventionnés — trop-perçu de 1${NBSP}500,00${NBSP}€.`,
    );
  });

  it('warns of planned tranches above the granted amount: 16 500 € planned on 7 500 €', () => {
    const planned = [{ expectedCents: 750_000 }, { expectedCents: 750_000 }].map((p) => ({ ...p, receivedCents: undefined }));
    expect(paymentWarnings({ expectedCents: 150_000 }, granted, planned).expectedCents).toBe(
      `Montant prévu${NBSP}: les tranches prévues totalisent 16${NBSP}500,00${NBSP}€ pour 7${NBSP}500,00${NBSP}€ accordés (9${NBSP}000,00${NBSP}€ de trop).`,
    );
    // Exactly the granted amount is fine; one cent more is not.
    expect(paymentWarnings({ expectedCents: 0 }, granted, planned.slice(1)).expectedCents).toBeUndefined();
    expect(paymentWarnings({ expectedCents: 1 }, granted, planned.slice(1)).expectedCents).toBeDefined();
    expect(applicationPaymentFlags(granted, [...planned, { expectedCents: 150_000, receivedCents: undefined }])).toEqual({
      overpaidCents: 0,
      plannedAboveCents: 900_000,
    });
  });

  it('says nothing before an amount is decided', () => {
    const filed = { status: 'filed' as const, grantedCents: undefined, agreedCents: undefined };
    expect(paymentWarnings({ expectedCents: 10_000_000, receivedCents: 10_000_000 }, filed, [])).toEqual({});
    expect(overpaidCents(filed, 10_000_000)).toBe(0);
  });

  it('counts everything received on a refused grant as trop-perçu, and a refused grant takes no payment', () => {
    const refused = { status: 'refused' as const, grantedCents: undefined, agreedCents: undefined };
    expect(overpaidCents(refused, 50_000)).toBe(50_000);
    expect(acceptsPayments(refused)).toBe(false);
    expect(acceptsPayments(granted)).toBe(true);
  });

  it('refuses a reception dated tomorrow, not today or yesterday', () => {
    expect(futureReceptionProblem('2026-11-23', '2026-11-24')).toBeUndefined();
    expect(futureReceptionProblem('2026-11-24', '2026-11-24')).toBeUndefined();
    expect(futureReceptionProblem('2026-11-25', '2026-11-24')).toBe(
      `Date de réception${NBSP}: dans le futur — laissez la réception vide tant que le versement n’est pas arrivé.`,
    );
    expect(futureReceptionProblem(undefined, '2026-11-24')).toBeUndefined();
  });

  it('shows 9 000 € received on 7 500 € as reste 0 and trop-perçu 1 500 € in the yearly summary', () => {
    const funder = fixtureFunders.find((f) => f.id === 'funder-city')!;
    const app = {
      ...fixtureApplications.find((a) => a.id === 'app-city-festival')!,
      status: 'granted' as const,
      grantedCents: 750_000,
      agreedCents: undefined,
    };
    const received = [
      { applicationId: app.id, expectedDate: '2026-04-30', expectedCents: 750_000, receivedDate: '2026-05-04', receivedCents: 900_000 },
    ];
    const summary = yearlySummary([funder], [app], received, 2026, FIXTURE_TODAY);
    expect(summary.rows[0]).toMatchObject({ paidCents: 900_000, remainingCents: 0, overpaidCents: 150_000 });
    expect(summary.totals.overpaidCents).toBe(150_000);
  });
});

describe('yearly summary of the fixture year', () => {
  const summary = yearlySummary(fixtureFunders, fixtureApplications, fixturePayments, 2026, FIXTURE_TODAY);

  it('gives the totals computed by hand in tests/fixtures/funding.ts', () => {
    expect(summary.totals).toEqual(FIXTURE_2026_TOTALS);
  });

  it('gives one row per funder, the refused request counting in demandé only', () => {
    const state = summary.rows.find((r) => r.funderId === 'funder-state')!;
    expect(state).toMatchObject({ requestedCents: 2_600_000, grantedCents: 1_500_000, paidCents: 1_500_000, remainingCents: 0 });
    const caf = summary.rows.find((r) => r.funderId === 'funder-caf')!;
    expect(caf).toMatchObject({ paidCents: 660_000, remainingCents: 940_000, latePaymentCount: 1, latePaymentCents: 500_000 });
    expect(summary.rows).toHaveLength(6);
  });

  it('counts the CPO by its share of 2026, not whole: no publication for 2026', () => {
    // 2026 share of public grants (conventionné, else accordé), by hand in tests/fixtures/funding.ts.
    expect(summary.publicGrantedCents).toBe(10_040_167);
    expect(summary.publicationRequired).toBe(false);
    const cpo = summary.grants.find((g) => g.applicationId === 'app-city-cpo')!;
    expect(cpo).toMatchObject({ committedCents: 9_000_000, exerciseShareCents: 2_997_263 });
  });

  it('lists in 2027 the 2027 renewal and every grant that runs into 2027, with its full amounts', () => {
    const next = yearlySummary(fixtureFunders, fixtureApplications, fixturePayments, 2027, FIXTURE_TODAY);
    expect(next.grants.map((g) => g.applicationId).sort()).toEqual(['app-caf-clas', 'app-city-cpo', 'app-state-schooling-2027']);
    // demandé in full: CLAS 12 000 + CPO 90 000 + renewal 18 000
    expect(next.totals.requestedCents).toBe(12_000_000);
    // CLAS: 181 of its 303 days fall in 2027; the CPO: 730 − 365 of 1 096 days.
    expect(next.grants.find((g) => g.applicationId === 'app-caf-clas')!.exerciseShareCents).toBe(1_100_000 - 442_904);
    expect(next.grants.find((g) => g.applicationId === 'app-city-cpo')!.exerciseShareCents).toBe(5_994_526 - 2_997_263);
  });
});

describe('funder schema', () => {
  it('requires a name and a kind, and validates contacts', () => {
    const parsed = funderSchema.safeParse({ name: ' ', kind: 'state', portal: 'dauphin', contactEmail: 'pas-un-courriel' });
    expect(parsed.success).toBe(false);
    const errors = firstIssueMessages(parsed.error!);
    expect(errors.name).toBe(`Nom du financeur${NBSP}: champ obligatoire.`);
    expect(errors.contactEmail).toMatch(/^Courriel du contact\u00a0: /);
  });
});
