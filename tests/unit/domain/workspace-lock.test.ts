import { describe, expect, it } from 'vitest';
import {
  LOCK_DELAY_DEFAULT_MINUTES,
  lockedByInactivity,
  newPassphraseProblems,
  parseLockDelay,
  formatWait,
  unlockWaitMessage,
  unlockWaitMs,
} from '../../../src/renderer/src/domain/workspace-lock';

const at = (iso: string) => new Date(iso).getTime();

describe('lockedByInactivity', () => {
  it.each([
    // last activity, now, delay (min), locked?
    ['2026-11-24T09:00:00Z', '2026-11-24T09:00:00Z', 10, false],
    ['2026-11-24T09:00:00Z', '2026-11-24T09:09:59.999Z', 10, false],
    ['2026-11-24T09:00:00Z', '2026-11-24T09:10:00Z', 10, true],
    ['2026-11-24T09:00:00Z', '2026-11-24T09:11:00Z', 10, true],
    ['2026-11-24T09:00:00Z', '2026-11-24T09:00:59Z', 1, false],
    ['2026-11-24T09:00:00Z', '2026-11-24T09:01:00Z', 1, true],
    ['2026-11-24T09:00:00Z', '2026-11-24T12:59:00Z', 240, false],
    ['2026-11-24T09:00:00Z', '2026-11-24T13:00:00Z', 240, true],
    // A laptop asleep overnight: the first check after waking locks.
    ['2026-11-24T18:00:00Z', '2026-11-25T08:30:00Z', 10, true],
    // A clock set backwards is not inactivity.
    ['2026-11-24T09:00:00Z', '2026-11-24T08:00:00Z', 10, false],
  ])('last activity %s, now %s, delay %i min → locked %s', (last, now, delay, locked) => {
    expect(lockedByInactivity(at(last), at(now), delay)).toBe(locked);
  });
});

describe('newPassphraseProblems', () => {
  it.each([
    ['', '', { passphrase: 'Phrase de passe\u00a0: champ obligatoire.' }],
    ['court', 'court', { passphrase: 'Phrase de passe\u00a0: 8 caractères au moins.' }],
    ['1234567', '1234567', { passphrase: 'Phrase de passe\u00a0: 8 caractères au moins.' }],
    ['12345678', '12345678', {}],
    // Counted in characters as a person sees them, not in UTF-16 units.
    ['🔒🔒🔒🔒🔒🔒🔒', '🔒🔒🔒🔒🔒🔒🔒', { passphrase: 'Phrase de passe\u00a0: 8 caractères au moins.' }],
    [
      'le chat dort',
      'le chat dors',
      { confirmation: 'Confirmation de la phrase de passe\u00a0: les deux phrases de passe ne sont pas identiques.' },
    ],
    ['le chat dort', '', { confirmation: 'Confirmation de la phrase de passe\u00a0: retapez la phrase de passe.' }],
    // Spaces count: a passphrase is never trimmed.
    [
      'le chat dort',
      'le chat dort ',
      {
        confirmation: 'Confirmation de la phrase de passe\u00a0: les deux phrases de passe ne sont pas identiques.',
      },
    ],
  ])('%j typed twice as %j', (passphrase, confirmation, problems) => {
    expect(newPassphraseProblems(passphrase, confirmation)).toEqual(problems);
  });
});

describe('parseLockDelay', () => {
  const refusal = 'Verrouillage après inactivité (minutes)\u00a0: un nombre entier de minutes entre 1 et 240.';
  it.each([
    ['10', { ok: true, value: 10 }],
    [' 1 ', { ok: true, value: 1 }],
    [240, { ok: true, value: 240 }],
    ['0', { ok: false, problem: refusal }],
    ['241', { ok: false, problem: refusal }],
    ['2,5', { ok: false, problem: refusal }],
    ['-5', { ok: false, problem: refusal }],
    ['', { ok: false, problem: refusal }],
    ['dix', { ok: false, problem: refusal }],
  ])('%j → %j', (input, expected) => {
    expect(parseLockDelay(input)).toEqual(expected);
  });

  it('defaults to ten minutes', () => {
    expect(LOCK_DELAY_DEFAULT_MINUTES).toBe(10);
  });
});

describe('waiting after wrong passphrases', () => {
  it('lets the first five wrong passphrases through at once, then waits 2 s, doubling, capped at 5 minutes', () => {
    expect(unlockWaitMs(0)).toBe(0);
    expect(unlockWaitMs(4)).toBe(0);
    expect(unlockWaitMs(5)).toBe(2_000);
    expect(unlockWaitMs(6)).toBe(4_000);
    expect(unlockWaitMs(7)).toBe(8_000);
    expect(unlockWaitMs(12)).toBe(256_000);
    expect(unlockWaitMs(13)).toBe(300_000);
    expect(unlockWaitMs(1_000_000)).toBe(300_000);
  });

  it('shows the wait in whole seconds, rounded up, in French', () => {
    expect(formatWait(1)).toBe('1\u00a0s');
    expect(formatWait(1_999)).toBe('2\u00a0s');
    expect(formatWait(59_000)).toBe('59\u00a0s');
    expect(formatWait(60_000)).toBe('1\u00a0min');
    expect(formatWait(64_000)).toBe('1\u00a0min 4\u00a0s');
    expect(unlockWaitMessage(300_000)).toBe('Trop de phrases de passe incorrectes\u00a0: nouvel essai possible dans 5\u00a0min.');
  });
});
