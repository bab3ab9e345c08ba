import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { failureMessage } from '../../../src/renderer/src/ui/failure-message';
import { ReadOnlyWorkspaceError } from '../../../src/renderer/src/data/sync/outbox-middleware';

// What the user reads when IndexedDB refuses: French, what happened, that nothing was saved — never the
// browser's English text.

const domError = (name: string, message = 'The quota has been exceeded.') => Object.assign(new Error(message), { name });

describe('failureMessage', () => {
  it.each([
    ['QuotaExceededError', /^Le disque de cet ordinateur est plein/],
    ['ConstraintError', /même identifiant existe déjà/],
    ['DatabaseClosedError', /a été fermée/],
    ['VersionChangeError', /mis à jour dans une autre fenêtre/],
    ['DataError', /n’a pas pu être enregistrée/],
  ])('says %s in French and that nothing was saved', (name, expected) => {
    const message = failureMessage(domError(name));
    expect(message).toMatch(expected);
    expect(message).toContain('rien n’a été enregistré');
    expect(message).not.toContain('quota');
  });

  it('finds the cause under Dexie’s wrappers: an AbortError and a BulkError around a quota error', () => {
    const abort = new Dexie.AbortError('Transaction aborted', domError('QuotaExceededError'));
    expect(failureMessage(abort)).toMatch(/^Le disque de cet ordinateur est plein/);
    const bulk = new Dexie.BulkError('1 of 2 operations failed', { 1: domError('ConstraintError') });
    expect(failureMessage(bulk)).toMatch(/même identifiant/);
  });

  it('says Passerelle’s own refusal of a read-only espace (its error, not a look-alike) in French', () => {
    const message = failureMessage(new ReadOnlyWorkspaceError());
    expect(message).toMatch(/^Cet espace est en lecture seule sur cet ordinateur/);
    expect(message).toContain('rien n’a été enregistré');
  });

  it('says an unknown failure without its English text', () => {
    const message = failureMessage(new TypeError('Cannot read properties of undefined'));
    expect(message).toBe('Une erreur inattendue est survenue\u00a0: rien n’a été enregistré. Le détail est dans la console (Ctrl+Maj+I).');
    expect(failureMessage('oops')).toBe(message);
  });
});
