import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { budgetAccount } from '../domain/budgets/accounts';
import { formatDateLong } from '../domain/dates';
import {
  hasSignificantGap,
  realisationPercent,
  type FinancialReportModel,
  type ReportLine,
  type ReportRow,
} from '../domain/dossier/financial-report';
import { formatWholeEuros } from '../domain/money';
import {
  cerfaDocument,
  dataTable,
  formatSiret,
  labelValueTable,
  NOT_FILLED,
  orDash,
  paragraph,
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

const percent = (forecast: number, actual: number | undefined) => {
  const value = realisationPercent(forecast, actual);
  return value === undefined ? '—' : `${value}\u00a0%`;
};

const SUBTOTAL_FILL = '#f3f5f9';
const TOTAL_FILL = '#dfe7f2';

function rowCells(row: ReportRow): TableCell[] {
  const chapter = row.kind === 'chapter';
  const fill = chapter ? SUBTOTAL_FILL : undefined;
  const flagged = !chapter && hasSignificantGap(row.forecastCents, row.actualCents);
  return [
    { text: row.label, bold: chapter, margin: chapter ? [0, 0, 0, 0] : [8, 0, 0, 0], fillColor: fill },
    { text: formatWholeEuros(row.forecastCents), alignment: 'right', bold: chapter, fillColor: fill },
    {
      text: row.actualCents === undefined ? NOT_FILLED : formatWholeEuros(row.actualCents),
      alignment: 'right',
      bold: chapter,
      fillColor: fill,
    },
    { text: percent(row.forecastCents, row.actualCents), alignment: 'right', bold: chapter || flagged, fillColor: fill },
  ];
}

const total = (label: string, forecast: number, actual: number): TableCell[] => [
  { text: label, bold: true, fillColor: TOTAL_FILL },
  { text: formatWholeEuros(forecast), bold: true, alignment: 'right', fillColor: TOTAL_FILL },
  { text: formatWholeEuros(actual), bold: true, alignment: 'right', fillColor: TOTAL_FILL },
  { text: percent(forecast, actual), bold: true, alignment: 'right', fillColor: TOTAL_FILL },
];

const header = (label: string): TableCell[] => [
  { text: label, style: 'tableHeader' },
  { text: 'Prévision', style: 'tableHeader', alignment: 'right' },
  { text: 'Réalisation', style: 'tableHeader', alignment: 'right' },
  { text: '%', style: 'tableHeader', alignment: 'right' },
];

const COMPACT = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => '#c8ced8',
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

/** Charges then produits, each chapter with its subtotal, then the totals (Cerfa 15059 « tableau de synthèse »). */
function synthesisTable(model: FinancialReportModel): Content {
  const t = model.totals;
  return {
    table: {
      headerRows: 0,
      dontBreakRows: true,
      widths: ['*', 64, 64, 36],
      body: [
        header('Charges'),
        ...model.rows.charges.map(rowCells),
        total('Total des charges', t.forecastChargesCents, t.actualChargesCents),
        header('Produits'),
        ...model.rows.products.map(rowCells),
        total('Total des produits', t.forecastProductsCents, t.actualProductsCents),
      ],
    },
    layout: COMPACT,
    fontSize: 8,
  };
}

function inKindTable(model: FinancialReportModel): Content[] {
  const { rows, totals: t } = model;
  if (rows.contributionUses.length === 0 && rows.contributionResources.length === 0) {
    return [paragraph('Aucune contribution volontaire en nature prévue ni réalisée.')];
  }
  return [
    {
      table: {
        headerRows: 0,
        dontBreakRows: true,
        widths: ['*', 64, 64, 36],
        body: [
          header('86 – Emplois des contributions volontaires en nature'),
          ...rows.contributionUses.filter((r) => r.kind === 'line').map(rowCells),
          total('Total des emplois (86)', t.forecastContributionUsesCents, t.actualContributionUsesCents),
          header('87 – Contributions volontaires en nature'),
          ...rows.contributionResources.filter((r) => r.kind === 'line').map(rowCells),
          total('Total des contributions (87)', t.forecastContributionResourcesCents, t.actualContributionResourcesCents),
        ],
      },
      layout: COMPACT,
      fontSize: 8,
      margin: [0, 2, 0, 4],
    },
  ];
}

/** The grant against what was granted and received, and its share of the produits. */
function grantSummary(model: FinancialReportModel): Content {
  const g = model.grant;
  const share = (value: number | undefined) => (value === undefined ? '—' : `${value}\u00a0%`);
  return labelValueTable([
    ['Subvention accordée pour l’exercice', g.grantedCents === undefined ? NOT_FILLED : formatWholeEuros(g.grantedCents)],
    ['Subvention déclarée en réalisation (ligne 74)', formatWholeEuros(g.declaredCents)],
    [
      'Versements reçus à ce jour',
      `${formatWholeEuros(g.receivedCents)}${g.pendingCents > 0 ? ` (${formatWholeEuros(g.pendingCents)} encore attendus)` : ''}`,
    ],
    ['Subvention / total des produits', `prévision ${share(model.grantShare.forecast)}, réalisation ${share(model.grantShare.actual)}`],
  ]);
}

/** The filing numbers the funder files the compte-rendu under (Dauphin, Compte Asso, EJ Chorus), those known. */
function references(model: FinancialReportModel): [string, string][] {
  const r = model.references;
  return [
    ...(r.dauphinRef ? ([['N° Dauphin', r.dauphinRef]] as [string, string][]) : []),
    ...(r.compteAssoRef ? ([['N° Compte Asso', r.compteAssoRef]] as [string, string][]) : []),
    ...(r.chorusEj ? ([['N° d’engagement juridique Chorus', r.chorusEj]] as [string, string][]) : []),
  ];
}

function draftBox(model: FinancialReportModel): Content[] {
  if (model.draftReasons.length === 0) return [];
  return [
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: 'BROUILLON — à corriger avant l’envoi :', bold: true, margin: [0, 0, 0, 2] },
                { ul: model.draftReasons, fontSize: 8.5 },
              ],
              margin: [4, 4, 4, 4],
            },
          ],
        ],
      },
      margin: [0, 0, 0, 8],
    },
  ];
}

export function financialReportDefinition(model: FinancialReportModel): TDocumentDefinitions {
  const { report, profile } = model;
  const explained = report.lines.filter((l) => l.gapExplanation !== undefined);
  // The label the synthesis table printed (a 74 line: its funder's name).
  const printed = [...model.rows.charges, ...model.rows.products, ...model.rows.contributionUses, ...model.rows.contributionResources];
  const labelOf = (line: ReportLine) => printed.find((r) => r.line === line)?.label ?? lineLabel(line);
  const signatory = report.signatoryName ?? '………………………………';
  const period = `du ${formatDateLong(model.periodStart)} au ${formatDateLong(model.periodEnd)}`;
  const whose = model.scope === 'association' ? 'de l’association' : 'de l’action';
  const content: Content[] = [
    { text: 'Compte rendu financier de subvention', style: 'title' },
    { text: 'Structure du formulaire Cerfa n° 15059*02', style: 'subtitle' },
    ...draftBox(model),
    sectionTitle(REPORT_SECTION_TITLES.identification),
    labelValueTable([
      ['Association', model.associationName],
      ['Numéro SIRET', formatSiret(profile.siret)],
      ['Numéro RNA', orDash(profile.rna)],
      ['Financeur', model.funderName],
      ['Objet de la subvention', model.applicationTitle],
      [
        'Action',
        model.scope === 'association' ? 'Fonctionnement global de l’association (budget de l’association)' : orDash(model.projectTitle),
      ],
      ['Exercice', model.exerciseCount > 1 ? `${model.exercise} sur ${model.exerciseCount}, ${period}` : period],
      ['Montant accordé', model.grantedCents === undefined ? NOT_FILLED : formatWholeEuros(model.grantedCents)],
      ...references(model),
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
    sectionTitle(REPORT_SECTION_TITLES.table),
    {
      text: `${
        model.forecastSource === 'snapshot'
          ? `Prévision : le budget ${whose} tel que présenté dans le dossier de demande.`
          : `Prévision : le budget ${whose} enregistré (aucun dossier de demande produit n’a été conservé).`
      } Exercice ${period}.`,
      style: 'small',
      margin: [0, 0, 0, 4],
    },
    synthesisTable(model),
    subTitle('La subvention'),
    grantSummary(model),
    sectionTitle(REPORT_SECTION_TITLES.annex),
    subTitle('Règle de répartition des charges indirectes affectées à l’action'),
    paragraph(
      report.indirectCostsExplanation ??
        (model.rows.charges.some((r) => r.line && budgetAccount(r.line.account)?.chapter === 'CI')
          ? undefined
          : 'Aucune charge indirecte affectée à l’action.'),
    ),
    subTitle('Explication des écarts significatifs (plus de 15 %)'),
    explained.length === 0
      ? paragraph('Aucun écart significatif.')
      : dataTable(
          ['Ligne', 'Prévision', 'Réalisation', 'Explication'],
          explained.map((l): TableCell[] => [
            labelOf(l),
            { text: formatWholeEuros(l.forecastCents), alignment: 'right' },
            { text: formatWholeEuros(l.actualCents ?? 0), alignment: 'right' },
            l.gapExplanation ?? '',
          ]),
          [130, 60, 60, '*'],
        ),
    subTitle(REPORT_SECTION_TITLES.inKind),
    ...inKindTable(model),
    ...(report.inKindContributions ? [paragraph(report.inKindContributions)] : []),
    sectionTitle(REPORT_SECTION_TITLES.attestation),
    {
      unbreakable: true,
      stack: [
        {
          text: `Je soussigné·e, ${signatory}${report.signatoryRole ? `, ${report.signatoryRole}` : ''}, représentant·e légal·e de l’association, certifie exactes les informations du présent compte rendu.`,
          style: 'body',
        },
        { text: `Fait à ${profile.headOffice.city ?? '……………………'}, le ${formatDateLong(model.producedOn)}`, style: 'body' },
        {
          table: { widths: [250], heights: [70], dontBreakRows: true, body: [[{ text: 'Signature', style: 'small' }]] },
          margin: [0, 4, 0, 0],
        },
      ],
    },
  ];
  return cerfaDocument({
    form: '15059*02',
    title: `Compte rendu financier — ${model.applicationTitle}`,
    associationName: model.associationName,
    runningTitle: `Compte rendu financier — ${model.funderName}`,
    draft: model.draftReasons.length > 0,
    content,
  });
}
