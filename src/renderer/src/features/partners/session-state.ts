import { useEffect, useState } from 'react';

// Filters survive navigation (DESIGN.md, The screens): kept for the session, per espace, not stored.
const remembered = new Map<string, string>();

export function useRememberedState(key: string, initial: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => remembered.get(key) ?? initial);
  useEffect(() => {
    remembered.set(key, value);
  }, [key, value]);
  return [value, setValue];
}
