import type { AssociationProfile } from '../association';
import { grantAccountFor } from '../budgets/accounts';
import type { BudgetLineRecord, BudgetRecord } from '../budgets/budget';
import { daysInclusive } from '../team/day-count';
import type { IsoDate } from '../dates';
import { funderKindShortLabel, type FunderRecord } from '../funding/funder';
import { exercisesOf, financedProjectIds, type GrantApplicationRecord } from '../funding/grant-application';
import type { PaymentRecord } from '../funding/payment';
import { exerciseCalendar, exerciseStartingIn, lastClosedExercise, type AccountingExercise } from '../exercise';
import { applicationAmountForYear } from '../budgets/budget-lines';
import { publicAidStatement, type PublicAidAnswer, type PublicAidStatement } from './public-aid';
import { DOCUMENT_KINDS, isDocumentExpired, type DocumentKind, type VaultDocumentRecord } from '../association/document';
import { paperKindLabel } from '../partners/attachment';
import type { Objective, ProjectRecord, ProjectStaffRecord } from '../projects/project';
import { personName } from '../team/person';
import type { TeamData } from '../team/team-year';
import { lineAmountResolver } from '../budgets/budget-lines';
import { budgetTotals, percentOf, type BudgetTotals } from '../budgets/budget-totals';
import { budgetRows, lineCents, type BudgetRow, type DossierBudgetLine, type NamedFunder } from './budget-sums';
import { humanResourcesForYear, type HumanResources } from './human-resources';

// Everything the grant dossier prints (Cerfa 12156*06, DOMAIN.md §6), computed once from the espace's
// records so that the PDF builder only lays it out. Pure: the same data gives the same dossier.

/** Live records only: the repository leaves the bin out (data/dossier-repository.ts, loadDossierSources). */
export interface DossierInput {
  profile: AssociationProfile;
  team: TeamData;
  year: number;
  /** The funders the dossier is addressed to. */
  funders: readonly FunderRecord[];
  /** The grant applications it supports (may be empty: the funders' 74 lines then give the amounts). */
  applications: readonly GrantApplicationRecord[];
  /**
   * Every application of the espace, so that a budget line linked to one follows its amount; the chosen
   * `applications` when absent.
   */
  budgetApplications?: readonly GrantApplicationRecord[];
  /** The actions (Cerfa §6) it presents. */
  projects: readonly ProjectRecord[];
  budgets: readonly BudgetRecord[];
  budgetLines: readonly BudgetLineRecord[];
  documents: readonly VaultDocumentRecord[];
  /** The date the dossier is produced and filed: documents must be valid on it. */
  filingDate: IsoDate;
  /** The exercise (by its start year) §4 « Moyens humains » reports on; the last closed one by default. */
  referenceYear?: number | undefined;
  /** Every funder of the espace: a budget's 74 lines print their names, public aid counts their kind. */
  allFunders?: readonly FunderRecord[] | undefined;
  /** Every payment of the espace: the public aid received over three exercises (§7). */
  payments?: readonly PaymentRecord[] | undefined;
  /** The user's answer on public aid, used only when the records cannot tell. */
  publicAidAnswer?: PublicAidAnswer | undefined;
  /** Who signs, when it is not the legal representative: the dossier then carries a pouvoir. */
  delegatedSignatory?: { name: string; role?: string | undefined } | undefined;
  /** The vault documents that have a file attached (a piece is « jointe » only then). */
  attachedDocumentIds?: readonly string[] | undefined;
  /** The papers attached to grant applications (convention, arrêté, notification…), without their bytes. */
  applicationPapers?: readonly ApplicationPaper[] | undefined;
  /** Who works on which action (§6 « moyens humains » names them with their share of time). */
  projectStaff?: readonly ProjectStaffRecord[] | undefined;
}

export interface BudgetTable {
  totals: BudgetTotals;
  charges: BudgetRow[];
  products: BudgetRow[];
  contributionUses: BudgetRow[];
  contributionResources: BudgetRow[];
}

export interface DossierProject {
  id: string;
  title: string;
  description: string | undefined;
  objectives: Objective[];
  beneficiaryType: string | undefined;
  beneficiaryCount: number | undefined;
  territory: string | undefined;
  qpvCodes: string[];
  startDate: IsoDate;
  endDate: IsoDate;
  durationDays: number;
  humanResources: string | undefined;
  /** The team members assigned to the action, « Awa Diop (animatrice, 60 %) ». */
  assignedStaff: string[];
  materialResources: string | undefined;
  budget: BudgetTable | undefined;
  /** What the addressed funders are asked for on this action (their 74 lines). */
  requestedCents: number;
  grantSharePercent: number | undefined;
}

export interface RequestedAmount {
  year: number;
  funderName: string;
  amountCents: number;
}

/** Facts, as a funder reads them: the file is joined, or its validity has ended, or it is still to provide. */
export type AttachmentStatus = 'attached' | 'expired' | 'to-provide';

export interface DossierAttachment {
  kind: DocumentKind;
  label: string;
  issuedOn: IsoDate | undefined;
  validUntil: IsoDate | undefined;
  status: AttachmentStatus;
}

export interface ApplicationPaper {
  ownerId: string;
  fileName: string;
  paperKind?: string | undefined;
  validUntil?: IsoDate | undefined;
}

/** A paper of one of the dossier's applications, as its pièces list shows it. */
export interface DossierPaper {
  label: string;
  fileName: string;
  validUntil: IsoDate | undefined;
  status: 'attached' | 'expired';
}

/** The papers attached to the dossier's applications, by application then kind; expired ones say so. */
export function applicationPapersOf(
  applications: readonly Pick<GrantApplicationRecord, 'id' | 'title'>[],
  papers: readonly ApplicationPaper[],
  filingDate: IsoDate,
): DossierPaper[] {
  return applications.flatMap((app) =>
    papers
      .filter((p) => p.ownerId === app.id)
      .map((p) => ({
        label: `${paperKindLabel('grant-application', p.paperKind) ?? 'Pièce'} — ${app.title}`,
        fileName: p.fileName,
        validUntil: p.validUntil,
        status: p.validUntil !== undefined && p.validUntil < filingDate ? ('expired' as const) : ('attached' as const),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
  );
}

export interface Addressee {
  kindLabel: string;
  name: string;
  service: string | undefined;
}

export interface FilingReference {
  funderName: string;
  title: string;
  dauphinRef: string | undefined;
  compteAssoRef: string | undefined;
  chorusEj: string | undefined;
}

export interface Signatory {
  name: string;
  role: string | undefined;
  isLegalRepresentative: boolean;
}

export interface DossierModel {
  associationName: string;
  year: number;
  /** The requested exercise, with its dates (budgets print them). */
  exercise: AccountingExercise;
  filingDate: IsoDate;
  /** §4's exercise, and whether it is the last one closed on the filing date (the default). */
  referenceExercise: AccountingExercise;
  referenceIsLastClosed: boolean;
  filingReferences: FilingReference[];
  publicAid: PublicAidStatement;
  signatory: Signatory;
  request: {
    renewal: boolean;
    purposes: { operating: boolean; project: boolean };
    multiYear: boolean;
    addressees: Addressee[];
  };
  profile: AssociationProfile;
  humanResources: HumanResources;
  associationBudget: BudgetTable | undefined;
  projects: DossierProject[];
  requestedAmounts: RequestedAmount[];
  totalRequestedCents: number;
  attachments: DossierAttachment[];
  /** The papers of the dossier's applications, listed with the association's pièces. */
  applicationPapers: DossierPaper[];
  fileName: string;
}

/** The association's pièces jointes the Cerfa lists; the auditor's report only when there is an auditor. */
export function requiredDocumentKinds(profile: Pick<AssociationProfile, 'hasAuditor'>): DocumentKind[] {
  const kinds: DocumentKind[] = ['statutes', 'board-list', 'rib', 'approved-accounts', 'activity-report'];
  if (profile.hasAuditor) kinds.push('auditor-report');
  kinds.push('republican-contract');
  return kinds;
}

/** The most recent document of a kind (by date, then by record time); live ones only reach the domain. */
export function latestDocument(documents: readonly VaultDocumentRecord[], kind: DocumentKind): VaultDocumentRecord | undefined {
  return documents
    .filter((d) => d.kind === kind)
    .sort((a, b) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '') || b.updatedAt.localeCompare(a.updatedAt))[0];
}

/**
 * Each required piece as a fact: « jointe » when a valid document has its file in the vault, « expirée »
 * when its validity ended before the filing date, « à fournir » when there is none or only a record without
 * its file. When `attachedDocumentIds` is not given, a recorded document counts as joined.
 */
export function attachmentsChecklist(
  profile: Pick<AssociationProfile, 'hasAuditor'>,
  documents: readonly VaultDocumentRecord[],
  filingDate: IsoDate,
  attachedDocumentIds?: readonly string[],
): DossierAttachment[] {
  return requiredDocumentKinds(profile).map((kind) => {
    const doc = latestDocument(documents, kind);
    const label = DOCUMENT_KINDS.find((k) => k.value === kind)?.label ?? kind;
    if (!doc) return { kind, label, issuedOn: undefined, validUntil: undefined, status: 'to-provide' };
    const hasFile = attachedDocumentIds === undefined || attachedDocumentIds.includes(doc.id);
    return {
      kind,
      label,
      issuedOn: doc.issuedOn,
      validUntil: doc.validUntil,
      status: isDocumentExpired(doc, filingDate) ? 'expired' : hasFile ? 'attached' : 'to-provide',
    };
  });
}

/**
 * A budget's live lines in their order, each with the amount it counts for: a 74 line linked to a grant
 * application follows that application (budgets/budget-lines.ts), as the budget screens show it.
 */
export function budgetLinesOf(
  input: Pick<DossierInput, 'budgetLines' | 'applications' | 'budgetApplications' | 'profile'>,
  budget: BudgetRecord | undefined,
): BudgetLineRecord[] {
  if (!budget) return [];
  const applications = input.budgetApplications ?? input.applications;
  // The budget's year names the association's exercise, as on the budget screen.
  const amountOf = lineAmountResolver(applications, exerciseStartingIn(exerciseCalendar(input.profile), budget.year));
  // A line linked to an application names that application's funder, even when saved without one.
  const funderOf = (line: BudgetLineRecord) =>
    line.funderId ??
    (line.grantApplicationId === undefined ? undefined : applications.find((a) => a.id === line.grantApplicationId)?.funderId);
  return input.budgetLines
    .filter((l) => l.budgetId === budget.id)
    .sort((a, b) => a.position - b.position)
    .map((line) => {
      const funderId = funderOf(line);
      return { ...line, amountCents: amountOf(line), ...(funderId !== undefined ? { funderId } : {}) };
    });
}

export function associationBudgetOf(budgets: readonly BudgetRecord[], year: number): BudgetRecord | undefined {
  return budgets.find((b) => b.scope === 'association' && b.year === year);
}

export function projectBudgetOf(budgets: readonly BudgetRecord[], projectId: string, year: number): BudgetRecord | undefined {
  const own = budgets.filter((b) => b.scope === 'project' && b.projectId === projectId);
  return own.find((b) => b.year === year) ?? own.sort((a, b) => b.year - a.year)[0];
}

export function budgetTable(lines: readonly DossierBudgetLine[], funders: readonly NamedFunder[] = []): BudgetTable {
  return {
    totals: budgetTotals(lines),
    charges: budgetRows(lines, 'charge', funders),
    products: budgetRows(lines, 'product', funders),
    contributionUses: budgetRows(lines, 'contribution-use', funders),
    contributionResources: budgetRows(lines, 'contribution-resource', funders),
  };
}

/** The exercise a dossier requests, with the profile's dates (the calendar year by default). */
export function dossierExercise(input: Pick<DossierInput, 'profile' | 'year'>): AccountingExercise {
  return exerciseStartingIn(exerciseCalendar(input.profile), input.year);
}

/** §4's exercise: the one chosen, else the last closed on the filing date (not the requested, forecast one). */
export function referenceExerciseOf(input: Pick<DossierInput, 'profile' | 'referenceYear' | 'filingDate'>): {
  exercise: AccountingExercise;
  isLastClosed: boolean;
} {
  const calendar = exerciseCalendar(input.profile);
  const lastClosed = lastClosedExercise(calendar, input.filingDate);
  const year = input.referenceYear ?? lastClosed.startYear;
  return { exercise: exerciseStartingIn(calendar, year), isLastClosed: year === lastClosed.startYear };
}

/**
 * What a chosen application counts for in the dossier's exercise — the same figure its linked 74 line
 * shows in a budget (budgets/budget-lines.ts): the requested amount for an annual request, the exercise's
 * share of a CPO.
 */
export function applicationAmountInDossier(app: GrantApplicationRecord, year: number): number {
  return applicationAmountForYear(app, year);
}

/** The budgets an application finances in this dossier: its actions' budgets, or the association's for an operating grant. */
export function financedBudgets(
  input: Pick<DossierInput, 'budgets' | 'year'>,
  app: Pick<GrantApplicationRecord, 'projectIds' | 'purpose'>,
): { budget: BudgetRecord | undefined; projectId: string | undefined }[] {
  const ids = financedProjectIds(app);
  if (ids.length === 0) return [{ budget: associationBudgetOf(input.budgets, input.year), projectId: undefined }];
  return ids.map((projectId) => ({ budget: projectBudgetOf(input.budgets, projectId, input.year), projectId }));
}

/**
 * The 74 lines that carry an application in a budget: those linked to it; failing any, those of its funder
 * (an unlinked line the user typed for the same funder).
 */
export function linesForApplication(
  lines: readonly DossierBudgetLine[] & readonly { grantApplicationId?: string | undefined }[],
  app: Pick<GrantApplicationRecord, 'id' | 'funderId'>,
): DossierBudgetLine[] {
  const grantLines = (lines as readonly (DossierBudgetLine & { grantApplicationId?: string | undefined })[]).filter((l) =>
    l.account.startsWith('74.'),
  );
  const linked = grantLines.filter((l) => l.grantApplicationId === app.id);
  return linked.length > 0 ? linked : grantLines.filter((l) => l.funderId === app.funderId && l.grantApplicationId === undefined);
}

/** Whether a 74 line goes to one of these funders: its own funder, or its kind's line when unassigned. */
function lineForFunders(line: DossierBudgetLine, funders: readonly FunderRecord[]): FunderRecord | undefined {
  if (!line.account.startsWith('74.')) return undefined;
  if (line.funderId !== undefined) return funders.find((f) => f.id === line.funderId);
  return funders.find((f) => grantAccountFor(f.kind) === line.account);
}

/** The 74 lines of an action's budget that name one of the funders, summed. */
export function requestedOnProject(lines: readonly DossierBudgetLine[], funders: readonly FunderRecord[]): number {
  return lines.reduce((sum, line) => (lineForFunders(line, funders) ? sum + lineCents(line) : sum), 0);
}

/** Whether an action's budget carries a 74 line for this funder (by funder, or by its kind when unassigned). */
export function hasGrantLineFor(lines: readonly DossierBudgetLine[], funder: Pick<FunderRecord, 'id' | 'kind'>): boolean {
  const account = grantAccountFor(funder.kind);
  return lines.some((l) => l.account === account && (l.funderId === undefined || l.funderId === funder.id));
}

/**
 * The amounts requested per year (Cerfa §7). From the applications when some are chosen: an annual one
 * counts for its start year, a CPO's amount is spread evenly over its exercises (the last takes the
 * rounding). Otherwise from the actions' 74 lines for the chosen funders, for the dossier's year.
 */
export function requestedAmounts(input: DossierInput, projectLines: readonly DossierBudgetLine[]): RequestedAmount[] {
  const nameOf = (funderId: string) => input.funders.find((f) => f.id === funderId)?.name ?? 'Financeur';
  const amounts: RequestedAmount[] = [];
  if (input.applications.length > 0) {
    for (const app of input.applications) {
      const exercises = exercisesOf(app);
      const share = Math.floor(app.requestedCents / 100 / exercises.length) * 100;
      exercises.forEach((exercise, index) => {
        const last = index === exercises.length - 1;
        amounts.push({
          year: Number(exercise.start.slice(0, 4)),
          funderName: nameOf(app.funderId),
          amountCents: last ? app.requestedCents - share * (exercises.length - 1) : share,
        });
      });
    }
  } else {
    for (const funder of input.funders) {
      const amount = requestedOnProject(projectLines, [funder]);
      if (amount > 0) amounts.push({ year: input.year, funderName: funder.name, amountCents: amount });
    }
  }
  return amounts.sort((a, b) => a.year - b.year || a.funderName.localeCompare(b.funderName, 'fr'));
}

/** ASCII letters, digits and hyphens: « Ville de Saint-Denis » → « Ville-de-Saint-Denis ». */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '-')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** `Demande-subvention-2027-Ville-de-Saint-Denis.pdf` (several funders are joined by hyphens). */
export function dossierFileName(year: number, funderNames: readonly string[]): string {
  const funders = funderNames
    .map(fileNamePart)
    .filter((part) => part !== '')
    .join('-');
  return `Demande-subvention-${year}${funders ? `-${funders}` : ''}.pdf`;
}

export interface RequestOnBudget {
  budgetId: string;
  /** Undefined for the association's budget (an operating grant). */
  projectId: string | undefined;
  /** What the budget carries for the request (its linked lines, else its funder's). */
  onBudgetCents: number;
  /** That amount's share of the budget's produits, the budget screen's rule (one decimal). */
  sharePercent: number | undefined;
}

export interface RequestAgreement {
  applicationId: string;
  title: string;
  funderName: string;
  /** What §7 prints for the dossier's exercise. */
  requestedCents: number;
  budgets: RequestOnBudget[];
}

/**
 * Each chosen request against the budgets it finances: the one comparison the checklist, the dossier page
 * and the PDF rely on, so that §7, the action's line and the screen show the same amount.
 */
export function requestAgreements(input: DossierInput): RequestAgreement[] {
  const names = input.allFunders ?? input.funders;
  return input.applications.map((app) => ({
    applicationId: app.id,
    title: app.title,
    funderName: names.find((f) => f.id === app.funderId)?.name ?? 'Financeur',
    requestedCents: applicationAmountInDossier(app, input.year),
    budgets: financedBudgets(input, app).flatMap(({ budget, projectId }) => {
      if (!budget) return [];
      const lines = budgetLinesOf(input, budget);
      const onBudgetCents = linesForApplication(lines, app).reduce((sum, l) => sum + lineCents(l), 0);
      return [
        {
          budgetId: budget.id,
          projectId,
          onBudgetCents,
          sharePercent: percentOf(onBudgetCents, budgetTotals(lines).productsCents) ?? undefined,
        },
      ];
    }),
  }));
}

function signatoryOf(input: DossierInput): Signatory {
  const rep = input.profile.legalRepresentative;
  const delegated = input.delegatedSignatory;
  if (delegated && delegated.name.trim() !== '') {
    return { name: delegated.name.trim(), role: delegated.role?.trim() || undefined, isLegalRepresentative: false };
  }
  return { name: [rep.firstName, rep.lastName].filter(Boolean).join(' '), role: rep.role, isLegalRepresentative: true };
}

export function publicAidOf(input: DossierInput): PublicAidStatement {
  return publicAidStatement({
    calendar: exerciseCalendar(input.profile),
    filingDate: input.filingDate,
    payments: input.payments ?? [],
    applications: input.budgetApplications ?? input.applications,
    funders: input.allFunders ?? input.funders,
    userAnswer: input.publicAidAnswer,
  });
}

export function buildDossierModel(input: DossierInput): DossierModel {
  const associationBudget = associationBudgetOf(input.budgets, input.year);
  const names: readonly NamedFunder[] = input.allFunders ?? input.funders;
  const reference = referenceExerciseOf(input);
  const funderName = (id: string) => names.find((f) => f.id === id)?.name ?? 'Financeur';
  const allProjectLines: BudgetLineRecord[] = [];
  const projects: DossierProject[] = input.projects.map((project) => {
    const budget = projectBudgetOf(input.budgets, project.id, input.year);
    const lines = budgetLinesOf(input, budget);
    allProjectLines.push(...lines);
    const table = budget ? budgetTable(lines, names) : undefined;
    const requested = requestedOnProject(lines, input.funders);
    return {
      id: project.id,
      title: project.title,
      description: project.description,
      objectives: project.objectives,
      beneficiaryType: project.beneficiaryType,
      beneficiaryCount: project.beneficiaryCount,
      territory: project.territory,
      qpvCodes: project.qpvCodes,
      startDate: project.startDate,
      endDate: project.endDate,
      durationDays: daysInclusive(project.startDate, project.endDate),
      humanResources: project.humanResources,
      assignedStaff: (input.projectStaff ?? [])
        .filter((a) => a.projectId === project.id)
        .flatMap((a) => {
          const person = input.team.people.find((p) => p.id === a.personId);
          if (!person) return [];
          const share = `${String(a.sharePercent).replace('.', ',')}\u00a0%`;
          return [`${personName(person)} (${a.role ? `${a.role.toLowerCase()}, ` : ''}${share} de son temps)`];
        }),
      materialResources: project.materialResources,
      budget: table,
      requestedCents: requested,
      // The budget screen's own rule (budgets/budget-totals.ts, one decimal), on the addressed funders' lines.
      grantSharePercent: table ? (percentOf(requested, table.totals.productsCents) ?? undefined) : undefined,
    };
  });
  const amounts = requestedAmounts(input, allProjectLines);
  const apps = input.applications;
  return {
    associationName: input.profile.name,
    year: input.year,
    exercise: dossierExercise(input),
    filingDate: input.filingDate,
    referenceExercise: reference.exercise,
    referenceIsLastClosed: reference.isLastClosed,
    filingReferences: apps.map((a) => ({
      funderName: funderName(a.funderId),
      title: a.title,
      dauphinRef: a.dauphinRef,
      compteAssoRef: a.compteAssoRef,
      chorusEj: a.chorusEj,
    })),
    publicAid: publicAidOf(input),
    signatory: signatoryOf(input),
    request: {
      renewal: apps.length > 0 && apps.every((a) => a.renewal),
      purposes: {
        operating: apps.some((a) => a.purpose === 'operating') || (apps.length === 0 && input.projects.length === 0),
        project: apps.some((a) => a.purpose === 'project') || (apps.length === 0 && input.projects.length > 0),
      },
      multiYear: apps.some((a) => a.multiYear),
      addressees: input.funders.map((f) => ({ kindLabel: funderKindShortLabel(f.kind), name: f.name, service: f.service })),
    },
    profile: input.profile,
    humanResources: humanResourcesForYear(input.profile, input.team, reference.exercise),
    associationBudget: associationBudget ? budgetTable(budgetLinesOf(input, associationBudget), names) : undefined,
    projects,
    requestedAmounts: amounts,
    totalRequestedCents: amounts.reduce((sum, a) => sum + a.amountCents, 0),
    attachments: attachmentsChecklist(input.profile, input.documents, input.filingDate, input.attachedDocumentIds),
    applicationPapers: applicationPapersOf(apps, input.applicationPapers ?? [], input.filingDate),
    fileName: dossierFileName(
      input.year,
      input.funders.map((f) => f.name),
    ),
  };
}
