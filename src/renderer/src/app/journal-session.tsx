import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { purgeExpiredBin } from '../data/bin-repository';
import { getCurrentPerson } from '../data/session';
import { undoLastChange } from '../data/undo';
import { useCurrentWorkspace, useRegistry } from '../data/workspace-context';
import { useToast } from '../ui/toast';
import { useAction } from '../ui/use-action';

/** Where Ctrl+Z belongs to the control itself (its own text undo), or to an open dialog. */
function keyboardOwnsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select')) return true;
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}

/**
 * The open espace's safety chores: sign the journal with the person at the keyboard, empty the bin of
 * deletions past 30 days, and undo this session's last change on Ctrl+Z outside text fields.
 */
export function JournalSession() {
  const registry = useRegistry();
  const { db, record } = useCurrentWorkspace();
  const toast = useToast();
  const act = useAction();
  const person = useLiveQuery(async () => (await getCurrentPerson(registry, record.id)) ?? null, [registry, record.id]);

  // The registry is another database: the person is handed to the espace's db rather than read mid-write.
  useEffect(() => {
    if (person !== undefined) db.setCurrentPerson(person);
  }, [db, person]);

  useEffect(() => {
    void purgeExpiredBin(db).catch(() => {
      // A failed purge keeps old deletions one more day: nothing is lost, so nothing to tell the user.
    });
  }, [db]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      if (event.defaultPrevented || keyboardOwnsUndo(event.target)) return;
      event.preventDefault();
      // A write like any button's: a failure is said in French (ui/use-action.ts).
      act(() =>
        undoLastChange(db).then((outcome) => {
          if (outcome.ok) toast.show(`Annulé\u00a0: ${outcome.description}.`);
          else toast.show(outcome.message, { tone: 'error' });
        }),
      );
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [db, toast, act]);

  return null;
}
