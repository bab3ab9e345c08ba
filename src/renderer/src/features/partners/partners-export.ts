import { agreementKindLabel, agreementStatusLabel, type AgreementRecord } from '../../domain/partners/agreement';
import { partnerKindLabel, publicSubKindLabel, type PartnerRecord } from '../../domain/partners/partner';
import { currentPlatform } from '../../platform/current-platform';
import { exportSheet, type ExportFormat, type SheetExport } from '../../reports/spreadsheet-export';

// The partner directory and the agreements as spreadsheets; the directory's headers are the ones the
// import reads back.

export function partnersSheet(partners: readonly PartnerRecord[]): SheetExport<PartnerRecord> {
  return {
    name: 'partenaires',
    title: 'Partenaires',
    rows: partners,
    columns: [
      { header: 'Nom du partenaire', value: (p) => p.name },
      { header: 'Type de partenaire', value: (p) => partnerKindLabel(p.kind) },
      { header: 'Catégorie d’acteur public', value: (p) => (p.publicSubKind ? publicSubKindLabel(p.publicSubKind) : undefined) },
      { header: 'SIRET', value: (p) => p.siret },
      { header: 'Numéro RNA', value: (p) => p.rna },
      { header: 'Adresse', value: (p) => p.street },
      { header: 'Code postal', value: (p) => p.postalCode },
      { header: 'Commune', value: (p) => p.city },
      { header: 'Téléphone', value: (p) => p.phone },
      { header: 'Courriel', value: (p) => p.email },
      { header: 'Étiquettes', value: (p) => p.tags.join(', ') },
      { header: 'Notes', value: (p) => p.notes },
    ],
  };
}

export type AgreementLine = AgreementRecord & { partnerNames: string; next?: string };

export function agreementsSheet(rows: readonly AgreementLine[]): SheetExport<AgreementLine> {
  return {
    name: 'conventions',
    title: 'Conventions',
    rows,
    columns: [
      { header: 'Intitulé de la convention', value: (a) => a.title },
      { header: 'Partenaires', value: (a) => a.partnerNames },
      { header: 'Type de convention', value: (a) => agreementKindLabel(a.kind) },
      { header: 'Statut', value: (a) => agreementStatusLabel(a.status) },
      { header: 'Date de signature', type: 'date', value: (a) => a.signatureDate },
      { header: 'Date de début', type: 'date', value: (a) => a.startDate },
      { header: 'Date de fin', type: 'date', value: (a) => a.endDate },
      { header: 'Reconduction tacite', value: (a) => (a.tacitRenewal ? 'Oui' : 'Non') },
      { header: 'Préavis (mois)', type: 'number', value: (a) => a.noticeMonths },
      { header: 'Dénoncer ou renégocier avant le', type: 'date', value: (a) => a.next },
      { header: 'Montant annuel', type: 'cents', value: (a) => a.yearlyAmountCents },
    ],
  };
}

export async function saveSheet<Row>(format: ExportFormat, sheet: SheetExport<Row>): Promise<void> {
  const file = await exportSheet(format, sheet);
  await currentPlatform().saveFile(file.fileName, file.data, file.filters);
}
