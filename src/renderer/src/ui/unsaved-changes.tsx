import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { useToast } from './toast';

// Unsaved changes are never lost without a word (issue 12). Each open form says whether it holds changes
// not yet saved, and how it protects them:
// - 'ask': leaving (a link of the app, another espace, closing the window) first asks « Quitter sans
//   enregistrer ? »; short forms, quick to fill again, and often opened inline on a page.
// - 'draft': the long forms (Association, action, compte-rendu) keep what was typed as a draft that comes
//   back when the form opens again — across sections, espaces and the inactivity lock, which cannot ask a
//   user who is away. Drafts live in this window's memory only, never on disk: a protected espace never
//   keeps a plain copy of its data at rest, and a draft goes with the window — so closing the window asks.
// The browser's back button cannot be stopped by a page; the drafts cover it for the long forms.
// The inactivity lock cannot ask either: when it closes the espace, every form with unsaved changes keeps
// them as a draft — the short ones too, under a key of their screen and record — and the draft comes back
// when the form opens again after unlocking (said by a toast). Memory only, like the long forms' drafts.
// Some forms keep nothing on purpose (useSchemaForm's noDraft), not even through the lock: passphrases and
// sync credentials must not outlive their screen, and the one-field entries (a snooze date, a dismissal
// reason, a new espace's name) are quicker to type again than to explain; leaving them changed still asks.

export type UnsavedProtection = 'ask' | 'draft';

const dirtyForms = new Map<symbol, UnsavedProtection>();

/** Declares, while `dirty`, that this form holds changes not yet saved. */
export function useUnsavedChanges(dirty: boolean, protection: UnsavedProtection): void {
  useEffect(() => {
    if (!dirty) return;
    const token = Symbol('unsaved form');
    dirtyForms.set(token, protection);
    return () => {
      dirtyForms.delete(token);
    };
  }, [dirty, protection]);
}

/** Whether leaving now must ask first: a form without a draft holds unsaved changes. */
export function leavingLosesChanges(): boolean {
  return [...dirtyForms.values()].includes('ask');
}

export interface Draft {
  values: unknown;
  revision: { id: string; updatedAt: string } | undefined;
  keptAt: Date;
}

const drafts = new Map<string, Draft>();

export function keepDraft(key: string, draft: Draft): void {
  drafts.set(key, draft);
}

export function takeDraft(key: string): Draft | undefined {
  return drafts.get(key);
}

export function dropDraft(key: string): void {
  drafts.delete(key);
}

// Edits kept when the inactivity lock (or a lock from another tab) closed the espace: each with the name of
// its form, for the toast that tells where to find them.
interface LockDraft extends Draft {
  workspaceId: string;
  formName: string;
}

const lockDrafts = new Map<string, LockDraft>();
let lockingWorkspace: string | undefined;

const DraftScopeContext = createContext<string | undefined>(undefined);

/** The espace whose forms are shown: their edits can be kept through its lock. Undefined outside one. */
export function useDraftScope(): string | undefined {
  return useContext(DraftScopeContext);
}

/**
 * Said by the espace gate just before it closes an espace for its lock: the forms about to go keep their
 * unsaved changes instead of losing them.
 */
export function keepEditsThroughLock(workspaceId: string): void {
  lockingWorkspace = workspaceId;
}

/** Whether the espace is being locked now, so that a form leaving with changes keeps them. */
export function lockingNow(workspaceId: string | undefined): boolean {
  return workspaceId !== undefined && lockingWorkspace === workspaceId;
}

export function keepLockDraft(key: string, draft: LockDraft): void {
  lockDrafts.set(key, draft);
}

/** The edits kept at the lock for this form, once: they are the form's again. */
export function takeLockDraft(key: string): Draft | undefined {
  const draft = lockDrafts.get(key);
  lockDrafts.delete(key);
  return draft;
}

/** Around an open espace's screens: its forms' key scope, and the toast of edits kept at its last lock. */
export function DraftScope({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const toast = useToast();
  useEffect(() => {
    // The espace is open again: the forms that went with the lock are gone, the next ones start afresh.
    lockingWorkspace = undefined;
    const names = [...new Set([...lockDrafts.values()].filter((d) => d.workspaceId === workspaceId).map((d) => `« ${d.formName} »`))];
    if (names.length === 0) return;
    toast.show(
      names.length === 1
        ? `Votre saisie non enregistrée a été gardée pendant le verrouillage\u00a0: rouvrez ${names[0]} pour la retrouver.`
        : `Vos saisies non enregistrées ont été gardées pendant le verrouillage\u00a0: rouvrez ${names.join(', ')} pour les retrouver.`,
    );
  }, [workspaceId, toast]);
  return <DraftScopeContext.Provider value={workspaceId}>{children}</DraftScopeContext.Provider>;
}

let ask: ((answer: (leave: boolean) => void) => void) | undefined;

/**
 * Asks « Quitter sans enregistrer ? » when a form would lose changes; true when there is nothing to lose
 * or the user chose to leave. For leaving that is not a link (choosing another espace).
 */
export function confirmLeaving(): Promise<boolean> {
  if (!leavingLosesChanges() || !ask) return Promise.resolve(true);
  const question = ask;
  return new Promise((resolve) => question(resolve));
}

function leavingLink(event: MouseEvent): HTMLAnchorElement | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download')) return undefined;
  // Only the app's own routes (hash links): a mailto: or https: link opens outside and loses nothing.
  const href = anchor.getAttribute('href') ?? '';
  if (!href.startsWith('#') && !href.startsWith('/')) return undefined;
  return anchor;
}

/**
 * Mounted once around the routes: holds the question, stops the app's links while a form would lose
 * changes, and asks the window not to close (the browser or Electron shows its own question then).
 */
export function UnsavedChangesGuard() {
  const [answer, setAnswer] = useState<((leave: boolean) => void) | undefined>();

  useEffect(() => {
    ask = (resolve) => {
      let said = false;
      const once = (leave: boolean) => {
        if (said) return;
        said = true;
        resolve(leave);
      };
      setAnswer(() => once);
    };
    const onClick = (event: MouseEvent) => {
      if (!leavingLosesChanges()) return;
      const anchor = leavingLink(event);
      if (!anchor) return;
      event.preventDefault();
      event.stopPropagation();
      ask?.((leave) => {
        if (!leave) return;
        dirtyForms.clear();
        anchor.click();
      });
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirtyForms.size === 0) return;
      event.preventDefault();
      // Older engines need returnValue set; the text itself is the browser's own.
      event.returnValue = '';
    };
    // Capture on the window: before the router's own click handler on the link.
    window.addEventListener('click', onClick, { capture: true });
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      ask = undefined;
      window.removeEventListener('click', onClick, { capture: true });
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const close = (leave: boolean) => {
    answer?.(leave);
    setAnswer(undefined);
  };

  return (
    <ConfirmDialog
      open={answer !== undefined}
      onOpenChange={(open) => {
        if (!open) close(false);
      }}
      title={'Quitter sans enregistrer\u00a0?'}
      description="Des modifications de ce formulaire ne sont pas enregistrées. Si vous quittez, elles seront perdues."
      confirmLabel="Quitter sans enregistrer"
      destructive
      onConfirm={() => close(true)}
    />
  );
}
