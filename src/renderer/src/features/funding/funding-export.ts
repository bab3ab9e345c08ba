import type { SummaryRow, YearlySummary } from '../../domain/funding/yearly-summary';
import { filingPortalLabel, funderKindShortLabel, type FunderRecord } from '../../domain/funding/funder';
import { grantStatusLabel, type GrantApplicationRecord } from '../../domain/funding/grant-application';
import { currentPlatform } from '../../platform/current-platform';
import { exportSheet, type ExportFormat, type SheetExport } from '../../reports/spreadsheet-export';

// The Financements lists as spreadsheets; headers are the ones the import reads back.

export function fundersSheet(funders: readonly FunderRecord[]): SheetExport<FunderRecord> {
  return {
    name: 'financeurs',
    title: 'Financeurs',
    rows: funders,
    columns: [
      { header: 'Nom du financeur', value: (f) => f.name },
      { header: 'Type de financeur', value: (f) => funderKindShortLabel(f.kind) },
      { header: 'Service instructeur', value: (f) => f.service },
      { header: 'Portail de dépôt', value: (f) => filingPortalLabel(f.portal) },
      { header: 'Contact', value: (f) => f.contactName },
      { header: 'Courriel du contact', value: (f) => f.contactEmail },
      { header: 'Téléphone du contact', value: (f) => f.contactPhone },
      { header: 'Notes', value: (f) => f.notes },
    ],
  };
}

export interface ApplicationRow {
  app: GrantApplicationRecord;
  funderName: string;
  paid: number;
}

export function applicationsSheet(rows: readonly ApplicationRow[]): SheetExport<ApplicationRow> {
  return {
    name: 'demandes-de-subvention',
    title: 'Demandes de subvention',
    rows,
    columns: [
      { header: 'Financeur', value: (r) => r.funderName },
      { header: 'Appel à projets ou dispositif', value: (r) => r.app.title },
      { header: 'Début de la période', type: 'date', value: (r) => r.app.periodStart },
      { header: 'Fin de la période', type: 'date', value: (r) => r.app.periodEnd },
      { header: 'Statut', value: (r) => grantStatusLabel(r.app.status) },
      { header: 'Date limite de dépôt', type: 'date', value: (r) => r.app.filingDeadline },
      { header: 'Date de dépôt', type: 'date', value: (r) => r.app.filedOn },
      { header: 'Date de décision', type: 'date', value: (r) => r.app.decidedOn },
      { header: 'Montant demandé', type: 'cents', value: (r) => r.app.requestedCents },
      { header: 'Montant accordé', type: 'cents', value: (r) => r.app.grantedCents },
      { header: 'Montant conventionné', type: 'cents', value: (r) => r.app.agreedCents },
      { header: 'Montant versé', type: 'cents', value: (r) => r.paid },
      { header: 'Numéro Dauphin', value: (r) => r.app.dauphinRef },
    ],
  };
}

export async function saveSheet<Row>(format: ExportFormat, sheet: SheetExport<Row>): Promise<void> {
  const file = await exportSheet(format, sheet);
  await currentPlatform().saveFile(file.fileName, file.data, file.filters);
}

type SummaryLine = SummaryRow & { total?: boolean };

/** The yearly summary by funder, with its total row last. */
export function yearlySummarySheet(summary: YearlySummary, year: number | string): SheetExport<SummaryLine> {
  return {
    name: `bilan-subventions-${year}`,
    title: `Bilan ${year}`,
    rows: [...summary.rows, { ...summary.totals, funderId: '', funderName: 'Total', total: true }],
    columns: [
      { header: 'Financeur', value: (r) => r.funderName },
      { header: 'Demandes', type: 'number', value: (r) => r.applicationCount },
      { header: 'Demandé', type: 'cents', value: (r) => r.requestedCents },
      { header: 'Accordé', type: 'cents', value: (r) => r.grantedCents },
      { header: 'Conventionné', type: 'cents', value: (r) => r.agreedCents },
      { header: 'Versé', type: 'cents', value: (r) => r.paidCents },
      { header: 'Reste à percevoir', type: 'cents', value: (r) => r.remainingCents },
      { header: 'Trop-perçu', type: 'cents', value: (r) => r.overpaidCents },
      { header: 'Tranches en retard', type: 'number', value: (r) => r.latePaymentCount },
      { header: 'Montant en retard', type: 'cents', value: (r) => r.latePaymentCents },
      { header: 'Part de l’exercice', type: 'cents', value: (r) => r.exerciseShareCents },
    ],
  };
}
