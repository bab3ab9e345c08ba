import { describe, expect, it } from 'vitest';
import { deadlineKind, type Deadline } from '../../../../src/renderer/src/domain/deadlines/deadline';
import { endOfContractDeadlines, staffDeadlines } from '../../../../src/renderer/src/domain/deadlines/end-of-contract';
import {
  caughtUp,
  classifyDeadlines,
  DEFAULT_REMINDER_LADDER,
  remindersDue,
  type DeadlineBoard,
  type DeadlineState,
} from '../../../../src/renderer/src/domain/deadlines/engine';
import { fundingDeadlines } from '../../../../src/renderer/src/domain/deadlines/funding-deadlines';
import { nextTwelveMonths } from '../../../../src/renderer/src/domain/deadlines/months';
import type { ContractRecord } from '../../../../src/renderer/src/domain/team/contract';
import type { TeamData } from '../../../../src/renderer/src/domain/team/team-year';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../../fixtures/funding';
import { fixtureTeam, TEAM_IDS } from '../../../fixtures/team';

// Obligations and milestones (issue 17): an obligation is « en retard » once past and stays until done,
// recorded or dismissed; a milestone is never « en retard » — past, it leaves the lists and, for the end of
// an employment contract, becomes the three documents due on the last day.

const GROUPS = ['overdue', 'thisWeek', 'next30', 'next90', 'later', 'done', 'snoozed', 'dismissed'] as const;

/** Which group a key is in on the board, or null when on none. */
function groupOf(board: DeadlineBoard, key: string): (typeof GROUPS)[number] | null {
  return GROUPS.find((g) => board[g].some((d) => d.key === key)) ?? null;
}

function staffBoard(today: string, data: TeamData = fixtureTeam, states: DeadlineState[] = []) {
  return classifyDeadlines(staffDeadlines(data, today), states, today);
}

const SOFIANE_END = `contract:${TEAM_IDS.sofianePec}:fixed-term-end`;
const sofianeDoc = (rule: string) => `contract:${TEAM_IDS.sofianePec}:${rule}`;
const DOCUMENT_RULES = ['work-certificate', 'france-travail-certificate', 'final-settlement-receipt'];

describe('the end of a contract: a milestone, then the documents of the last day', () => {
  // Sofiane's PEC, renewed by an avenant, ends on 31 December 2026.
  it.each([
    ['2026-12-30', 'thisWeek', null],
    ['2026-12-31', 'thisWeek', 'thisWeek'],
    ['2027-01-01', null, 'overdue'],
    ['2027-06-30', null, 'overdue'],
  ] as const)('on %s the end is in %s and each document in %s', (today, endGroup, documentGroup) => {
    const board = staffBoard(today);
    expect(groupOf(board, SOFIANE_END)).toBe(endGroup);
    for (const rule of DOCUMENT_RULES) expect(groupOf(board, sofianeDoc(rule))).toBe(documentGroup);
  });

  it('the documents are due on the last day, cite their article and link to the person', () => {
    const docs = endOfContractDeadlines(fixtureTeam, '2027-01-01').filter((d) => d.key.includes(TEAM_IDS.sofianePec));
    expect(docs.map((d) => [d.title, d.dueDate])).toEqual([
      ['Certificat de travail à remettre — Sofiane Haddad', '2026-12-31'],
      ['Attestation France Travail à remettre — Sofiane Haddad', '2026-12-31'],
      ['Reçu pour solde de tout compte à établir — Sofiane Haddad', '2026-12-31'],
    ]);
    expect(docs.map((d) => /L1234-19|R1234-9|L1234-20/.exec(d.detail ?? '')?.[0])).toEqual(['L1234-19', 'R1234-9', 'L1234-20']);
    for (const d of docs) {
      expect(d.target).toEqual({ screen: 'person', id: TEAM_IDS.sofiane });
      expect(deadlineKind(d)).toBe('obligation');
    }
  });

  it('a contract that ended last month shows its documents, never « Fin du CDD » en retard', () => {
    // Awa's second CDD ended on 28 February 2026; on 24 March it is a month behind.
    const board = staffBoard('2026-03-24');
    expect(groupOf(board, `contract:${TEAM_IDS.awaCdd2}:fixed-term-end`)).toBeNull();
    expect(
      board.overdue
        .filter((d) => d.key.includes(TEAM_IDS.awaCdd2))
        .map((d) => d.key.split(':')[2])
        .sort(),
    ).toEqual([...DOCUMENT_RULES].sort());
    expect(board.overdue.some((d) => deadlineKind(d) === 'milestone')).toBe(false);
  });

  it('an end recorded on a CDI (a resignation) gives the documents from that day on', () => {
    const data: TeamData = {
      ...fixtureTeam,
      contracts: fixtureTeam.contracts.map((c): ContractRecord =>
        c.id === TEAM_IDS.karimCdi ? { ...c, actualEndDate: '2026-11-20', endReason: 'Démission' } : c,
      ),
    };
    expect(endOfContractDeadlines(data, '2026-11-19').some((d) => d.key.includes(TEAM_IDS.karimCdi))).toBe(false);
    expect(endOfContractDeadlines(data, '2026-11-20').filter((d) => d.key.includes(TEAM_IDS.karimCdi))).toHaveLength(3);
    // A CDI still running owes nothing.
    expect(endOfContractDeadlines(fixtureTeam, '2030-01-01').some((d) => d.key.includes(TEAM_IDS.karimCdi))).toBe(false);
  });

  it('a service civique is no employment: its end passes and leaves nothing behind', () => {
    const end = `contract:${TEAM_IDS.inesCivicService}:fixed-term-end`;
    expect(groupOf(staffBoard('2026-09-29'), end)).toBe('thisWeek');
    expect(groupOf(staffBoard('2026-09-30'), end)).toBe('thisWeek');
    const after = staffBoard('2026-10-01');
    expect(groupOf(after, end)).toBeNull();
    expect(GROUPS.some((g) => after[g].some((d) => d.key.includes(TEAM_IDS.inesCivicService) && d.dueDate <= '2026-09-30'))).toBe(false);
  });

  it('a document done or dismissed leaves the lists, the others stay', () => {
    const states: DeadlineState[] = [
      { key: sofianeDoc('work-certificate'), doneAt: '2027-01-02T10:00:00.000Z', updatedAt: '2027-01-02T10:00:00.000Z' },
      {
        key: sofianeDoc('final-settlement-receipt'),
        dismissedAt: '2027-01-02T10:00:00.000Z',
        dismissReason: 'Remis par le cabinet comptable',
        updatedAt: '2027-01-02T10:00:00.000Z',
      },
    ];
    const board = staffBoard('2027-01-05', fixtureTeam, states);
    expect(groupOf(board, sofianeDoc('work-certificate'))).toBe('done');
    expect(groupOf(board, sofianeDoc('final-settlement-receipt'))).toBe('dismissed');
    expect(groupOf(board, sofianeDoc('france-travail-certificate'))).toBe('overdue');
  });
});

describe('a trial period is a milestone', () => {
  // Awa's CDI started on 2 March 2026 with a trial period to 1 June 2026 written in the contract. (By
  // default it would have none: her CDD on the same job just before are deducted from it, L1243-11.)
  const key = `contract:${TEAM_IDS.awaCdi}:trial-period-end`;
  const withTrial: TeamData = {
    ...fixtureTeam,
    contracts: fixtureTeam.contracts.map((c) => (c.id === TEAM_IDS.awaCdi ? { ...c, trialPeriodEnd: '2026-06-01' } : c)),
  };
  it.each([
    ['2026-05-31', 'thisWeek'],
    ['2026-06-01', 'thisWeek'],
    ['2026-06-02', null],
  ] as const)('on %s it is in %s, never « en retard »', (today, group) => {
    expect(groupOf(staffBoard(today, withTrial), key)).toBe(group);
  });

  it('gives no reminder and no catch-up once passed', () => {
    const deadlines = staffDeadlines(withTrial, '2026-06-10');
    expect(remindersDue(deadlines, [], '2026-06-10', DEFAULT_REMINDER_LADDER).some((r) => r.deadline.key === key)).toBe(false);
    expect(caughtUp(deadlines, '2026-05-20', '2026-06-10').some((d) => d.key === key)).toBe(false);
    // On its day it is still news.
    expect(caughtUp(staffDeadlines(withTrial, '2026-06-01'), '2026-05-20', '2026-06-01').some((d) => d.key === key)).toBe(true);
  });
});

describe('an obligation stays until done, recorded or dismissed — no cut-off', () => {
  // Lucas's apprenticeship starts on 7 September 2026 with no DPAE recorded.
  const dpae = `contract:${TEAM_IDS.lucasApprenticeship}:dpae`;
  it.each([
    ['2026-09-06', 'thisWeek'],
    ['2026-09-07', 'thisWeek'],
    ['2026-09-08', 'overdue'],
    // 120 days used to make it vanish; it is still owed.
    ['2027-01-06', 'overdue'],
    ['2029-09-07', 'overdue'],
  ] as const)('the missing DPAE on %s is in %s', (today, group) => {
    expect(groupOf(staffBoard(today), dpae)).toBe(group);
  });

  it('leaves the lists once its date is on the contract', () => {
    const data: TeamData = {
      ...fixtureTeam,
      contracts: fixtureTeam.contracts.map((c): ContractRecord =>
        c.id === TEAM_IDS.lucasApprenticeship ? { ...c, dpaeDate: '2026-09-03' } : c,
      ),
    };
    expect(groupOf(staffBoard('2027-01-06', data), dpae)).toBeNull();
  });

  it('dismissed (« Ne plus rappeler »), it gives no reminder and no catch-up', () => {
    const states: DeadlineState[] = [
      { key: dpae, dismissedAt: '2026-09-10T08:00:00.000Z', dismissReason: 'Déclarée par le CFA', updatedAt: '2026-09-10T08:00:00.000Z' },
    ];
    const today = '2026-09-20';
    const deadlines = staffDeadlines(fixtureTeam, today);
    expect(groupOf(classifyDeadlines(deadlines, states, today), dpae)).toBe('dismissed');
    expect(remindersDue(deadlines, states, today, DEFAULT_REMINDER_LADDER).some((r) => r.deadline.key === dpae)).toBe(false);
    expect(caughtUp(deadlines, '2026-09-01', today, states).some((d) => d.key === dpae)).toBe(false);
  });
});

describe('where a record holds the fact, the deadline’s state is the record’s', () => {
  const data = { funders: fixtureFunders, applications: fixtureApplications, payments: fixturePayments };
  const today = '2026-11-24';
  const deadlines = fundingDeadlines(data, today);
  const late = deadlines.find((d) => d.rule === 'payment-expected' && d.dueDate < today) as Deadline;

  it('a « fait » flag does not hide an expected payment that was never recorded', () => {
    const states: DeadlineState[] = [{ key: late.key, doneAt: '2026-11-24T09:00:00.000Z', updatedAt: '2026-11-24T09:00:00.000Z' }];
    expect(groupOf(classifyDeadlines(deadlines, states, today), late.key)).toBe('overdue');
  });

  it('a received payment produces no deadline at all', () => {
    const id = late.key.split(':')[1];
    const received = {
      ...data,
      payments: data.payments.map((p) => (p.id === id ? { ...p, receivedDate: '2026-11-20', receivedCents: p.expectedCents } : p)),
    };
    expect(fundingDeadlines(received, today).some((d) => d.key === late.key)).toBe(false);
  });

  it('the money of expected payments travels with them', () => {
    expect(late.amountCents).toBeGreaterThan(0);
  });
});

describe('horizon: nothing falls off the end', () => {
  it('a deadline 91 days ahead is « plus tard », 90 days ahead is in the 90 days', () => {
    const make = (dueDate: string): Deadline => ({
      key: `grant:x:${dueDate}`,
      source: 'grant',
      rule: 'filing',
      title: 'Dépôt',
      dueDate,
      target: { screen: 'dashboard' },
      sourceLabel: 'Financements',
    });
    // 24 November 2026 + 90 days = 22 February 2027.
    const board = classifyDeadlines([make('2027-02-22'), make('2027-02-23'), make('2027-06-30')], [], '2026-11-24');
    expect(board.next90.map((d) => d.dueDate)).toEqual(['2027-02-22']);
    expect(board.later.map((d) => d.dueDate)).toEqual(['2027-02-23', '2027-06-30']);
  });
});

describe('the next twelve months', () => {
  const make = (dueDate: string, amountCents?: number): Deadline => ({
    key: `payment:${dueDate}:payment-expected`,
    source: 'payment',
    rule: 'payment-expected',
    title: `Versement ${dueDate}`,
    dueDate,
    target: { screen: 'dashboard' },
    sourceLabel: 'Financements',
    ...(amountCents === undefined ? {} : { amountCents }),
  });

  it('runs from this month to the eleventh after it, each month with its deadlines and money expected', () => {
    const list = [
      make('2026-11-23', 100),
      make('2026-11-24', 200),
      make('2026-11-30', 300),
      make('2027-10-31', 400),
      make('2027-11-01', 500),
    ];
    const months = nextTwelveMonths(list, new Map(), '2026-11-24');
    expect(months.map((m) => m.month)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
    ]);
    expect(months[0]).toMatchObject({ label: 'novembre 2026', expectedCents: 500 });
    // The 23rd is already late: it is in « En retard », not in the months ahead.
    expect(months[0]!.deadlines.map((d) => d.dueDate)).toEqual(['2026-11-24', '2026-11-30']);
    expect(months[11]!.deadlines.map((d) => d.dueDate)).toEqual(['2027-10-31']);
    expect(months.flatMap((m) => m.deadlines).some((d) => d.dueDate === '2027-11-01')).toBe(false);
  });

  it('leaves out what is done or dismissed', () => {
    const d = make('2026-12-10', 100);
    const states = new Map([[d.key, { key: d.key, dismissedAt: 'x', dismissReason: 'Abandon', updatedAt: 'x' }]]);
    expect(nextTwelveMonths([d], states, '2026-11-24')[1]).toMatchObject({ deadlines: [], expectedCents: 0 });
  });
});
