import { useCallback, useState } from 'react';

// Filters, the chosen year and the dossier being prepared survive navigation (DESIGN.md, The screens):
// kept for the browser session in sessionStorage, under a key that names the espace, so that coming back
// to a screen finds it as it was left — and another espace does not see it. One hook for every screen.

type Update<T> = T | ((current: T) => T);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What the session holds under `key`, else `initial`. A stored object is laid over `initial`, so that a
 * field added since still has its default; a stored value of another type than `initial` (tampered,
 * written by an older screen) is ignored.
 */
export function readRemembered<T>(key: string, initial: T): T {
  try {
    const stored = window.sessionStorage.getItem(key);
    if (stored === null) return initial;
    const parsed: unknown = JSON.parse(stored);
    if (isPlainObject(initial)) return isPlainObject(parsed) ? ({ ...initial, ...parsed } as T) : initial;
    return typeof parsed === typeof initial && Array.isArray(parsed) === Array.isArray(initial) ? (parsed as T) : initial;
  } catch {
    return initial;
  }
}

export function useRememberedState<T>(key: string, initial: T): [T, (next: Update<T>) => void] {
  const [state, setState] = useState(() => ({ key, value: readRemembered(key, initial) }));
  // Another key (another espace, another record) reads its own value rather than showing the last one.
  const value = state.key === key ? state.value : readRemembered(key, initial);
  const remember = useCallback(
    (next: Update<T>) => {
      setState((current) => {
        const base = current.key === key ? current.value : readRemembered(key, initial);
        const updated = typeof next === 'function' ? (next as (current: T) => T)(base) : next;
        try {
          window.sessionStorage.setItem(key, JSON.stringify(updated));
        } catch {
          // Storage full or refused: the value still holds for this screen.
        }
        return { key, value: updated };
      });
    },
    // `initial` is a default read once per key; a new literal on each render must not make a new setter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return [value, remember];
}
