import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { budgetAccount, BUDGET_CHAPTERS } from '../domain/budgets/accounts';
import { formatDateLong } from '../domain/dates';
import { hasSignificantGap, realisationPercent, type FinancialReportModel, type ReportLine } from '../domain/dossier/financial-report';
import { formatWholeEuros } from '../domain/money';
import {
  dataTable,
  documentStyles,
  formatSiret,
  labelValueTable,
  NOT_FILLED,
  orDash,
  pageFooter,
  pageSetup,
  paragraph,
  runningHeader,
  sectionTitle,
  subTitle,
} from './pdf-layout';

// The compte-rendu financier in the structure of the Cerfa 15059*02: identification, bilan qualitatif,
// the budget table prévision / réalisation / %, the annex on gaps and indirect costs, the contributions
// en nature and the attestation. Pure: model → pdfmake definition.

export const REPORT_SECTION_TITLES = {
  identification: 'Identification',
  qualitative: '1. Bilan qualitatif de l’action réalisée',
  table: '2. Tableau de synthèse',
  annex: '3. Données chiffrées : annexe',
  inKind: 'Contributions volontaires en nature',
  attestation: 'Attestation',
} as const;

function lineLabel(line: ReportLine): string {
  const label = budgetAccount(line.account)?.label ?? line.account;
  return line.label ? `${label} — ${line.label}` : label;
}

function percentText(line: ReportLine): string {
  const percent = realisationPercent(line.forecastCents, line.actualCents);
  return percent === undefined ? '—' : `${percent}\u00a0%`;
}

function sideRows(lines: readonly ReportLine[], side: 'charge' | 'product'): TableCell[][] {
  const rows: TableCell[][] = [];
  for (const chapter of BUDGET_CHAPTERS.filter((c) => c.side === side)) {
    for (const line of lines.filter((l) => budgetAccount(l.account)?.chapter === chapter.chapter)) {
      const flagged = hasSignificantGap(line.forecastCents, line.actualCents);
      rows.push([
        lineLabel(line),
        { text: formatWholeEuros(line.forecastCents), alignment: 'right' },
        { text: line.actualCents === undefined ? NOT_FILLED : formatWholeEuros(line.actualCents), alignment: 'right' },
        { text: percentText(line), alignment: 'right', bold: flagged, color: flagged ? '#b45309' : undefined },
      ]);
    }
  }
  return rows;
}

const total = (label: string, forecast: number, actual: number): TableCell[] => [
  { text: label, bold: true, fillColor: '#dfe7f2' },
  { text: formatWholeEuros(forecast), bold: true, alignment: 'right', fillColor: '#dfe7f2' },
  { text: formatWholeEuros(actual), bold: true, alignment: 'right', fillColor: '#dfe7f2' },
  {
    text: forecast === 0 ? '—' : `${Math.round((actual / forecast) * 100)}\u00a0%`,
    bold: true,
    alignment: 'right',
    fillColor: '#dfe7f2',
  },
];

function synthesisTable(model: FinancialReportModel): Content {
  const { lines } = model.report;
  const t = model.totals;
  const header = (label: string): TableCell[] => [
    { text: label, style: 'tableHeader' },
    { text: 'Prévision', style: 'tableHeader', alignment: 'right' },
    { text: 'Réalisation', style: 'tableHeader', alignment: 'right' },
    { text: '%', style: 'tableHeader', alignment: 'right' },
  ];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 70, 70, 40],
      body: [
        header('Charges'),
        ...sideRows(lines, 'charge'),
        total('Total des charges', t.forecastChargesCents, t.actualChargesCents),
        header('Produits'),
        ...sideRows(lines, 'product'),
        total('Total des produits', t.forecastProductsCents, t.actualProductsCents),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
  };
}

export function financialReportDefinition(model: FinancialReportModel): TDocumentDefinitions {
  const { report, profile } = model;
  const explained = report.lines.filter((l) => l.gapExplanation !== undefined);
  const signatory = report.signatoryName ?? '………………………………';
  const period = `du ${formatDateLong(model.periodStart)} au ${formatDateLong(model.periodEnd)}`;
  const content: Content[] = [
    { text: 'Compte rendu financier de subvention', style: 'title' },
    { text: 'Structure du formulaire Cerfa n° 15059*02', style: 'subtitle' },
    sectionTitle(REPORT_SECTION_TITLES.identification),
    labelValueTable([
      ['Association', model.associationName],
      ['Numéro SIRET', formatSiret(profile.siret)],
      ['Numéro RNA', orDash(profile.rna)],
      ['Financeur', model.funderName],
      ['Objet de la subvention', model.applicationTitle],
      ['Action', orDash(model.projectTitle)],
      ['Exercice', model.exerciseCount > 1 ? `${model.exercise} sur ${model.exerciseCount}, ${period}` : period],
      ['Montant accordé', model.grantedCents === undefined ? NOT_FILLED : formatWholeEuros(model.grantedCents)],
    ]),
    sectionTitle(REPORT_SECTION_TITLES.qualitative),
    subTitle('Déroulement de l’action'),
    paragraph(report.howItRan),
    subTitle('Bénéficiaires'),
    paragraph(report.beneficiaries),
    subTitle('Dates et lieux de réalisation'),
    paragraph(report.datesAndPlaces),
    subTitle('Objectifs atteints au regard des indicateurs'),
    report.indicatorsAchieved.length === 0
      ? paragraph(undefined)
      : dataTable(
          ['Objectif', 'Indicateur', 'Valeur visée', 'Valeur atteinte'],
          report.indicatorsAchieved.map((i) => [i.objectiveLabel, i.indicatorLabel, orDash(i.target), orDash(i.achieved)]),
          ['*', '*', 70, 70],
        ),
    sectionTitle(REPORT_SECTION_TITLES.table, true),
    {
      text:
        model.forecastSource === 'snapshot'
          ? 'Prévision : le budget de l’action tel que présenté dans le dossier de demande.'
          : 'Prévision : le budget de l’action enregistré (aucun dossier de demande produit n’a été conservé).',
      style: 'small',
      margin: [0, 0, 0, 4],
    },
    synthesisTable(model),
    sectionTitle(REPORT_SECTION_TITLES.annex),
    subTitle('Règle de répartition des charges indirectes affectées à l’action'),
    paragraph(report.indirectCostsExplanation),
    subTitle('Explication des écarts significatifs (plus de 15 %)'),
    explained.length === 0
      ? paragraph('Aucun écart significatif.')
      : dataTable(
          ['Ligne', 'Prévision', 'Réalisation', 'Explication'],
          explained.map((l): TableCell[] => [
            lineLabel(l),
            { text: formatWholeEuros(l.forecastCents), alignment: 'right' },
            { text: formatWholeEuros(l.actualCents ?? 0), alignment: 'right' },
            l.gapExplanation ?? '',
          ]),
          [130, 60, 60, '*'],
        ),
    subTitle(REPORT_SECTION_TITLES.inKind),
    paragraph(report.inKindContributions),
    sectionTitle(REPORT_SECTION_TITLES.attestation),
    {
      unbreakable: true,
      stack: [
        {
          text: `Je soussigné·e, ${signatory}${report.signatoryRole ? `, ${report.signatoryRole}` : ''}, représentant·e légal·e de l’association, certifie exactes les informations du présent compte rendu.`,
          style: 'body',
        },
        { text: `Fait à ${profile.headOffice.city ?? '……………………'}, le ${formatDateLong(model.producedOn)}`, style: 'body' },
        { table: { widths: [250], heights: [70], dontBreakRows: true, body: [[{ text: 'Signature', style: 'small' }]] }, margin: [0, 4, 0, 0] },
      ],
    },
  ];
  return {
    ...pageSetup,
    info: { title: `Compte rendu financier — ${model.applicationTitle}`, author: model.associationName, subject: 'Cerfa 15059*02' },
    header: runningHeader(model.associationName, `Compte rendu financier — ${model.funderName}`),
    footer: pageFooter('Structure du formulaire Cerfa n° 15059*02'),
    content,
    styles: documentStyles,
  };
}
