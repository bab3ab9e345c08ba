// The cases of recourse to a CDD that change its rules, read from the motif the coordinator typed (the
// contract stores it as free text: « Remplacement de Mme X (congé maternité) », « Accroissement temporaire
// d’activité »…). Reading is by keywords, so that a motif written as the contract writes it is recognised;
// every rule built on it is a warning, never a refusal, and names its article so that the coordinator can
// check. One table, each case with its maximum term and whether the waiting period applies.

/** In the order they are tried: a replacement « dans l’attente » of a CDI hire is the 9-month case. */
export const CDD_CASE_VALUES = [
  'awaiting-hire',
  'post-suppression',
  'replacement',
  'urgent-safety',
  'seasonal',
  'abroad',
  'export-order',
  'defined-object',
  'general',
] as const;

export type CddCase = (typeof CDD_CASE_VALUES)[number];

export interface CddCaseRules {
  label: string;
  /** The maximum total term, renewals included, in months (L1242-8-1), or null when that article does not apply. */
  maxMonths: number | null;
  /** Why the maximum differs from 18 months, or null for the general case. */
  maxArticle: string | null;
  /** Whether the next CDD on the same job may start without a waiting period (L1244-4-1), and why. */
  waitingPeriodExemption: string | null;
  /** Keywords of the motif (accents and case aside), tried in the table's order. */
  keywords: readonly RegExp[];
}

export const CDD_CASE_RULES = {
  // L1242-2 1° e): waiting for the CDI hire to take up the post — 9 months at most (L1242-8-1).
  'awaiting-hire': {
    label: 'attente de l’entrée en service d’un salarié recruté en CDI',
    maxMonths: 9,
    maxArticle: 'L1242-8-1 : 9 mois dans l’attente de l’entrée en service d’un salarié recruté en CDI',
    waitingPeriodExemption: null,
    keywords: [/attente.*(cdi|recrute|entree en)/, /entree en service/],
  },
  // L1242-2 1° d): a definitive departure before the post is suppressed — 24 months at most (L1242-8-1 2°).
  'post-suppression': {
    label: 'départ définitif précédant la suppression du poste',
    maxMonths: 24,
    maxArticle: 'L1242-8-1 2° : 24 mois pour un départ définitif précédant la suppression du poste',
    waitingPeriodExemption: null,
    keywords: [/suppression/],
  },
  // L1242-2 1°: replacing an absent employee — no waiting period before a new absence (L1244-4-1 1°).
  replacement: {
    label: 'remplacement d’un salarié absent',
    maxMonths: 18,
    maxArticle: null,
    waitingPeriodExemption: 'L1244-4-1 1° : remplacement, en cas de nouvelle absence du salarié remplacé',
    keywords: [/remplac/],
  },
  // Urgent works required by safety measures: 9 months (L1242-8-1), no waiting period (L1244-4-1 2°).
  'urgent-safety': {
    label: 'travaux urgents nécessités par des mesures de sécurité',
    maxMonths: 9,
    maxArticle: 'L1242-8-1 : 9 mois pour des travaux urgents de sécurité',
    waitingPeriodExemption: 'L1244-4-1 2° : travaux urgents de sécurité',
    keywords: [/travaux urgents/, /mesures de securite/],
  },
  // L1242-2 3°: seasonal jobs or « CDD d’usage » — no waiting period (L1244-4-1 3°).
  seasonal: {
    label: 'emploi saisonnier ou d’usage',
    maxMonths: 18,
    maxArticle: null,
    waitingPeriodExemption: 'L1244-4-1 3° : emploi saisonnier ou d’usage',
    keywords: [/saisonn/, /\busage\b/],
  },
  abroad: {
    label: 'contrat exécuté à l’étranger',
    maxMonths: 24,
    maxArticle: 'L1242-8-1 1° : 24 mois pour un contrat exécuté à l’étranger',
    waitingPeriodExemption: null,
    keywords: [/etranger/],
  },
  'export-order': {
    label: 'commande exceptionnelle à l’exportation',
    maxMonths: 24,
    maxArticle: 'L1242-8-1 3° : 24 mois pour une commande exceptionnelle à l’exportation',
    waitingPeriodExemption: null,
    keywords: [/export/],
  },
  // L1242-2 6°: the « CDD à objet défini » (18 to 36 months, L1242-8-2): L1242-8-1 does not apply.
  'defined-object': {
    label: 'CDD à objet défini',
    maxMonths: null,
    maxArticle: null,
    waitingPeriodExemption: null,
    keywords: [/objet defini/],
  },
  general: {
    label: 'cas général (accroissement temporaire d’activité…)',
    maxMonths: 18,
    maxArticle: null,
    waitingPeriodExemption: null,
    keywords: [],
  },
} as const satisfies Record<CddCase, CddCaseRules>;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr');

/** The case a CDD's motif names; the general case when none is recognised. */
export function cddCase(reason: string | undefined): CddCase {
  const text = fold(reason ?? '');
  for (const value of CDD_CASE_VALUES) {
    if (CDD_CASE_RULES[value].keywords.some((k) => k.test(text))) return value;
  }
  return 'general';
}
