// « Annuler la restauration » stays offered for a week after a restore: long enough to notice on the next
// working days that the wrong file was chosen, short enough that nobody brings back, months later, an
// espace from before a season of work. The delay is shown beside the button.

export const RESTORE_UNDO_DAYS = 7;

const DAY = 24 * 3600 * 1000;

/** When the offer made by a restore at `restoredAt` (ISO date-time) ends. */
export function restoreUndoExpiresAt(restoredAt: string): string {
  return new Date(new Date(restoredAt).getTime() + RESTORE_UNDO_DAYS * DAY).toISOString();
}

/** The offer holds up to its expiry itself, and not one millisecond after. */
export function restoreUndoOpen(restoredAt: string, now: Date): boolean {
  return now.getTime() <= new Date(restoreUndoExpiresAt(restoredAt)).getTime();
}

/** « 1 modification », « 5 modifications », « aucune modification ». */
export function changesPhrase(count: number): string {
  if (count === 0) return 'aucune modification';
  return `${count.toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0')} modification${count > 1 ? 's' : ''}`;
}
