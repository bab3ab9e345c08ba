import { useCallback } from 'react';
import { useLocation } from 'wouter';
import type { Target } from '../domain/target';
import { pathTo } from './paths';
import { useToast } from './toast';
import { useAction } from './use-action';

// « Reconduire pour l’exercice suivant », written once for the action, the application, the budget and the
// agreement: the renewal runs through the one action helper, a refusal is said in French and creates
// nothing, a success opens what was created and says so with « Annuler », which takes it all back in one
// change (or says why it cannot, e.g. the new record was edited since).

type Refused = { ok: false; message: string };
type Renewed<Outcome> = Extract<Outcome, { ok: true }>;

export interface Renewal<Outcome extends { ok: true } | Refused> {
  /** Writes the renewal; a refusal carries its French message. */
  run: () => Promise<Outcome>;
  /** The screen to open on what was created. */
  opens: (renewed: Renewed<Outcome>) => Target;
  /** The toast that says what was created and what to check. */
  says: (renewed: Renewed<Outcome>) => string;
  /** « Annuler »: removes what the renewal created. */
  undo: (renewed: Renewed<Outcome>) => Promise<{ ok: true } | Refused>;
}

export function useRenewal(): <Outcome extends { ok: true } | Refused>(renewal: Renewal<Outcome>) => void {
  const act = useAction();
  const toast = useToast();
  const [, navigate] = useLocation();
  return useCallback(
    <Outcome extends { ok: true } | Refused>(renewal: Renewal<Outcome>) =>
      act(async () => {
        const outcome: { ok: true } | Refused = await renewal.run();
        if (!outcome.ok) {
          toast.show(outcome.message, { tone: 'error' });
          return;
        }
        const renewed = outcome as Renewed<Outcome>;
        navigate(pathTo(renewal.opens(renewed)));
        toast.show(renewal.says(renewed), {
          action: {
            label: 'Annuler',
            run: async () => {
              const undone = await renewal.undo(renewed);
              if (!undone.ok) toast.show(undone.message, { tone: 'error' });
              else toast.show('Reconduction annulée.');
            },
          },
        });
      }),
    [act, toast, navigate],
  );
}
