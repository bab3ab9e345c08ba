// Every per-kind rule of a contract in one table (DESIGN.md, « Rule tables checked by the compiler »):
// labels, whether it runs to a term, its part-time floor, its OPCO filing, its trial rule, the title of its
// end. Adding a kind is one line in CONTRACT_KIND_VALUES and one entry here; the compiler names the rest.

export const CONTRACT_KIND_VALUES = [
  'cdi',
  'cdd',
  'pec',
  'adulte-relais',
  'apprenticeship',
  'professionalisation',
  'civic-service',
] as const;

export type ContractKind = (typeof CONTRACT_KIND_VALUES)[number];

export interface ContractKindRules {
  label: string;
  /** A labour contract (the service-civique engagement is not one: no ETPT, DPAE, medical visit). */
  employment: boolean;
  /**
   * Whether it runs to a term by nature. Never a refusal: a CDD de remplacement may have no precise term
   * (L1242-7), a PEC, an adulte-relais, an apprenticeship (L6222-7) or a professionalisation (L6325-5) may be
   * a CDI — the form says the end is expected and the checks warn.
   */
  fixedTerm: boolean;
  /** The weekly hours below which a warning is due, with its article, or null. */
  partTimeFloor: { hours: number; article: string; phrase: string } | null;
  /** How long after the start the contract must reach the OPCO, or null: jours ouvrables or calendar days. */
  opcoFiling: { days: number; count: 'ouvrables' | 'calendar'; article: string } | null;
  /** Which default trial period applies (trial-period.ts). */
  trial: 'by-term' | 'apprenticeship' | 'none';
  /** Whether the contract must state its motif (a CDD, L1242-12); the form requires the field. */
  motifRequired: boolean;
  /**
   * Months after the start within which the first visite d'information et de prévention is due (R4624-10:
   * 3; an apprentice 2, R6222-36), or null when none is (no labour contract).
   */
  firstMedicalVisitMonths: number | null;
  /** The deadline of its end. */
  endTitle: string;
}

export const CONTRACT_KIND_RULES = {
  cdi: {
    label: 'CDI',
    employment: true,
    fixedTerm: false,
    // L3123-27: 24 h a week, except the cases of L3123-7 (written request, student, branch agreement).
    partTimeFloor: { hours: 24, article: 'L3123-27', phrase: 'possible seulement par dérogation (demande écrite, convention collective)' },
    opcoFiling: null,
    trial: 'by-term',
    motifRequired: false,
    firstMedicalVisitMonths: 3,
    endTitle: 'Fin du CDI',
  },
  cdd: {
    label: 'CDD',
    employment: true,
    fixedTerm: true,
    // L3123-7: the floor does not apply to a CDD de remplacement (checked on the motif in contract-checks).
    partTimeFloor: {
      hours: 24,
      article: 'L3123-27',
      phrase: 'possible seulement par dérogation (demande écrite, convention collective) ou pour un remplacement',
    },
    opcoFiling: null,
    trial: 'by-term',
    motifRequired: true,
    firstMedicalVisitMonths: 3,
    endTitle: 'Fin du CDD',
  },
  pec: {
    label: 'PEC (CUI-CAE)',
    employment: true,
    fixedTerm: true,
    // L5134-26: at least 20 hours a week.
    partTimeFloor: { hours: 20, article: 'L5134-26', phrase: 'un PEC compte au moins 20 h par semaine' },
    opcoFiling: null,
    trial: 'by-term',
    motifRequired: false,
    firstMedicalVisitMonths: 3,
    endTitle: 'Fin du contrat PEC',
  },
  'adulte-relais': {
    label: 'Adulte-relais',
    employment: true,
    fixedTerm: true,
    // The adulte-relais convention: at least half time (DOMAIN.md §3 [à vérifier: not in L5134-100 s.]).
    partTimeFloor: { hours: 17.5, article: 'convention adulte-relais', phrase: 'un poste adulte-relais est au moins à mi-temps' },
    opcoFiling: null,
    trial: 'by-term',
    motifRequired: false,
    firstMedicalVisitMonths: 3,
    endTitle: 'Fin du contrat adulte-relais',
  },
  apprenticeship: {
    label: 'Contrat d’apprentissage',
    employment: true,
    fixedTerm: true,
    partTimeFloor: null,
    opcoFiling: { days: 5, count: 'ouvrables', article: 'D6224-1' },
    trial: 'apprenticeship',
    motifRequired: false,
    firstMedicalVisitMonths: 2,
    endTitle: 'Fin du contrat d’apprentissage',
  },
  professionalisation: {
    label: 'Contrat de professionnalisation',
    employment: true,
    fixedTerm: true,
    partTimeFloor: null,
    opcoFiling: { days: 5, count: 'calendar', article: 'D6325-1' },
    trial: 'by-term',
    motifRequired: false,
    firstMedicalVisitMonths: 3,
    endTitle: 'Fin du contrat de professionnalisation',
  },
  'civic-service': {
    label: 'Engagement de service civique',
    employment: false,
    fixedTerm: true,
    // L120-8 Code du service national: 24 h a week at least (48 at most; 35 for minors).
    partTimeFloor: { hours: 24, article: 'L120-8 CSN', phrase: 'le minimum est de 24 h' },
    opcoFiling: null,
    trial: 'none',
    motifRequired: false,
    firstMedicalVisitMonths: null,
    endTitle: 'Fin de l’engagement de service civique',
  },
} as const satisfies Record<ContractKind, ContractKindRules>;

export function kindRules(kind: ContractKind): ContractKindRules {
  return CONTRACT_KIND_RULES[kind];
}

/** The planned-end hint of the contract form, from the table. */
export function plannedEndHint(kind: ContractKind): string | undefined {
  return kindRules(kind).fixedTerm ? `Attendue pour ce contrat (${kindRules(kind).label}), le plus souvent à durée déterminée.` : undefined;
}
