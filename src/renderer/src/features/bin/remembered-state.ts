import { useEffect, useState } from 'react';

// The journal's filters survive navigation (DESIGN.md, The screens): kept for the session, not stored.
const remembered = new Map<string, string>();

export function useRememberedFilter(key: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => remembered.get(key) ?? '');
  useEffect(() => {
    remembered.set(key, value);
  }, [key, value]);
  return [value, setValue];
}
