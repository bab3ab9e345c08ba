import type { IsoDate } from '../dates';
import type { Target } from '../target';

// Deadlines are derived, never stored (DESIGN.md decision 9): each source has pure rules from its records
// and "today" to a list of Deadline; only the user's state on one (done, snoozed) is stored, under `key`.

export type DeadlineSource = 'grant' | 'payment' | 'contract' | 'aidedPost' | 'agreement' | 'document' | 'association';

/**
 * An obligation is something to do before its date: once passed and not done it is « en retard », and it
 * stays until it is done, its fact is recorded, or the user dismisses it (« Ne plus rappeler »). A milestone
 * is a moment to be aware of (the end of a trial period, of a contract): it is never « en retard »; once
 * passed it leaves the list, replaced by its follow-up where the law has one (end-of-contract.ts).
 */
export type DeadlineKind = 'obligation' | 'milestone';

/**
 * The rules that are milestones; every other rule, including rules added later, is an obligation — a
 * forgotten obligation shown too loudly is safer than one that silently disappears.
 */
export const MILESTONE_RULES: ReadonlySet<string> = new Set(['trial-period-end', 'fixed-term-end', 'agreement-end']);

/**
 * What « Fait » records, for the rules whose fact lives in a record: the deadline's state is then that
 * record's state (the payment received, the application filed, the convention signed, the DPAE date on
 * the contract), never a separate « fait » flag that would hide it while the record still says otherwise.
 */
export const RECORDED_FACTS = {
  'payment-expected': 'payment-received',
  filing: 'application-filed',
  'convention-to-sign': 'convention-signed',
  dpae: 'contract-dpae',
  'first-medical-visit': 'contract-medical-visit',
  'opco-filing': 'contract-opco-filing',
  'return-to-work-visit': 'absence-return-visit',
} as const satisfies Record<string, string>;

export type RecordedFact = (typeof RECORDED_FACTS)[keyof typeof RECORDED_FACTS];

export function recordedFact(deadline: Pick<Deadline, 'rule'>): RecordedFact | undefined {
  return (RECORDED_FACTS as Record<string, RecordedFact | undefined>)[deadline.rule];
}

export function deadlineKind(deadline: Pick<Deadline, 'rule' | 'kind'>): DeadlineKind {
  return deadline.kind ?? (MILESTONE_RULES.has(deadline.rule) ? 'milestone' : 'obligation');
}

export interface Deadline {
  /**
   * Stable across recomputations and restarts, so that the user's « fait » or « reporté » stays attached:
   * built by deadlineKey from the source, the record's id, the rule and, for repeating rules, the
   * occurrence (its due date or its number). Never include a value the user can edit other than the date
   * of a repeating occurrence.
   */
  key: string;
  source: DeadlineSource;
  /** The rule that produced it, kebab-case: 'trial-period-end', 'payment-expected', 'notice-deadline'… */
  rule: string;
  /** French, self-sufficient: « Fin de la période d’essai — Awa Diop ». */
  title: string;
  dueDate: IsoDate;
  /** The screen of the record to act on, e.g. { screen: 'person', id } (ui/paths.ts makes it a link). */
  target: Target;
  /** The section it comes from, as the user knows it: « Équipe », « Financements », « Partenaires ». */
  sourceLabel: string;
  /** An optional French detail line: amounts, the contract, the notice period… */
  detail?: string;
  /** Set where a rule overrides its table kind; read it through deadlineKind. */
  kind?: DeadlineKind;
  /** The money this deadline brings in, in cents (an expected payment): summed per group on the dashboard. */
  amountCents?: number;
}

export function deadlineKey(source: DeadlineSource, recordId: string, rule: string, occurrence?: string | number): string {
  return occurrence === undefined ? `${source}:${recordId}:${rule}` : `${source}:${recordId}:${rule}:${occurrence}`;
}

/** The dashboard's filters: the four domains a coordinator thinks in. */
export type DeadlineDomain = 'team' | 'funding' | 'partners' | 'documents';

const DOMAIN_OF_SOURCE = {
  contract: 'team',
  aidedPost: 'team',
  grant: 'funding',
  payment: 'funding',
  association: 'funding',
  agreement: 'partners',
  document: 'documents',
} as const satisfies Record<DeadlineSource, DeadlineDomain>;

export function deadlineDomain(deadline: Pick<Deadline, 'source'>): DeadlineDomain {
  return DOMAIN_OF_SOURCE[deadline.source];
}

/** The id of the record a deadline comes from (the one « Fait » writes to), read back from its key. */
export function deadlineRecordId(deadline: Pick<Deadline, 'key'>): string {
  return deadline.key.split(':')[1] ?? '';
}

// One collator for every comparison: String#localeCompare with a locale builds one per call, which made
// sorting ten years of deadlines the slowest step of the engine (npm run bench).
const TITLE_ORDER = new Intl.Collator('fr');

/** Earliest first; ties in a stable, readable order. */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return TITLE_ORDER.compare(a.title, b.title) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
