import { useLiveQuery } from 'dexie-react-hooks';
import type { PartnerDeadlineData } from '../domain/deadlines/partner-deadlines';
import { live } from './live-records';
import { readTables } from './read-tables';
import type { WorkspaceDb } from './workspace-db';

/** Everything partnerDeadlines reads, out of the bin, in one read transaction. */
export async function loadPartnerDeadlineData(db: WorkspaceDb): Promise<PartnerDeadlineData> {
  return db.transaction('r', [db.agreements, db.agreementParties, db.partners, db.documents], async () => {
    const { agreements, agreementParties, partners, documents } = await readTables(
      db,
      'agreements',
      'agreementParties',
      'partners',
      'documents',
    );
    return { agreements: live(agreements), agreementParties: live(agreementParties), partners: live(partners), documents: live(documents) };
  });
}

export function usePartnerDeadlineData(db: WorkspaceDb): PartnerDeadlineData | undefined {
  return useLiveQuery(() => loadPartnerDeadlineData(db), [db]);
}
