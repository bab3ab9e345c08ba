import { z } from 'zod';
import { fieldMessage, withCrossFieldRules } from './fields';

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

// The forms that type a new passphrase twice (Réglages › Protection), on the one form wiring: the same rules
// as newPassphraseProblems, all said in one round. Never trimmed (see above).
const passphraseText = z.string();

export type NewPassphraseValues = { passphrase: string; confirmation: string };

/** « Protéger cet espace »: a new passphrase, typed twice. */
export const newPassphraseSchema = withCrossFieldRules(
  z.object({ passphrase: passphraseText, confirmation: passphraseText }),
  (value, ctx) => {
    const problems = newPassphraseProblems(value.passphrase ?? '', value.confirmation ?? '');
    for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [path], message });
  },
);

export type ChangePassphraseValues = NewPassphraseValues & { current: string };

/** « Changer la phrase de passe »: the current one (checked by data/ against the espace's key), then the new one twice. */
export const changePassphraseSchema = withCrossFieldRules(
  z.object({
    current: passphraseText.min(1, fieldMessage(CURRENT_PASSPHRASE_LABEL, 'champ obligatoire.')),
    passphrase: passphraseText,
    confirmation: passphraseText,
  }),
  (value, ctx) => {
    const problems = newPassphraseProblems(value.passphrase ?? '', value.confirmation ?? '');
    for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [path], message });
  },
);

/** The inactivity delay typed in Réglages: a whole number of minutes in range, or a French refusal. */
export function parseLockDelay(input: string | number): { ok: true; value: number } | { ok: false; problem: string } {
  const text = String(input).trim();
  const minutes = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(minutes) || minutes < LOCK_DELAY_MIN_MINUTES || minutes > LOCK_DELAY_MAX_MINUTES) {
    return {
      ok: false,
      problem: fieldMessage(LOCK_DELAY_LABEL, `un nombre entier de minutes entre ${LOCK_DELAY_MIN_MINUTES} et ${LOCK_DELAY_MAX_MINUTES}.`),
    };
  }
  return { ok: true, value: minutes };
}

/** Réglages › Protection's delay field: its text read by parseLockDelay, in minutes. */
export const lockDelaySchema = z.object({
  delay: z.string().transform((text, ctx) => {
    const parsed = parseLockDelay(text);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  }),
});
export type LockDelayValues = { delay: string };

/**
 * Whether an open espace must lock: `delayMinutes` or more have passed since the last keyboard or mouse
 * activity. Wall-clock times (ms), so that a laptop waking from sleep — whose timers were paused — locks
 * at once rather than some minutes later. A clock set backwards never counts as inactivity.
 */
export function lockedByInactivity(lastActivityMs: number, nowMs: number, delayMinutes: number): boolean {
  return nowMs - lastActivityMs >= delayMinutes * 60_000;
}

/** Wrong passphrases allowed before each new attempt must wait. */
export const FREE_UNLOCK_ATTEMPTS = 5;
export const FIRST_UNLOCK_WAIT_MS = 2_000;
export const MAX_UNLOCK_WAIT_MS = 5 * 60_000;

/**
 * How long to wait after `failures` wrong passphrases in a row before the next attempt: nothing for the
 * first five, then 2 s, doubling at each new failure, never more than 5 minutes. On top of the 600 000
 * PBKDF2 iterations each guess costs, this turns a guessing script's hours into years, while a person who
 * mistypes five times waits a couple of seconds.
 */
export function unlockWaitMs(failures: number): number {
  if (failures < FREE_UNLOCK_ATTEMPTS) return 0;
  const doublings = failures - FREE_UNLOCK_ATTEMPTS;
  // Past 2^8 the cap applies anyway; the guard keeps 2 ** huge from becoming Infinity.
  return doublings >= 8 ? MAX_UNLOCK_WAIT_MS : Math.min(FIRST_UNLOCK_WAIT_MS * 2 ** doublings, MAX_UNLOCK_WAIT_MS);
}

/** « 8 s », « 1 min 4 s », « 5 min »: a wait as shown on the lock screen (whole seconds, rounded up). */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest}\u00a0s`;
  return rest === 0 ? `${minutes}\u00a0min` : `${minutes}\u00a0min ${rest}\u00a0s`;
}

export function unlockWaitMessage(ms: number): string {
  return `Trop de phrases de passe incorrectes\u00a0: nouvel essai possible dans ${formatWait(ms)}.`;
}
