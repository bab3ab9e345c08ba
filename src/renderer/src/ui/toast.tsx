import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { failureMessage } from './failure-message';

export interface ToastAction {
  label: string;
  run: () => unknown;
}

interface ToastMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: ToastAction | undefined;
  shownAt: number;
}

interface ToastApi {
  show: (text: string, options?: { tone?: 'info' | 'error'; action?: ToastAction }) => void;
  /**
   * Drops the toasts of the page the user left. Those said just now stay: an action that navigates (a
   * deletion going back to the list) says its « Annuler » on the page it lands on.
   */
  clear: () => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const TOAST_DURATION_MS = 8000;
/** More would cover the page: the newest two are shown. */
export const VISIBLE_TOASTS = 2;
const JUST_SAID_MS = 1000;

/**
 * Short confirmations after an action, read by screen readers; some offer « Annuler ». At most two are
 * shown, the newest (an older one gives way, plain confirmations before those offering « Annuler »); each
 * stays its full time; navigating clears them.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
    setToasts((all) => all.filter((t) => t.id !== id));
  }, []);

  const show = useCallback<ToastApi['show']>((text, options) => {
    const id = nextId.current++;
    setToasts((all) => {
      const next = [...all, { id, text, tone: options?.tone ?? ('info' as const), action: options?.action, shownAt: Date.now() }];
      // The newest news is what the user is looking for: past two, an older plain confirmation gives way
      // first, one offering « Annuler » last (Ctrl+Z and the journal still undo it).
      while (next.length > VISIBLE_TOASTS) {
        const plain = next.findIndex((t, index) => index < next.length - 1 && t.action === undefined);
        const [gone] = next.splice(plain >= 0 ? plain : 0, 1);
        if (gone) {
          window.clearTimeout(timers.current.get(gone.id));
          timers.current.delete(gone.id);
        }
      }
      return next;
    });
  }, []);

  const clear = useCallback(() => {
    const before = Date.now() - JUST_SAID_MS;
    setToasts((all) => {
      for (const toast of all.filter((t) => t.shownAt < before)) {
        window.clearTimeout(timers.current.get(toast.id));
        timers.current.delete(toast.id);
      }
      return all.filter((t) => t.shownAt >= before);
    });
  }, []);

  const visible = toasts;
  useEffect(() => {
    for (const toast of visible) {
      if (!timers.current.has(toast.id))
        timers.current.set(
          toast.id,
          window.setTimeout(() => dismiss(toast.id), TOAST_DURATION_MS),
        );
    }
  }, [visible, dismiss]);

  const api = useMemo(() => ({ show, clear }), [show, clear]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {visible.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            <span>{toast.text}</span>
            {toast.action ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  dismiss(toast.id);
                  Promise.resolve()
                    .then(() => toast.action?.run())
                    .catch((error: unknown) => {
                      console.error('Passerelle: a toast action failed', error);
                      show(failureMessage(error), { tone: 'error' });
                    });
                }}
              >
                {toast.action.label}
              </button>
            ) : null}
            <button type="button" className="toast__close" aria-label="Fermer le message" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>.');
  return api;
}
