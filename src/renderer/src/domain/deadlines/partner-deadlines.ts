import type { IsoDate } from '../dates';
import { formatDateShort } from '../dates';
import { LIVE_STATUSES, firstTermEnd, nextNoticeDeadline, type AgreementPartyRecord, type AgreementRecord } from '../partners/agreement';
import { documentTitle, type VaultDocumentRecord } from '../association/document';
import type { PartnerRecord } from '../partners/partner';
import { compareDeadlines, deadlineKey, type Deadline } from './deadline';
import type { Target } from '../target';

// Partenaires' deadlines (DOMAIN.md §8): the date by which an agreement must be denounced or renegotiated,
// the end of a fixed-term agreement, and expired pièces justificatives. Records in the bin produce none.

export interface PartnerDeadlineData {
  agreements: readonly AgreementRecord[];
  agreementParties: readonly AgreementPartyRecord[];
  partners: readonly PartnerRecord[];
  documents: readonly VaultDocumentRecord[];
}

const SOURCE_LABEL = 'Partenaires';

function agreementTarget(agreementId: string): Target {
  return { screen: 'agreement', id: agreementId };
}

function monthsText(months: number): string {
  return `${months}\u00a0mois`;
}

/**
 * An older RIB or insurance certificate stops mattering once a newer one of the same kind is in the vault:
 * newer means valid for longer, or, for one without a validity end, issued later.
 */
function isSuperseded(document: VaultDocumentRecord, others: readonly VaultDocumentRecord[]): boolean {
  const validUntil = document.validUntil ?? '';
  return others.some(
    (other) =>
      other.id !== document.id &&
      other.kind === document.kind &&
      (other.validUntil !== undefined
        ? other.validUntil > validUntil
        : other.issuedOn !== undefined && document.issuedOn !== undefined && other.issuedOn > document.issuedOn),
  );
}

/** The deadlines of live records (the repository leaves the bin out: data/partner-deadlines-repository.ts). */
export function partnerDeadlines(data: PartnerDeadlineData, today: IsoDate): Deadline[] {
  const partnerNames = new Map(data.partners.map((p) => [p.id, p.name]));
  const namesByAgreement = new Map<string, string[]>();
  for (const party of data.agreementParties) {
    const name = partnerNames.get(party.partnerId);
    if (name === undefined) continue;
    namesByAgreement.set(party.agreementId, [...(namesByAgreement.get(party.agreementId) ?? []), name]);
  }

  const deadlines: Deadline[] = [];
  for (const agreement of data.agreements) {
    if (!LIVE_STATUSES.includes(agreement.status)) continue;
    const names = (namesByAgreement.get(agreement.id) ?? []).sort((a, b) => a.localeCompare(b, 'fr'));
    const label = names.length > 0 ? `${agreement.title} (${names.join(', ')})` : agreement.title;
    const target = agreementTarget(agreement.id);

    const notice = nextNoticeDeadline(agreement, today);
    if (notice !== null && agreement.noticeMonths !== undefined) {
      deadlines.push({
        key: deadlineKey('agreement', agreement.id, 'notice-deadline', notice.deadline),
        source: 'agreement',
        rule: 'notice-deadline',
        title: agreement.tacitRenewal ? `Dénoncer ou renégocier avant reconduction — ${label}` : `Renégocier avant la fin — ${label}`,
        dueDate: notice.deadline,
        target,
        sourceLabel: SOURCE_LABEL,
        detail: agreement.tacitRenewal
          ? `Préavis de ${monthsText(agreement.noticeMonths)} avant le terme du ${formatDateShort(notice.termEnd)} ; sans dénonciation, reconduction de ${monthsText(agreement.renewalPeriodMonths ?? 12)}.`
          : `Préavis de ${monthsText(agreement.noticeMonths)} avant la fin du ${formatDateShort(notice.termEnd)}.`,
      });
    }

    if (!agreement.tacitRenewal) {
      // Kept after its date too: a fixed-term agreement whose end passed unnoticed is « en retard » until
      // the user marks it terminée or renews it.
      const end = firstTermEnd(agreement);
      deadlines.push({
        key: deadlineKey('agreement', agreement.id, 'agreement-end'),
        source: 'agreement',
        rule: 'agreement-end',
        title: `Fin de la convention — ${label}`,
        dueDate: end,
        target,
        sourceLabel: SOURCE_LABEL,
      });
    }
  }

  for (const document of data.documents) {
    if (document.validUntil === undefined || isSuperseded(document, data.documents)) continue;
    deadlines.push({
      key: deadlineKey('document', document.id, 'document-expiry'),
      source: 'document',
      rule: 'document-expiry',
      title: `Fin de validité — ${documentTitle(document)}`,
      dueDate: document.validUntil,
      // The association's own pièces live in its section since issue 19, not under Partenaires.
      target: { screen: 'documents' },
      sourceLabel: 'Association',
      detail:
        document.validUntil < today ? 'À remplacer par une version à jour.' : `Valable jusqu’au ${formatDateShort(document.validUntil)}.`,
    });
  }

  return deadlines.sort(compareDeadlines);
}
