import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { COLLECTIVE_AGREEMENTS, type AssociationProfile } from '../domain/association';
import { formatDateLong } from '../domain/dates';
import type { BudgetRow } from '../domain/dossier/budget-sums';
import type { BudgetTable, DossierAttachment, DossierModel, DossierProject } from '../domain/dossier/dossier-model';
import { exerciseLabel, type AccountingExercise } from '../domain/exercise';
import { CERFA_PUBLIC_AID_THRESHOLD_CENTS } from '../domain/dossier/public-aid';
import { formatWholeEuros } from '../domain/money';
import { formatPercent } from '../domain/budgets/budget-totals';
import { formatEtpt } from '../domain/team/team-year';
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

// The grant dossier in the order of the Cerfa 12156*06 (DOMAIN.md §6), so that an instructing service
// finds each answer where it expects it. Pure: model → pdfmake definition.

export const DOSSIER_SECTION_TITLES = {
  request: 'Nature de la demande',
  identification: '1. Identification de l’association',
  administration: '2. Relations avec l’administration',
  associations: '3. Relations avec d’autres associations',
  humanResources: '4. Moyens humains de l’association',
  budget: '5. Budget prévisionnel de l’association',
  project: '6. Projet – Objet de la demande',
  declaration: '7. Déclaration sur l’honneur',
  attachments: 'Pièces jointes',
  republicanContract: 'Annexe — Contrat d’engagement républicain',
} as const;

/** « exercice 2026, du 1er janvier 2026 au 31 décembre 2026 ». */
export function exerciseText(exercise: AccountingExercise): string {
  return `exercice ${exerciseLabel(exercise)}, du ${formatDateLong(exercise.start)} au ${formatDateLong(exercise.end)}`;
}

/** The pouvoir's title, printed only when someone other than the legal representative signs. */
export const POUVOIR_TITLE = 'Pouvoir';

const yesNo = (value: boolean) => (value ? 'Oui' : 'Non');

function address(a: AssociationProfile['headOffice']): string {
  const city = [a.postalCode, a.city].filter(Boolean).join(' ');
  const text = [a.street, city].filter(Boolean).join(', ');
  return text === '' ? NOT_FILLED : text;
}

function person(p: AssociationProfile['legalRepresentative']): [string, string][] {
  return [
    ['Nom, prénom', [p.lastName, p.firstName].filter(Boolean).join(' ') || NOT_FILLED],
    ['Fonction', orDash(p.role)],
    ['Téléphone', orDash(p.phone)],
    ['Courriel', orDash(p.email)],
  ];
}

function requestPage(model: DossierModel): Content[] {
  const { request } = model;
  const purposes = [request.purposes.operating ? 'fonctionnement global' : null, request.purposes.project ? 'projet(s) / action(s)' : null]
    .filter(Boolean)
    .join(' et ');
  return [
    { text: 'Demande de subvention(s)', style: 'title' },
    { text: `Associations — structure du formulaire Cerfa n° 12156*06 — exercice ${exerciseLabel(model.exercise)}`, style: 'subtitle' },
    { text: model.associationName, fontSize: 15, bold: true, margin: [0, 0, 0, 16] },
    sectionTitle(DOSSIER_SECTION_TITLES.request),
    labelValueTable([
      ['Nature', 'Subvention en numéraire'],
      ['Première demande ou renouvellement', request.renewal ? 'Renouvellement' : 'Première demande'],
      ['Objet', purposes || NOT_FILLED],
      ['Durée', request.multiYear ? 'Pluriannuelle (convention pluriannuelle d’objectifs)' : 'Annuelle'],
      ['Exercice', `${exerciseLabel(model.exercise)}, du ${formatDateLong(model.exercise.start)} au ${formatDateLong(model.exercise.end)}`],
      ['Date de la demande', formatDateLong(model.filingDate)],
    ]),
    subTitle('Demande adressée à'),
    dataTable(
      ['Type de financeur', 'Financeur', 'Service'],
      model.request.addressees.map((a) => [a.kindLabel, a.name, orDash(a.service)]),
      [130, '*', 150],
    ),
    ...(model.filingReferences.length === 0
      ? []
      : [
          subTitle('Références des demandes'),
          dataTable(
            ['Demande', 'N° Dauphin', 'N° Compte Asso', 'N° EJ Chorus'],
            model.filingReferences.map((r): TableCell[] => [
              `${r.title} (${r.funderName})`,
              r.dauphinRef ?? '—',
              r.compteAssoRef ?? '—',
              r.chorusEj ?? '—',
            ]),
            ['*', 95, 80, 75],
          ),
        ]),
  ];
}

/** A label/value table narrow enough to stand beside another. */
function compactTable(rows: readonly (readonly [string, string])[]): Content {
  const table = labelValueTable(rows) as { table: { widths: (string | number)[] } };
  return { ...table, table: { ...table.table, widths: [70, '*'] } } as Content;
}

function identification(model: DossierModel): Content[] {
  const p = model.profile;
  const register =
    p.alsaceMoselle && p.localRegister !== undefined ? ([['Numéro au registre du tribunal', p.localRegister]] as [string, string][]) : [];
  return [
    sectionTitle(DOSSIER_SECTION_TITLES.identification),
    labelValueTable([
      ['Nom', p.name],
      ['Sigle', orDash(p.acronym)],
      ['Objet', orDash(p.purpose)],
      ['Numéro SIRET', formatSiret(p.siret)],
      ['Numéro RNA', orDash(p.rna)],
      ...register,
      ['Adresse du siège social', address(p.headOffice)],
      ['Code INSEE de la commune', orDash(p.inseeCode)],
      ['Adresse de correspondance', p.correspondenceSameAsHeadOffice ? 'Identique au siège' : address(p.correspondence)],
      ['Site internet', orDash(p.website)],
      [
        'Quartiers prioritaires (QPV)',
        p.qpvs.length === 0 ? 'Aucun' : p.qpvs.map((q) => (q.name ? `${q.code} — ${q.name}` : q.code)).join(' ; '),
      ],
    ]),
    {
      columns: [
        { stack: [subTitle('Représentant·e légal·e'), compactTable(person(p.legalRepresentative))] },
        { stack: [subTitle('Personne chargée du dossier'), compactTable(person(p.dossierContact))] },
      ],
      columnGap: 14,
    },
  ];
}

function administration(model: DossierModel): Content[] {
  const p = model.profile;
  return [
    sectionTitle(DOSSIER_SECTION_TITLES.administration),
    p.approvals.length === 0
      ? paragraph('Aucun agrément administratif.')
      : dataTable(
          ['Agrément', 'Attribué par', 'Date', 'Numéro'],
          p.approvals.map((a) => [a.type, orDash(a.issuer), a.date ? formatDateLong(a.date) : NOT_FILLED, orDash(a.number)]),
          ['*', '*', 90, 90],
        ),
    labelValueTable([
      [
        'Reconnue d’utilité publique',
        p.publicUtility ? `Oui${p.publicUtilityDate ? `, JO du ${formatDateLong(p.publicUtilityDate)}` : ''}` : 'Non',
      ],
      ['Commissaire aux comptes', yesNo(p.hasAuditor)],
      ['Assujettie aux impôts commerciaux', yesNo(p.subjectToCommercialTax)],
    ]),
  ];
}

function associations(model: DossierModel): Content[] {
  const p = model.profile;
  return [
    sectionTitle(DOSSIER_SECTION_TITLES.associations),
    labelValueTable([
      [
        'Affiliée à un réseau, une union ou une fédération',
        p.federated ? `Oui : ${orDash(p.federationName)}` : 'Non (association non fédérée)',
      ],
      ['Signataire de la charte de coopération inter-associative', yesNo(p.charterSignatory)],
      ['Adhérents personnes physiques', orDash(p.membersPersons)],
      ['Adhérents personnes morales', orDash(p.membersLegalEntities)],
    ]),
  ];
}

function humanResources(model: DossierModel): Content[] {
  const h = model.humanResources;
  const agreement = COLLECTIVE_AGREEMENTS.find((c) => c.value === model.profile.collectiveAgreement)?.label ?? '';
  return [
    sectionTitle(DOSSIER_SECTION_TITLES.humanResources),
    {
      text: `Au titre de l’${exerciseText(model.referenceExercise)}${model.referenceIsLastClosed ? ', dernier exercice clos' : ' (exercice non clos : chiffres prévisionnels)'}.`,
      style: 'small',
      margin: [0, 0, 0, 4],
    },
    labelValueTable([
      ['Nombre de bénévoles', orDash(h.volunteers)],
      ['Nombre de volontaires (service civique)', String(h.civicVolunteers)],
      ['Nombre total de salariés', String(h.employees)],
      ['dont nombre d’emplois aidés', String(h.aidedJobs)],
      ['Nombre de salariés en équivalent temps plein travaillé (ETPT)', formatEtpt(h.etpt)],
      ['Nombre de personnels mis à disposition', orDash(h.secondedStaff)],
      ['Cumul des cinq salaires annuels bruts les plus élevés', formatWholeEuros(h.topFiveGrossCents)],
      ['Convention collective', agreement],
    ]),
  ];
}

function rowCells(row: BudgetRow | undefined): TableCell[] {
  if (!row) return [{ text: '' }, { text: '' }];
  const chapter = row.kind === 'chapter';
  return [
    { text: row.label, bold: chapter, margin: chapter ? [0, 0, 0, 0] : [8, 0, 0, 0], fillColor: chapter ? '#f3f5f9' : undefined },
    { text: formatWholeEuros(row.amountCents), alignment: 'right', bold: chapter, fillColor: chapter ? '#f3f5f9' : undefined },
  ];
}

function zip(left: readonly BudgetRow[], right: readonly BudgetRow[]): TableCell[][] {
  const rows: TableCell[][] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) rows.push([...rowCells(left[i]), ...rowCells(right[i])]);
  return rows;
}

const totalCell = (text: string): TableCell => ({ text, bold: true, fillColor: '#dfe7f2' });
const totalAmount = (cents: number): TableCell => ({ text: formatWholeEuros(cents), bold: true, alignment: 'right', fillColor: '#dfe7f2' });

/** Light horizontal rules and tight rows: a budget of thirty lines fits half a page. */
const COMPACT_LINES = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : i === 1 ? 1 : 0.5),
  vLineWidth: () => 0,
  hLineColor: (i: number) => (i === 1 ? '#000000' : '#c8ced8'),
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

/** The Cerfa budget: charges on the left, produits on the right, totals, then the contributions en nature. */
export function budgetTableContent(table: BudgetTable, kind: 'association' | 'project'): Content[] {
  const t = table.totals;
  const body: TableCell[][] = [
    [
      { text: 'Charges', style: 'tableHeader' },
      { text: 'Montant', style: 'tableHeader', alignment: 'right' },
      { text: 'Produits', style: 'tableHeader' },
      { text: 'Montant', style: 'tableHeader', alignment: 'right' },
    ],
    ...zip(table.charges, table.products),
    [totalCell('Total des charges'), totalAmount(t.chargesCents), totalCell('Total des produits'), totalAmount(t.productsCents)],
  ];
  if (table.contributionUses.length > 0 || table.contributionResources.length > 0) {
    body.push(
      [{ text: 'Contributions volontaires en nature', colSpan: 4, bold: true, margin: [0, 4, 0, 0] }, {}, {}, {}],
      ...zip(table.contributionUses, table.contributionResources),
      [
        totalCell('Total'),
        totalAmount(t.contributionUsesCents + t.chargesCents),
        totalCell('Total'),
        totalAmount(t.contributionResourcesCents + t.productsCents),
      ],
    );
  }
  const gap = t.gapCents;
  return [
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['*', 58, '*', 58], body },
      layout: COMPACT_LINES,
      fontSize: 8,
      margin: [0, 2, 0, 4],
    },
    gap === 0
      ? {
          text: `Budget ${kind === 'association' ? 'de l’association' : 'de l’action'} équilibré : ${formatWholeEuros(t.chargesCents)}.`,
          style: 'small',
        }
      : {
          text: `Budget déséquilibré : écart de ${formatWholeEuros(Math.abs(gap))} entre produits et charges.`,
          style: 'small',
          color: '#c62828',
          bold: true,
        },
  ];
}

function associationBudget(model: DossierModel): Content[] {
  return [
    sectionTitle(DOSSIER_SECTION_TITLES.budget),
    { text: `Budget de l’${exerciseText(model.exercise)}.`, style: 'small', margin: [0, 0, 0, 4] },
    ...(model.associationBudget ? budgetTableContent(model.associationBudget, 'association') : [paragraph(undefined)]),
  ];
}

function projectSection(project: DossierProject, index: number, count: number, exercise: AccountingExercise): Content[] {
  const indicatorRows: TableCell[][] = project.objectives.flatMap((objective) =>
    objective.indicators.length === 0
      ? [[objective.label, { text: 'Aucun indicateur', italics: true }, '']]
      : objective.indicators.map((indicator) => [objective.label, indicator.label, orDash(indicator.target)]),
  );
  const share =
    project.grantSharePercent === undefined
      ? []
      : [
          {
            text: `La subvention demandée (${formatWholeEuros(project.requestedCents)}) représente ${formatPercent(project.grantSharePercent)} du total des produits de l’action.`,
            style: 'body',
            bold: true,
            margin: [0, 6, 0, 0],
          } as Content,
        ];
  return [
    sectionTitle(`${DOSSIER_SECTION_TITLES.project}${count > 1 ? ` (${index + 1}/${count})` : ''}`),
    { text: project.title, fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
    subTitle('Description'),
    paragraph(project.description),
    subTitle('Objectifs'),
    project.objectives.length === 0 ? paragraph(undefined) : { ul: project.objectives.map((o) => o.label), style: 'body' },
    labelValueTable([
      ['Public bénéficiaire', orDash(project.beneficiaryType)],
      ['Nombre approximatif de bénéficiaires', orDash(project.beneficiaryCount)],
      ['Territoire', orDash(project.territory)],
      ['Quartiers prioritaires (QPV)', project.qpvCodes.length === 0 ? 'Aucun' : project.qpvCodes.join(', ')],
      ['Date de mise en œuvre', formatDateLong(project.startDate)],
      ['Date de fin', formatDateLong(project.endDate)],
      ['Durée', `${project.durationDays} jours`],
      ['Moyens humains', orDash(project.humanResources)],
      ...(project.assignedStaff.length > 0
        ? ([['Salariés affectés à l’action', project.assignedStaff.join(' ; ')]] as [string, string][])
        : []),
      ['Moyens matériels', orDash(project.materialResources)],
    ]),
    subTitle('Évaluation : indicateurs proposés au regard des objectifs'),
    indicatorRows.length === 0
      ? paragraph(undefined)
      : dataTable(['Objectif', 'Indicateur', 'Valeur visée'], indicatorRows, ['*', '*', 90]),
    subTitle('Budget du projet'),
    { text: `Budget de l’action pour l’${exerciseText(exercise)}.`, style: 'small', margin: [0, 0, 0, 4] },
    ...(project.budget ? budgetTableContent(project.budget, 'project') : [paragraph(undefined)]),
    ...share,
  ];
}

const DOTS = '………………………………';

/** The public-aid line of §7, answered from the data (or the user), never left for the signatory to strike. */
export function publicAidText(model: DossierModel): string {
  const aid = model.publicAid;
  const threshold = formatWholeEuros(CERFA_PUBLIC_AID_THRESHOLD_CENTS);
  const window = `du ${formatDateLong(aid.from)} au ${formatDateLong(aid.to)}`;
  const lead =
    'déclare que l’association a perçu un montant total et cumulé d’aides publiques sur les trois derniers exercices (dont l’exercice en cours)';
  if (aid.answer === undefined) return `${lead} : inférieur ou égal à ${threshold} / supérieur à ${threshold} (rayer la mention inutile) ;`;
  const answer = aid.answer === 'above' ? `supérieur à ${threshold}` : `inférieur ou égal à ${threshold}`;
  // From the data, the basis is printed; the user's own answer stands alone (the records start too late).
  const basis = aid.source === 'data' ? ` (${formatWholeEuros(aid.receivedCents)} reçus ${window} d’après les versements enregistrés)` : '';
  return `${lead} : ${answer}${basis} ;`;
}

function declaration(model: DossierModel): Content[] {
  const signatory = model.signatory;
  const rep = model.profile.legalRepresentative;
  const place = model.profile.headOffice.city ?? '……………………';
  const bullets = [
    'déclare que l’association souscrit au contrat d’engagement républicain annexé au présent dossier ;',
    'déclare que l’association est à jour de ses obligations sociales et fiscales (déclarations et paiements correspondants) ;',
    'certifie exactes les informations du présent formulaire, notamment relatives aux demandes de subventions déposées auprès d’autres financeurs publics, ainsi que l’approbation du budget par les instances statutaires ;',
    publicAidText(model),
    'demande une subvention de :',
  ];
  const rib = model.attachments.find((a) => a.kind === 'rib');
  const capacity = signatory.isLegalRepresentative
    ? `${signatory.role ? `${signatory.role.toLowerCase()}, ` : ''}représentant·e légal·e de l’association ${model.associationName}`
    : `${signatory.role ? `${signatory.role.toLowerCase()}, ` : ''}agissant pour l’association ${model.associationName} en vertu du pouvoir ci-après de son ou sa représentant·e légal·e, ${[rep.firstName, rep.lastName].filter(Boolean).join(' ') || DOTS}`;
  return [
    sectionTitle(DOSSIER_SECTION_TITLES.declaration),
    { text: `Je soussigné·e, ${signatory.name || DOTS}, ${capacity},`, style: 'body' },
    { ul: bullets, style: 'body' },
    model.requestedAmounts.length === 0
      ? paragraph(undefined)
      : dataTable(
          ['Année ou exercice', 'Financeur', 'Montant'],
          [
            ...model.requestedAmounts.map((a): TableCell[] => [
              String(a.year),
              a.funderName,
              { text: formatWholeEuros(a.amountCents), alignment: 'right' },
            ]),
            [{ text: 'Total', bold: true }, '', { text: formatWholeEuros(model.totalRequestedCents), alignment: 'right', bold: true }],
          ],
          [100, '*', 90],
        ),
    {
      text: `précise que cette subvention, si elle est accordée, sera versée au compte bancaire de l’association (RIB joint${rib?.issuedOn ? ` du ${formatDateLong(rib.issuedOn)}` : ''}).`,
      style: 'body',
      margin: [10, 0, 0, 6],
    },
    {
      unbreakable: true,
      stack: [
        { text: `Fait à ${place}, le ${formatDateLong(model.filingDate)}`, style: 'body' },
        {
          table: {
            widths: [250],
            heights: [55],
            dontBreakRows: true,
            body: [[{ text: `Signature — ${signatory.name || DOTS}`, style: 'small' }]],
          },
          margin: [0, 2, 0, 4],
        },
      ],
    },
  ];
}

/** The pouvoir the Cerfa asks for when the signatory is not the legal representative. */
function pouvoir(model: DossierModel): Content[] {
  if (model.signatory.isLegalRepresentative) return [];
  const rep = model.profile.legalRepresentative;
  const repName = [rep.firstName, rep.lastName].filter(Boolean).join(' ') || DOTS;
  const s = model.signatory;
  return [
    {
      unbreakable: true,
      stack: [
        sectionTitle(POUVOIR_TITLE),
        {
          text: `Je soussigné·e, ${repName}, ${rep.role ? `${rep.role.toLowerCase()}, ` : ''}représentant·e légal·e de l’association ${model.associationName}, donne pouvoir à ${s.name}${s.role ? `, ${s.role.toLowerCase()}` : ''}, de signer la présente demande de subvention au titre de l’${exerciseText(model.exercise)} et tout document s’y rapportant, et d’engager l’association à ce titre.`,
          style: 'body',
        },
        { text: `Fait à ${model.profile.headOffice.city ?? '……………………'}, le ${formatDateLong(model.filingDate)}`, style: 'body' },
        {
          columns: [
            { table: { widths: ['*'], heights: [50], body: [[{ text: `Le ou la représentant·e légal·e — ${repName}`, style: 'small' }]] } },
            { table: { widths: ['*'], heights: [50], body: [[{ text: `Le ou la mandataire — ${s.name}`, style: 'small' }]] } },
          ],
          columnGap: 12,
          margin: [0, 2, 0, 4],
        },
      ],
    },
  ];
}

/** A piece as a fact, in plain black: « Jointe », « Expirée le … », « À fournir ». */
export function attachmentFact(a: DossierAttachment): string {
  if (a.status === 'expired') return `Expirée le ${formatDateLong(a.validUntil ?? '')}`;
  if (a.status === 'to-provide') return 'À fournir';
  return a.validUntil ? `Jointe, valable jusqu’au ${formatDateLong(a.validUntil)}` : 'Jointe';
}

function attachments(model: DossierModel): Content[] {
  return [
    sectionTitle(DOSSIER_SECTION_TITLES.attachments),
    { text: `Situation au ${formatDateLong(model.filingDate)}.`, style: 'small', margin: [0, 0, 0, 4] },
    dataTable(
      ['Pièce', 'Date du document', 'Pièce jointe'],
      [
        ...model.attachments.map((a): TableCell[] => [a.label, a.issuedOn ? formatDateLong(a.issuedOn) : '—', attachmentFact(a)]),
        ...model.applicationPapers.map((p): TableCell[] => [
          p.label,
          '—',
          p.status === 'expired'
            ? `Expirée le ${formatDateLong(p.validUntil ?? '')}`
            : p.validUntil
              ? `Jointe, valable jusqu’au ${formatDateLong(p.validUntil)}`
              : 'Jointe',
        ]),
        ...(model.signatory.isLegalRepresentative
          ? []
          : [[POUVOIR_TITLE, formatDateLong(model.filingDate), 'Joint au présent dossier'] as TableCell[]]),
      ],
      ['*', 110, 170],
    ),
  ];
}

// The seven engagements of the contrat d'engagement républicain (décret n° 2021-1947 du 31 décembre 2021,
// pris pour l'application de l'article 10-1 de la loi n° 2000-321 du 12 avril 2000), by their titles.
export const REPUBLICAN_CONTRACT_ENGAGEMENTS = [
  'Respect des lois de la République',
  'Liberté de conscience',
  'Liberté des membres de l’association',
  'Égalité et non-discrimination',
  'Fraternité et prévention de la violence',
  'Respect de la dignité de la personne humaine',
  'Respect des symboles de la République',
] as const;

function republicanContract(model: DossierModel): Content[] {
  return [
    {
      unbreakable: true,
      stack: [
        sectionTitle(DOSSIER_SECTION_TITLES.republicanContract),
        {
          text: `En application de l’article 10-1 de la loi n° 2000-321 du 12 avril 2000 et du décret n° 2021-1947 du 31 décembre 2021, l’association ${model.associationName} souscrit au contrat d’engagement républicain et s’engage, ainsi que ses dirigeants, salariés, membres et bénévoles dans leurs activités pour elle, à respecter ses sept engagements :`,
          style: 'body',
        },
        { text: REPUBLICAN_CONTRACT_ENGAGEMENTS.map((title, i) => `${i + 1}. ${title}`).join(' ; ') + '.', style: 'body' },
        {
          text: 'Texte intégral : annexe du décret n° 2021-1947 du 31 décembre 2021 (Journal officiel du 1er janvier 2022).',
          style: 'small',
        },
      ],
    },
  ];
}

export function grantDossierDefinition(model: DossierModel, options: { draft: boolean }): TDocumentDefinitions {
  return cerfaDocument({
    form: '12156*06',
    title: `Demande de subvention ${model.year} — ${model.associationName}`,
    associationName: model.associationName,
    runningTitle: `Demande de subvention — exercice ${model.year}`,
    draft: options.draft,
    content: [
      ...requestPage(model),
      ...identification(model),
      { stack: administration(model), unbreakable: true },
      { stack: associations(model), unbreakable: true },
      { stack: humanResources(model), unbreakable: true },
      ...associationBudget(model),
      ...model.projects.flatMap((p, i) => projectSection(p, i, model.projects.length, model.exercise)),
      ...declaration(model),
      ...pouvoir(model),
      ...attachments(model),
      ...republicanContract(model),
    ],
  });
}
