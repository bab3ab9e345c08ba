import { fieldMessage } from './fields';

// The lock of an espace on a shared laptop: the rules a passphrase must follow and when an open espace
// locks itself again. Pure: the crypto (the verifier) lives in data/, the timers in the app shell.

export const PASSPHRASE_MIN_LENGTH = 8;
export const LOCK_DELAY_DEFAULT_MINUTES = 10;
export const LOCK_DELAY_MIN_MINUTES = 1;
export const LOCK_DELAY_MAX_MINUTES = 240;

export const PASSPHRASE_LABEL = 'Phrase de passe';
export const CONFIRMATION_LABEL = 'Confirmation de la phrase de passe';
export const CURRENT_PASSPHRASE_LABEL = 'Phrase de passe actuelle';
export const LOCK_DELAY_LABEL = 'Verrouillage après inactivité (minutes)';

export const WRONG_CURRENT_PASSPHRASE = fieldMessage(CURRENT_PASSPHRASE_LABEL, 'elle ne correspond pas.');
export const WRONG_UNLOCK_PASSPHRASE = 'Phrase de passe incorrecte\u00a0: l’espace reste verrouillé.';

export type PassphraseProblems = Partial<Record<'passphrase' | 'confirmation', string>>;

/**
 * Why a new passphrase (typed twice) is refused, or an empty object when it is accepted. It is never
 * trimmed: a space is part of what the person types, and trimming would lock them out.
 */
export function newPassphraseProblems(passphrase: string, confirmation: string): PassphraseProblems {
  const problems: PassphraseProblems = {};
  if (passphrase === '') problems.passphrase = fieldMessage(PASSPHRASE_LABEL, 'champ obligatoire.');
  else if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) {
    problems.passphrase = fieldMessage(PASSPHRASE_LABEL, `${PASSPHRASE_MIN_LENGTH} caractères au moins.`);
  }
  if (confirmation !== passphrase) {
    problems.confirmation = fieldMessage(
      CONFIRMATION_LABEL,
      confirmation === '' ? 'retapez la phrase de passe.' : 'les deux phrases de passe ne sont pas identiques.',
    );
  }
  return problems;
}

/** The inactivity delay typed in Réglages: a whole number of minutes in range, or a French refusal. */
export function parseLockDelay(input: string | number): { ok: true; value: number } | { ok: false; problem: string } {
  const text = String(input).trim();
  const minutes = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(minutes) || minutes < LOCK_DELAY_MIN_MINUTES || minutes > LOCK_DELAY_MAX_MINUTES) {
    return {
      ok: false,
      problem: fieldMessage(
        LOCK_DELAY_LABEL,
        `un nombre entier de minutes entre ${LOCK_DELAY_MIN_MINUTES} et ${LOCK_DELAY_MAX_MINUTES}.`,
      ),
    };
  }
  return { ok: true, value: minutes };
}

/**
 * Whether an open espace must lock: `delayMinutes` or more have passed since the last keyboard or mouse
 * activity. Wall-clock times (ms), so that a laptop waking from sleep — whose timers were paused — locks
 * at once rather than some minutes later. A clock set backwards never counts as inactivity.
 */
export function lockedByInactivity(lastActivityMs: number, nowMs: number, delayMinutes: number): boolean {
  return nowMs - lastActivityMs >= delayMinutes * 60_000;
}
