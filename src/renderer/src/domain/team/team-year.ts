import type { IsoDate } from '../dates';
import { absencesOf, unpaidStretches, type AbsenceRecord } from './absence';
import { amendmentsOf, contractTerms, effectiveEndDate, type AmendmentRecord } from './amendment';
import type { AidedPostRecord } from './aided-post';
import { monthlySmicAidCents } from './aided-post';
import { isEmployment, type ContractRecord } from './contract';
import { addDaysIso, daysInclusive, maxIso, minIso, monthPieces, monthSpans, periodsOverlap } from './day-count';
import { DEFAULT_YEARLY_FIGURES, figureOn, type YearlyFigureKey, type YearlyFigures } from '../yearly-figures';
import { asExercise, exerciseDays, type AccountingExercise, type YearOrExercise } from '../exercise';
import type { PersonRecord } from './person';

// What an exercise of the team amounts to (DOMAIN.md §2 « Moyens humains » and §3): headcount, ETPT, aided
// jobs, volunteers, the five best-paid gross annual salaries, and what the team costs and brings in aid.
// « Year » below is the association's exercise (domain/exercise.ts): a September–August association's
// employee present all exercise is 1 ETPT, not 0,33 and 0,67 of two calendar years.
//
// Prorating rules, chosen so that a coordinator can check them by hand:
// - ETPT = Σ (weekly hours ÷ 35) × (days covered in the exercise ÷ days in the exercise), per stretch of
//   constant hours (an avenant that changes hours starts a new stretch);
// - a monthly amount (salary, aid at a rate of the SMIC) counts in full for a whole month and
//   prorated by calendar days for a partial one (covered days ÷ days of that month);
// - an annual aid counts for the days of the aid period in the year ÷ days in the year;
// - employer cost = gross × (1 + charge rate); each contract's figures are rounded to the cent, then added;
// - the days of an unpaid absence (congé sans solde) count neither in the ETPT nor in the gross salary;
//   a paid one (sickness, maternity, work accident) counts as worked time (absence.ts says why).

export interface TeamData {
  people: readonly PersonRecord[];
  contracts: readonly ContractRecord[];
  amendments: readonly AmendmentRecord[];
  aidedPosts: readonly AidedPostRecord[];
  /** Absences on contracts (absence.ts); absent where a caller has none to give. */
  absences?: readonly AbsenceRecord[];
  /** The dated figures (SMIC, aid amounts) with the association's own values; the shipped defaults when absent. */
  figures?: YearlyFigures;
}

export interface ContractYear {
  contract: ContractRecord;
  /** Days of the year the contract covers. */
  days: number;
  etpt: number;
  grossCents: number;
  employerCostCents: number;
  aidExpectedCents: number;
  aidReceivedCents: number;
  aidedPost: AidedPostRecord | undefined;
}

export interface TeamYear {
  /** The year the exercise starts in. */
  year: number;
  exercise: AccountingExercise;
  /** Salaried people with a contract on at least one day of the year (volunteers excluded). */
  headcount: number;
  /** Volunteers in service civique engaged on at least one day of the year. */
  volunteers: number;
  etpt: number;
  /** Salaried people whose contract carried an aided post during the year. */
  aidedJobs: number;
  /** The five highest gross annual salaries of the year, summed (Cerfa 12156 §4). */
  topFiveGrossCents: number;
  grossCents: number;
  employerCostCents: number;
  aidExpectedCents: number;
  aidReceivedCents: number;
  /** Employer cost less the aid expected: what the association pays itself. */
  remainingCostCents: number;
  contracts: ContractYear[];
}

function coveredInYear(from: IsoDate, to: IsoDate | undefined, exercise: AccountingExercise): { from: IsoDate; to: IsoDate } | null {
  const start = maxIso(from, exercise.start);
  const end = to === undefined ? exercise.end : minIso(to, exercise.end);
  return start <= end ? { from: start, to: end } : null;
}

function monthlyProrated(monthlyCents: number, from: IsoDate, to: IsoDate): number {
  return monthPieces(from, to).reduce((sum, piece) => sum + (monthlyCents * piece.covered) / piece.monthDays, 0);
}

/** The dated figure an annual aid without its own amount follows (yearly-figures.ts), by scheme. */
const ANNUAL_AID_FIGURE: Partial<Record<AidedPostRecord['scheme'], YearlyFigureKey>> = {
  'adulte-relais': 'adulte-relais-aid',
  fonjep: 'fonjep-post',
};

/** Σ of a dated yearly amount over the days [from, to], each day at the value then in force, ÷ `yearDays`. */
function datedAnnualShare(key: YearlyFigureKey, from: IsoDate, to: IsoDate, yearDays: number, figures: YearlyFigures): number {
  const changes = figures[key].map((f) => f.from).filter((d) => d > from && d <= to);
  let total = 0;
  let cursor = from;
  for (const next of [...changes, addDaysIso(to, 1)]) {
    const pieceEnd = addDaysIso(next, -1);
    total += ((figureOn(key, cursor, figures)?.cents ?? 0) * daysInclusive(cursor, pieceEnd)) / yearDays;
    cursor = next;
  }
  return total;
}

/**
 * Aid expected from a post for a year, in cents (unrounded). A post with its own amount (the decision's)
 * uses it; without one, an adulte-relais or FONJEP post follows the dated amount in force each day (the
 * adulte-relais aid is re-indexed each 1 July), and a post paid at a rate of the SMIC the hourly SMIC in
 * force on the first day of each month (Réglages, « Chiffres datés »).
 */
export function aidExpectedForYear(post: AidedPostRecord, period: YearOrExercise, figures: YearlyFigures = DEFAULT_YEARLY_FIGURES): number {
  const exercise = asExercise(period);
  const span = coveredInYear(post.aidStartDate, post.aidEndDate, exercise);
  if (span === null) return 0;
  if (post.aidMode === 'annual') {
    const dated = ANNUAL_AID_FIGURE[post.scheme];
    if (post.annualAidCents === undefined && dated !== undefined)
      return datedAnnualShare(dated, span.from, span.to, exerciseDays(exercise), figures);
    return ((post.annualAidCents ?? 0) * daysInclusive(span.from, span.to)) / exerciseDays(exercise);
  }
  if (post.smicHourlyCents !== undefined) return monthlyProrated(monthlySmicAidCents(post), span.from, span.to);
  return monthSpans(span.from, span.to).reduce((sum, piece) => {
    const smic = figureOn('smic-hourly', piece.from, figures)?.cents ?? 0;
    return sum + (monthlySmicAidCents({ ...post, smicHourlyCents: smic }) * piece.covered) / piece.monthDays;
  }, 0);
}

/**
 * The adulte-relais aid is set for a full-time post and paid, for a part-time one, in proportion of the
 * working time the convention provides (D5134-158 Code du travail): the post's hours when given, else the
 * contract's, over 35. Other annual aids are taken as the decision states them.
 */
export function aidWorkingTimeShare(post: AidedPostRecord, contract: Pick<ContractRecord, 'weeklyHours'>): number {
  if (post.scheme !== 'adulte-relais' || post.aidMode !== 'annual') return 1;
  return Math.min(1, (post.aidedWeeklyHours ?? contract.weeklyHours) / 35);
}

export function aidReceivedForYear(post: AidedPostRecord, period: YearOrExercise): number {
  const { start, end } = asExercise(period);
  return post.receipts.filter((r) => r.date >= start && r.date <= end).reduce((sum, r) => sum + (r.amountCents ?? 0), 0);
}

/** One contract's year; amendments and absences may be all of the team's (only its own are used). */
export function contractYear(
  contract: ContractRecord,
  amendments: readonly AmendmentRecord[],
  aidedPost: AidedPostRecord | undefined,
  period: YearOrExercise,
  more: Pick<TeamData, 'absences' | 'figures'> = {},
): ContractYear {
  const absences = more.absences ?? [];
  const exercise = asExercise(period);
  const own = amendmentsOf(contract.id, amendments);
  const ownAbsences = absencesOf(contract.id, absences);
  let days = 0;
  let etpt = 0;
  let gross = 0;
  for (const segment of contractTerms(contract, own)) {
    const span = coveredInYear(segment.from, segment.to, exercise);
    if (span === null) continue;
    const segmentDays = daysInclusive(span.from, span.to);
    const unpaid = unpaidStretches(ownAbsences, span.from, span.to);
    const unpaidDays = unpaid.reduce((total, u) => total + daysInclusive(u.from, u.to), 0);
    days += segmentDays;
    etpt += (segment.weeklyHours / 35) * ((segmentDays - unpaidDays) / exerciseDays(exercise));
    gross += monthlyProrated(segment.grossMonthlyCents, span.from, span.to);
    for (const u of unpaid) gross -= monthlyProrated(segment.grossMonthlyCents, u.from, u.to);
  }
  const grossCents = Math.round(gross);
  return {
    contract,
    days,
    etpt: isEmployment(contract) ? etpt : 0,
    grossCents,
    employerCostCents: Math.round(grossCents * (1 + contract.employerChargesRate / 100)),
    aidExpectedCents: aidedPost
      ? Math.round(aidExpectedForYear(aidedPost, exercise, more.figures) * aidWorkingTimeShare(aidedPost, contract))
      : 0,
    aidReceivedCents: aidedPost ? aidReceivedForYear(aidedPost, exercise) : 0,
    aidedPost,
  };
}

/** Whether a contract covers at least one day of the exercise. */
export function contractInYear(contract: ContractRecord, amendments: readonly AmendmentRecord[], period: YearOrExercise): boolean {
  const { start, end } = asExercise(period);
  return periodsOverlap(contract.startDate, effectiveEndDate(contract, amendmentsOf(contract.id, amendments)), start, end);
}

/** The team's figures for an exercise (a bare year is the calendar year). */
export function teamYear(data: TeamData, period: YearOrExercise): TeamYear {
  const exercise = asExercise(period);
  const year = exercise.startYear;
  // Live records only: the repositories leave the bin out (data/live-records.ts).
  const team = data;
  const postByContract = new Map(team.aidedPosts.map((p) => [p.contractId, p]));
  const contracts = team.contracts
    .filter((c) => contractInYear(c, team.amendments, exercise))
    .map((c) => contractYear(c, team.amendments, postByContract.get(c.id), exercise, team));

  const employees = new Set<string>();
  const volunteers = new Set<string>();
  const aided = new Set<string>();
  const grossByPerson = new Map<string, number>();
  for (const c of contracts) {
    const personId = c.contract.personId;
    if (!isEmployment(c.contract)) {
      volunteers.add(personId);
      continue;
    }
    employees.add(personId);
    if (c.aidedPost && periodsOverlap(c.aidedPost.aidStartDate, c.aidedPost.aidEndDate, exercise.start, exercise.end)) {
      aided.add(personId);
    }
    grossByPerson.set(personId, (grossByPerson.get(personId) ?? 0) + c.grossCents);
  }
  const sum = (pick: (c: ContractYear) => number) => contracts.reduce((total, c) => total + pick(c), 0);
  const topFive = [...grossByPerson.values()].sort((a, b) => b - a).slice(0, 5);
  const employerCostCents = sum((c) => c.employerCostCents);
  const aidExpectedCents = sum((c) => c.aidExpectedCents);
  return {
    year,
    exercise,
    headcount: employees.size,
    volunteers: volunteers.size,
    etpt: sum((c) => c.etpt),
    aidedJobs: aided.size,
    topFiveGrossCents: topFive.reduce((a, b) => a + b, 0),
    grossCents: sum((c) => c.grossCents),
    employerCostCents,
    aidExpectedCents,
    aidReceivedCents: sum((c) => c.aidReceivedCents),
    remainingCostCents: employerCostCents - aidExpectedCents,
    contracts,
  };
}

const etptFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `3.854…` → `3,85`, as the Cerfa and the screens show an ETPT. */
export function formatEtpt(etpt: number): string {
  return etptFormat.format(etpt);
}

export interface PersonYear {
  /** The person's contracts that cover at least one day of the exercise, by start date. */
  rows: ContractYear[];
  totals: { days: number; etpt: number; grossCents: number; employerCostCents: number; aidExpectedCents: number; aidReceivedCents: number };
}

/** One person's figures on an exercise: each contract's share (contractYear) and their sum (DOMAIN.md §3). */
export function personYear(personId: string, team: TeamData, period: YearOrExercise): PersonYear {
  const rows = team.contracts
    .filter((c) => c.personId === personId)
    .map((c) =>
      contractYear(
        c,
        team.amendments,
        team.aidedPosts.find((p) => p.contractId === c.id),
        period,
        team,
      ),
    )
    .filter((r) => r.days > 0)
    .sort((a, b) => a.contract.startDate.localeCompare(b.contract.startDate));
  const total = (pick: (r: ContractYear) => number) => rows.reduce((sum, r) => sum + pick(r), 0);
  return {
    rows,
    totals: {
      days: total((r) => r.days),
      etpt: total((r) => r.etpt),
      grossCents: total((r) => r.grossCents),
      employerCostCents: total((r) => r.employerCostCents),
      aidExpectedCents: total((r) => r.aidExpectedCents),
      aidReceivedCents: total((r) => r.aidReceivedCents),
    },
  };
}
