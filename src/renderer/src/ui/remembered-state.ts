import { useCallback, useState } from 'react';

// Filters and the chosen year survive navigation (DESIGN.md, The screens): kept for the session in
// sessionStorage, per espace, so that coming back to the list finds it as it was left.

export function useRememberedState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.sessionStorage.getItem(key);
      return stored === null ? initial : { ...initial, ...(JSON.parse(stored) as T) };
    } catch {
      return initial;
    }
  });
  const remember = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or refused: the value still holds for this screen.
      }
    },
    [key],
  );
  return [value, remember];
}
