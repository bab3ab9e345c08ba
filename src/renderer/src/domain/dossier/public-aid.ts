import type { IsoDate } from '../dates';
import { exerciseContaining, exerciseStartingIn, type ExerciseCalendar } from '../exercise';
import { isPublicFunder, type FunderKind } from '../funding/funder';
import type { Payment } from '../funding/payment';

// The public aid the association received over its last three exercises (Cerfa 12156*06 §7), computed
// from the payments it recorded, so the signatory need not strike « ≤ / > 500 000 € » by hand.
//
// Thresholds:
// - the Cerfa's own wording: « montant total et cumulé d'aides publiques sur les trois derniers exercices
//   (dont l'exercice en cours) » inférieur ou égal / supérieur à 500 000 € (Cerfa 12156*06, §7);
// - de minimis, Règlement (UE) 2023/2831 of 13 December 2023, art. 3 §2: 300 000 € per undertaking over
//   any period of three years;
// - de minimis for services of general economic interest (SIEG), Règlement (UE) 2023/2832, art. 2 §2:
//   750 000 € over three years.
// The app cannot tell which aid was granted as de minimis: above those ceilings it asks to check, no more.

export const CERFA_PUBLIC_AID_THRESHOLD_CENTS = 50_000_000;
export const DE_MINIMIS_CEILING_CENTS = 30_000_000;
export const DE_MINIMIS_SGEI_CEILING_CENTS = 75_000_000;

export type PublicAidAnswer = 'at-most' | 'above';

export interface PublicAidStatement {
  /** The three exercises: from the start of the one two before the current, to the end of the current. */
  from: IsoDate;
  to: IsoDate;
  /** Public money received in that window, as recorded (payments of public funders). */
  receivedCents: number;
  /** The answer printed, or undefined when neither the data nor the user can give it. */
  answer: PublicAidAnswer | undefined;
  /** Where the answer comes from: the recorded payments, or the user (when the records start too late). */
  source: 'data' | 'user' | 'unknown';
  /** Whether the records reach back to the window's start (else a total under 500 000 € proves nothing). */
  recordsCoverWindow: boolean;
  aboveDeMinimis: boolean;
  aboveSgeiCeiling: boolean;
}

/** Live records only (the repository leaves the bin out). */
export interface PublicAidInput {
  calendar: ExerciseCalendar;
  /** The filing date: its exercise is « l'exercice en cours ». */
  filingDate: IsoDate;
  payments: readonly Pick<Payment, 'applicationId' | 'receivedCents' | 'receivedDate'>[];
  applications: readonly { id: string; funderId: string; periodStart: IsoDate }[];
  funders: readonly { id: string; kind: FunderKind }[];
  /** The user's answer, asked only when the records cannot tell. */
  userAnswer?: PublicAidAnswer | undefined;
}

export function publicAidStatement(input: PublicAidInput): PublicAidStatement {
  const current = exerciseContaining(input.calendar, input.filingDate);
  const from = exerciseStartingIn(input.calendar, current.startYear - 2).start;
  const to = current.end;
  const kindOf = new Map(input.funders.map((f) => [f.id, f.kind]));
  const applications = input.applications;
  const publicApps = new Set(
    applications
      .filter((a) => {
        const kind = kindOf.get(a.funderId);
        return kind !== undefined && isPublicFunder(kind);
      })
      .map((a) => a.id),
  );
  const receivedCents = input.payments
    .filter((p) => publicApps.has(p.applicationId) && p.receivedDate !== undefined && p.receivedDate >= from && p.receivedDate <= to)
    .reduce((sum, p) => sum + (p.receivedCents ?? 0), 0);
  // The records tell the whole story only if the espace already held grants when the window opened.
  const recordsCoverWindow = applications.some((a) => a.periodStart <= from);
  let answer: PublicAidAnswer | undefined;
  let source: PublicAidStatement['source'];
  if (receivedCents > CERFA_PUBLIC_AID_THRESHOLD_CENTS) {
    answer = 'above';
    source = 'data';
  } else if (recordsCoverWindow) {
    answer = 'at-most';
    source = 'data';
  } else if (input.userAnswer !== undefined) {
    answer = input.userAnswer;
    source = 'user';
  } else {
    answer = undefined;
    source = 'unknown';
  }
  return {
    from,
    to,
    receivedCents,
    answer,
    source,
    recordsCoverWindow,
    aboveDeMinimis: receivedCents > DE_MINIMIS_CEILING_CENTS,
    aboveSgeiCeiling: receivedCents > DE_MINIMIS_SGEI_CEILING_CENTS,
  };
}
