import type { IsoDate } from '../dates';

// Deadlines are derived, never stored (DESIGN.md decision 9): each source has pure rules from its records
// and "today" to a list of Deadline; only the user's state on one (done, snoozed) is stored, under `key`.

export type DeadlineSource = 'grant' | 'payment' | 'contract' | 'aidedPost' | 'agreement' | 'document' | 'association';

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
  /** The app route (hash path) of the record to act on, e.g. '/equipe/<personId>'. */
  link: string;
  /** The section it comes from, as the user knows it: « Équipe », « Financements », « Partenaires ». */
  sourceLabel: string;
  /** An optional French detail line: amounts, the contract, the notice period… */
  detail?: string;
}

export function deadlineKey(source: DeadlineSource, recordId: string, rule: string, occurrence?: string | number): string {
  return occurrence === undefined ? `${source}:${recordId}:${rule}` : `${source}:${recordId}:${rule}:${occurrence}`;
}

/** Earliest first; ties in a stable, readable order. */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.title.localeCompare(b.title, 'fr') || a.key.localeCompare(b.key);
}
