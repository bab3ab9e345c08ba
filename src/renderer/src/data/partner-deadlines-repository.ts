import { useLiveQuery } from 'dexie-react-hooks';
import type { PartnerDeadlineData } from '../domain/deadlines/partner-deadlines';
import { live } from './live-records';
import type { WorkspaceDb } from './workspace-db';

/** Everything partnerDeadlines reads, out of the bin, in one read transaction. */
export async function loadPartnerDeadlineData(db: WorkspaceDb): Promise<PartnerDeadlineData> {
  return db.transaction('r', [db.agreements, db.agreementParties, db.partners, db.documents], async () => {
    const [agreements, agreementParties, partners, documents] = await Promise.all([
      db.agreements.toArray(),
      db.agreementParties.toArray(),
      db.partners.toArray(),
      db.documents.toArray(),
    ]);
    return { agreements: live(agreements), agreementParties: live(agreementParties), partners: live(partners), documents: live(documents) };
  });
}

export function usePartnerDeadlineData(db: WorkspaceDb): PartnerDeadlineData | undefined {
  return useLiveQuery(() => loadPartnerDeadlineData(db), [db]);
}
