import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDate } from '../domain/dates';
import type { Deadline } from '../domain/deadlines/deadline';
import type { DeadlineState, ReminderLadder } from '../domain/deadlines/engine';
import { fundingDeadlines } from '../domain/deadlines/funding-deadlines';
import { partnerDeadlines } from '../domain/deadlines/partner-deadlines';
import { staffDeadlines } from '../domain/deadlines/end-of-contract';
import { trialRulesFor } from '../domain/team/trial-period';
import { exerciseCalendar } from '../domain/exercise';
import { getAssociationProfile } from './association-repository';
import { getReminderLadder, listDeadlineStates } from './deadline-state-repository';
import { byExpectedDate, type PaymentRecord } from '../domain/funding/payment';
import { listFunders, listGrantApplications } from './funding-repository';
import { loadPartnerDeadlineData } from './partner-deadlines-repository';
import { getTeam } from './team-repository';
import { cashDeadlines } from '../domain/deadlines/cash-deadlines';
import { cashForecast } from '../domain/treasury/cash-forecast';
import { openingBalanceOf, recurringLinesOf } from '../domain/treasury/cash-line';
import type { WorkspaceDb } from './workspace-db';
import type { TableName } from './read-tables';

// Every source of deadlines, in one place (DOMAIN.md §8: one engine for all sources). A reader names the
// tables it reads and applies its source's pure rules; adding a source is one entry here, and the dashboard's
// read transaction is derived from the entries (a test runs each reader on its declared tables alone, so a
// table read but not declared fails there, not at run time on a user's screen).

export type { TableName } from './read-tables';

/** How one source's deadlines are read: its tables and its rules (`DeadlineSource`, in the domain, names the source). */
export interface DeadlineReader {
  tables: readonly TableName[];
  read: (db: WorkspaceDb, today: IsoDate) => Promise<Deadline[]>;
}

/**
 * The payments not yet received, read through the receivedDate index (schema OPEN_PAYMENTS_VERSION): every
 * primary key minus the keys of the received ones, then only those records. The funding rules give a
 * received payment no deadline, so the dashboard needs no other; the lists and summaries still read all.
 */
export async function listOpenPayments(db: WorkspaceDb): Promise<PaymentRecord[]> {
  const [all, received] = await Promise.all([db.payments.toCollection().primaryKeys(), db.payments.orderBy('receivedDate').primaryKeys()]);
  const receivedIds = new Set(received);
  const open = await db.payments.bulkGet(all.filter((id) => !receivedIds.has(id)));
  return open.filter((p): p is PaymentRecord => p !== undefined && p.deletedAt === null && p.receivedDate === undefined);
}

async function loadOpenFundingData(db: WorkspaceDb) {
  const [funders, applications, payments] = await Promise.all([listFunders(db), listGrantApplications(db), listOpenPayments(db)]);
  const liveIds = new Set(applications.map((a) => a.id));
  return { funders, applications, payments: payments.filter((p) => liveIds.has(p.applicationId)).sort(byExpectedDate) };
}

export const DEADLINE_READERS: readonly DeadlineReader[] = [
  {
    tables: ['funders', 'grantApplications', 'payments', 'association'],
    read: async (db, today) => {
      // Compte-rendu and publication dates follow the association's exercise.
      const [data, profile] = await Promise.all([loadOpenFundingData(db), getAssociationProfile(db)]);
      return fundingDeadlines(data, today, { calendar: exerciseCalendar(profile), accountsApprovedOn: profile?.accountsApprovedOn });
    },
  },
  {
    tables: ['agreements', 'agreementParties', 'partners', 'documents'],
    read: async (db, today) => partnerDeadlines(await loadPartnerDeadlineData(db), today),
  },
  {
    tables: ['people', 'contracts', 'amendments', 'aidedPosts', 'absences', 'yearlyFigures', 'association'],
    read: async (db, today) => {
      // Trial periods follow the association's collective agreement; working days its local holidays.
      const [team, profile] = await Promise.all([getTeam(db), getAssociationProfile(db)]);
      return staffDeadlines(team, today, {
        trialRules: trialRulesFor(profile?.collectiveAgreement),
        alsaceMoselle: profile?.alsaceMoselle ?? false,
      });
    },
  },
  {
    tables: [
      'cashLines',
      'funders',
      'grantApplications',
      'payments',
      'people',
      'contracts',
      'amendments',
      'aidedPosts',
      'absences',
      'yearlyFigures',
    ],
    read: async (db, today) => {
      // « Trésorerie négative prévue en mars 2027 »: the forecast needs only the tranches still expected.
      // Nothing more is read until the user has entered a balance.
      const live = (await db.cashLines.toArray()).filter((l) => l.deletedAt === null);
      const opening = openingBalanceOf(live);
      if (opening === undefined) return [];
      const [funding, team] = await Promise.all([loadOpenFundingData(db), getTeam(db)]);
      return cashDeadlines(
        cashForecast({
          today,
          opening,
          applications: funding.applications,
          payments: funding.payments,
          team,
          recurring: recurringLinesOf(live),
        }),
      );
    },
  },
];

/** What the board reads besides the sources: the user's states on deadlines and the reminder ladder. */
const BOARD_TABLES: readonly TableName[] = ['deadlineStates', 'meta'];

export async function loadDeadlines(db: WorkspaceDb, today: IsoDate): Promise<Deadline[]> {
  return (await Promise.all(DEADLINE_READERS.map((reader) => reader.read(db, today)))).flat();
}

export interface DeadlineData {
  deadlines: Deadline[];
  states: DeadlineState[];
  ladder: ReminderLadder;
}

/** The tables the dashboard reads, derived from the readers: one read transaction rather than one per read. */
export function deadlineTables(db: WorkspaceDb): Table[] {
  const names = new Set([...DEADLINE_READERS.flatMap((reader) => reader.tables), ...BOARD_TABLES]);
  return [...names].map((name) => db.table(name));
}

export async function loadDeadlineData(db: WorkspaceDb, today: IsoDate): Promise<DeadlineData> {
  return db.transaction('r', deadlineTables(db), async () => {
    const [deadlines, states, ladder] = await Promise.all([loadDeadlines(db, today), listDeadlineStates(db), getReminderLadder(db)]);
    return { deadlines, states, ladder };
  });
}

/** Every deadline with the user's states and ladder, recomputed when any record changes; undefined while loading. */
export function useDeadlineData(db: WorkspaceDb, today: IsoDate): DeadlineData | undefined {
  return useLiveQuery(() => loadDeadlineData(db, today), [db, today]);
}
