import { useCallback } from 'react';
import { failureMessage } from './failure-message';
import { useToast } from './toast';

// The one helper every writing button goes through (DESIGN.md decision 13): it runs the work, and a
// failure becomes a French toast while its details go to the console — no click handler swallows an
// error or lets it escape unhandled.

export type RunAction = (work: () => unknown) => void;

export function useAction(): RunAction {
  const toast = useToast();
  return useCallback<RunAction>(
    (work) => {
      const report = (error: unknown) => {
        console.error('Passerelle: an action failed', error);
        toast.show(failureMessage(error), { tone: 'error' });
      };
      // Called at once, not after a tick: a submit handler must still prevent the default in time.
      try {
        Promise.resolve(work()).catch(report);
      } catch (error) {
        report(error);
      }
    },
    [toast],
  );
}

/** The message of a repository's refusal that belongs to no field (a conflict, a missing record). */
export function refusalText(errors: Record<string, string>): string {
  return errors[''] ?? Object.values(errors)[0] ?? 'Rien n’a été enregistré.';
}
