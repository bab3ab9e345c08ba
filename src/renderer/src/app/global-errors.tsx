import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { failureMessage } from '../ui/failure-message';
import { useToast } from '../ui/toast';

// The net under every handler: a promise nobody awaited or an error nobody caught still reaches the
// user as a French toast, with the details kept in the console.

// Browser noise that is not a failure of the user's work.
const IGNORED = [/ResizeObserver loop/];

export function GlobalErrors() {
  const toast = useToast();
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      console.error('Passerelle: unhandled rejection', event.reason);
      event.preventDefault();
      toast.show(failureMessage(event.reason), { tone: 'error' });
    };
    const onError = (event: ErrorEvent) => {
      if (IGNORED.some((pattern) => pattern.test(event.message))) return;
      console.error('Passerelle: uncaught error', event.error ?? event.message);
      toast.show(failureMessage(event.error), { tone: 'error' });
    };
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    };
  }, [toast]);
  return null;
}

/** Toasts belong to the page they were said on: going elsewhere clears them. */
export function ToastsFollowNavigation() {
  const [location] = useLocation();
  const { clear } = useToast();
  useEffect(() => clear, [location, clear]);
  return null;
}
