import { formatDateLong } from '../dates';
import { formatWholeEuros } from '../money';
import { teamYear } from '../team/team-year';
import { budgetTotals } from '../budgets/budget-totals';
import { financedProjectIds } from '../funding/grant-application';
import { exerciseLabel } from '../exercise';
import {
  associationBudgetOf,
  attachmentsChecklist,
  budgetLinesOf,
  dossierExercise,
  hasGrantLineFor,
  latestDocument,
  projectBudgetOf,
  publicAidOf,
  referenceExerciseOf,
  requestAgreements,
  type DossierInput,
} from './dossier-model';
import { DE_MINIMIS_CEILING_CENTS, DE_MINIMIS_SGEI_CEILING_CENTS } from './public-aid';
import type { Target } from '../target';

// What a funder would find missing or inconsistent in the dossier, before it is produced. Each item links
// to the screen that fixes it. « Bloquant »: the instructing service would send the dossier back;
// « à vérifier »: it may ask. Blocking items do not forbid the PDF: it is then a draft (BROUILLON).

export type ChecklistSeverity = 'blocking' | 'warning';

export interface ChecklistItem {
  id: string;
  severity: ChecklistSeverity;
  /** French, self-sufficient. */
  message: string;
  /** The screen that fixes it (ui/paths.ts makes it a link). */
  fix: Target;
}

export interface DossierChecklist {
  items: ChecklistItem[];
  /** Share of the checks that pass, 0–100, rounded down (100 only when nothing is left). */
  completionPercent: number;
  blockingCount: number;
  checkCount: number;
}

type Check = Omit<ChecklistItem, 'id'> & { id: string; failed: boolean };

const ASSOCIATION: Target = { screen: 'association' };
const DOCUMENTS: Target = { screen: 'documents' };
/** The dossier page itself: the choice is made there (reference exercise, public aid, signatory). */
const DOSSIER_PAGE: Target = { screen: 'dossier' };

function check(failed: boolean, id: string, severity: ChecklistSeverity, message: string, fix: Target): Check {
  return { failed, id, severity, message, fix };
}

export function dossierChecklist(input: DossierInput): DossierChecklist {
  const { profile, year } = input;
  const rep = profile.legalRepresentative;
  const head = profile.headOffice;
  const checks: Check[] = [
    check(profile.siret === undefined, 'siret', 'blocking', 'SIRET manquant (§1 Identification).', ASSOCIATION),
    check(
      profile.rna === undefined && !(profile.alsaceMoselle && profile.localRegister !== undefined),
      'rna',
      'blocking',
      'Numéro RNA manquant (ou numéro au registre du tribunal en Alsace-Moselle).',
      ASSOCIATION,
    ),
    check(profile.purpose === undefined, 'purpose', 'warning', 'Objet de l’association non renseigné.', ASSOCIATION),
    check(
      head.street === undefined || head.postalCode === undefined || head.city === undefined,
      'head-office',
      'blocking',
      'Adresse du siège incomplète (adresse, code postal, commune).',
      ASSOCIATION,
    ),
    check(
      rep.lastName === undefined || rep.firstName === undefined || rep.role === undefined,
      'legal-representative',
      'blocking',
      'Représentant·e légal·e incomplet·e (nom, prénom, fonction) : il ou elle signe la déclaration sur l’honneur.',
      ASSOCIATION,
    ),
    check(
      rep.phone === undefined && rep.email === undefined,
      'legal-representative-contact',
      'warning',
      'Ni téléphone ni courriel pour le représentant légal.',
      ASSOCIATION,
    ),
    check(
      profile.dossierContact.lastName === undefined,
      'dossier-contact',
      'warning',
      'Personne chargée du dossier non renseignée.',
      ASSOCIATION,
    ),
    check(
      profile.volunteersCount === undefined,
      'volunteers',
      'warning',
      'Nombre de bénévoles non renseigné (§4 Moyens humains).',
      ASSOCIATION,
    ),
  ];

  const exercise = dossierExercise(input);
  const reference = referenceExerciseOf(input);
  const referenceName = exerciseLabel(reference.exercise);
  const team = teamYear(input.team, reference.exercise);
  checks.push(
    check(
      team.headcount === 0,
      'team',
      'warning',
      `Aucun contrat de travail sur l’exercice ${referenceName} dans l’Équipe : le §4 indiquera 0 salarié.`,
      { screen: 'team' },
    ),
    check(
      reference.exercise.end >= input.filingDate,
      'reference-exercise-open',
      'warning',
      `Le §4 « Moyens humains » porte sur l’exercice ${referenceName}, qui n’est pas clos : ses chiffres sont une prévision (par défaut, le dernier exercice clos).`,
      DOSSIER_PAGE,
    ),
  );

  const budgetTarget: Target = { screen: 'budgets', year };
  const associationBudget = associationBudgetOf(input.budgets, year);
  const associationTotals = associationBudget ? budgetTotals(budgetLinesOf(input, associationBudget)) : undefined;
  checks.push(
    check(
      associationBudget === undefined,
      'association-budget',
      'blocking',
      `Budget prévisionnel ${year} de l’association manquant (§5).`,
      budgetTarget,
    ),
  );
  if (associationTotals) {
    checks.push(
      check(
        associationTotals.gapCents !== 0 || associationTotals.chargesCents === 0,
        'association-budget-balance',
        'blocking',
        associationTotals.chargesCents === 0
          ? `Budget ${year} de l’association vide.`
          : `Budget ${year} de l’association déséquilibré : charges ${formatWholeEuros(associationTotals.chargesCents)}, produits ${formatWholeEuros(associationTotals.productsCents)}.`,
        budgetTarget,
      ),
      check(
        !associationTotals.contributionsBalanced,
        'association-budget-in-kind',
        'blocking',
        `Contributions volontaires en nature ${year} déséquilibrées (86 ≠ 87).`,
        budgetTarget,
      ),
    );
  }

  checks.push(
    check(
      input.projects.length === 0 && input.applications.some((a) => a.purpose === 'project'),
      'no-project',
      'blocking',
      'Demande de projet sans action choisie (§6).',
      { screen: 'actions' },
    ),
  );
  for (const project of input.projects) {
    const target: Target = { screen: 'action', id: project.id };
    const name = `« ${project.title} »`;
    const missing = (what: string) => `Action ${name} : ${what}.`;
    const indicators = project.objectives.flatMap((o) => o.indicators);
    checks.push(
      check(project.description === undefined, `project-${project.id}-description`, 'blocking', missing('description manquante'), target),
      check(project.objectives.length === 0, `project-${project.id}-objectives`, 'blocking', missing('aucun objectif'), target),
      check(
        project.objectives.length > 0 && indicators.length === 0,
        `project-${project.id}-indicators`,
        'warning',
        missing('aucun indicateur d’évaluation'),
        target,
      ),
      check(
        project.beneficiaryType === undefined,
        `project-${project.id}-public`,
        'blocking',
        missing('public bénéficiaire non renseigné'),
        target,
      ),
      check(
        project.beneficiaryCount === undefined,
        `project-${project.id}-count`,
        'warning',
        missing('nombre de bénéficiaires non renseigné'),
        target,
      ),
      check(
        project.territory === undefined && project.qpvCodes.length === 0,
        `project-${project.id}-territory`,
        'warning',
        missing('territoire non renseigné'),
        target,
      ),
      check(
        project.humanResources === undefined,
        `project-${project.id}-human-resources`,
        'warning',
        missing('moyens humains non décrits'),
        target,
      ),
      check(
        project.endDate < exercise.start || project.startDate > exercise.end,
        `project-${project.id}-dates`,
        'warning',
        missing(
          `ses dates (${formatDateLong(project.startDate)} – ${formatDateLong(project.endDate)}) ne touchent pas l’exercice ${exerciseLabel(exercise)}`,
        ),
        target,
      ),
    );
    const budget = projectBudgetOf(input.budgets, project.id, year);
    checks.push(check(budget === undefined, `project-${project.id}-budget`, 'blocking', missing('budget manquant'), target));
    if (budget) {
      const lines = budgetLinesOf(input, budget);
      const totals = budgetTotals(lines);
      checks.push(
        check(
          totals.gapCents !== 0 || totals.chargesCents === 0,
          `project-${project.id}-balance`,
          'blocking',
          missing(
            totals.chargesCents === 0
              ? 'budget vide'
              : `budget déséquilibré (charges ${formatWholeEuros(totals.chargesCents)}, produits ${formatWholeEuros(totals.productsCents)})`,
          ),
          target,
        ),
      );
      for (const funder of input.funders) {
        checks.push(
          check(
            !hasGrantLineFor(lines, funder),
            `project-${project.id}-grant-${funder.id}`,
            'warning',
            missing(`aucune ligne 74 pour ${funder.name} dans son budget`),
            target,
          ),
        );
      }
    }
  }

  const funderName = (id: string) => (input.allFunders ?? input.funders).find((f) => f.id === id)?.name ?? 'ce financeur';
  const agreements = requestAgreements(input);
  for (const app of input.applications) {
    const target: Target = { screen: 'application', id: app.id };
    const name = `Demande « ${app.title} »`;
    checks.push(
      check(
        app.periodEnd < exercise.start || app.periodStart > exercise.end,
        `application-${app.id}-period`,
        'warning',
        `${name} : sa période ne couvre pas l’exercice ${exerciseLabel(exercise)}.`,
        target,
      ),
      check(
        app.purpose === 'project' && financedProjectIds(app).length === 0,
        `application-${app.id}-no-action`,
        'blocking',
        `${name} : demande de projet qui ne nomme aucune action financée.`,
        target,
      ),
    );
    for (const projectId of financedProjectIds(app)) {
      const project = input.projects.find((p) => p.id === projectId);
      checks.push(
        check(
          project === undefined,
          `application-${app.id}-action-${projectId}-absent`,
          'blocking',
          `${name} : une action qu’elle finance n’est pas présentée au §6 (cochez-la dans « Actions présentées »).`,
          DOSSIER_PAGE,
        ),
      );
    }
    // One source for every amount: §7 prints the application's amount; each budget it finances must carry
    // the same figure on its funder's line, or the officer reads two different requests.
    const agreement = agreements.find((a) => a.applicationId === app.id);
    const requested = agreement?.requestedCents ?? 0;
    for (const { budgetId, projectId, onBudgetCents: onBudget } of agreement?.budgets ?? []) {
      if (projectId !== undefined && !input.projects.some((p) => p.id === projectId)) continue;
      const where =
        projectId === undefined
          ? `le budget ${exerciseLabel(exercise)} de l’association`
          : `le budget de l’action « ${input.projects.find((p) => p.id === projectId)?.title ?? ''} »`;
      checks.push(
        check(
          onBudget !== requested,
          `application-${app.id}-amount-${budgetId}`,
          'blocking',
          onBudget === 0
            ? `${name} : ${formatWholeEuros(requested)} demandés, mais ${where} n’a aucune ligne 74 pour ${funderName(app.funderId)}.`
            : `${name} : ${formatWholeEuros(requested)} demandés, mais ${where} porte ${formatWholeEuros(onBudget)} pour ${funderName(app.funderId)}.`,
          projectId === undefined ? budgetTarget : { screen: 'action', id: projectId },
        ),
      );
    }
  }

  // A 74 line must name its funder: the form asks « préciser » and an officer reads the names.
  const printed = [associationBudget, ...input.projects.map((p) => projectBudgetOf(input.budgets, p.id, year))];
  const anonymous = printed
    .flatMap((b) => budgetLinesOf(input, b))
    .filter((l) => l.account.startsWith('74.') && l.funderId === undefined && l.label === undefined);
  checks.push(
    check(
      anonymous.length > 0,
      'grant-lines-funder',
      'warning',
      `${anonymous.length === 1 ? 'Une ligne 74 ne nomme' : `${anonymous.length} lignes 74 ne nomment`} pas son financeur : le Cerfa demande de préciser chaque financeur.`,
      budgetTarget,
    ),
  );

  const aid = publicAidOf(input);
  checks.push(
    check(
      aid.answer === undefined,
      'public-aid-unknown',
      'blocking',
      `Aides publiques des trois derniers exercices : les versements enregistrés (${formatWholeEuros(aid.receivedCents)} depuis le ${formatDateLong(aid.from)}) ne remontent pas assez loin — indiquez sur cette page si le total dépasse 500 000 €.`,
      DOSSIER_PAGE,
    ),
    check(
      aid.aboveDeMinimis,
      'public-aid-de-minimis',
      'warning',
      aid.aboveSgeiCeiling
        ? `Aides publiques reçues sur trois exercices : ${formatWholeEuros(aid.receivedCents)}, au-delà des plafonds de minimis (${formatWholeEuros(DE_MINIMIS_CEILING_CENTS)}, et ${formatWholeEuros(DE_MINIMIS_SGEI_CEILING_CENTS)} pour un SIEG) : vérifiez le régime des aides avec le financeur.`
        : `Aides publiques reçues sur trois exercices : ${formatWholeEuros(aid.receivedCents)}, au-delà du plafond de minimis de ${formatWholeEuros(DE_MINIMIS_CEILING_CENTS)} (${formatWholeEuros(DE_MINIMIS_SGEI_CEILING_CENTS)} pour un SIEG) : vérifiez le régime des aides avec le financeur.`,
      DOSSIER_PAGE,
    ),
  );

  for (const attachment of attachmentsChecklist(profile, input.documents, input.filingDate, input.attachedDocumentIds)) {
    const cer = attachment.kind === 'republican-contract';
    const recorded = latestDocument(input.documents, attachment.kind) !== undefined;
    checks.push(
      check(
        attachment.status === 'to-provide',
        `document-${attachment.kind}-missing`,
        cer ? 'warning' : 'blocking',
        cer
          ? 'Contrat d’engagement républicain : aucune pièce enregistrée (son texte est annexé au dossier et l’engagement signé dans la déclaration sur l’honneur).'
          : recorded
            ? `Pièce à fournir : ${attachment.label} (enregistrée sans son fichier).`
            : `Pièce à fournir : ${attachment.label}.`,
        DOCUMENTS,
      ),
      check(
        attachment.status === 'expired',
        `document-${attachment.kind}-expired`,
        'blocking',
        `Pièce expirée le ${formatDateLong(attachment.validUntil ?? input.filingDate)} : ${attachment.label}.`,
        DOCUMENTS,
      ),
    );
  }

  const failed = checks.filter((c) => c.failed);
  const items = failed
    .map(({ id, severity, message, fix }) => ({ id, severity, message, fix }))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1));
  const passed = checks.length - failed.length;
  return {
    items,
    completionPercent: failed.length === 0 ? 100 : Math.floor((passed / checks.length) * 100),
    blockingCount: items.filter((i) => i.severity === 'blocking').length,
    checkCount: checks.length,
  };
}
