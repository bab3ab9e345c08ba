import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastAction {
  label: string;
  run: () => unknown;
}

interface ToastMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: ToastAction | undefined;
}

interface ToastApi {
  show: (text: string, options?: { tone?: 'info' | 'error'; action?: ToastAction }) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const TOAST_DURATION_MS = 8000;

/** Short confirmations after an action, read by screen readers; some offer « Annuler ». */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);

  const show = useCallback<ToastApi['show']>(
    (text, options) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-2), { id, text, tone: options?.tone ?? 'info', action: options?.action }]);
      window.setTimeout(() => dismiss(id), TOAST_DURATION_MS);
    },
    [dismiss],
  );

  const api = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            <span>{toast.text}</span>
            {toast.action ? (
              <button
                type="button"
                className="button button--small"
                onClick={async () => {
                  dismiss(toast.id);
                  await toast.action?.run();
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
