import { useCallback, useState } from 'react';
import type { DeadlineDomain } from '../../domain/deadlines/deadline';

// The dashboard's domain filter (Équipe, Financements, Partenaires, Pièces), remembered per espace across
// restarts in localStorage: a coordinator who only follows grants should not have to untick Équipe daily.

export const DOMAIN_FILTERS: readonly { key: DeadlineDomain; label: string }[] = [
  { key: 'team', label: 'Équipe' },
  { key: 'funding', label: 'Financements' },
  { key: 'partners', label: 'Partenaires' },
  { key: 'documents', label: 'Pièces' },
];

const ALL = DOMAIN_FILTERS.map((f) => f.key);

function storageKey(workspaceId: string): string {
  return `passerelle:dashboard-domains:${workspaceId}`;
}

function readFilter(workspaceId: string): ReadonlySet<DeadlineDomain> {
  try {
    const stored = window.localStorage.getItem(storageKey(workspaceId));
    if (stored === null) return new Set(ALL);
    const parsed: unknown = JSON.parse(stored);
    return new Set(Array.isArray(parsed) ? ALL.filter((k) => parsed.includes(k)) : ALL);
  } catch {
    return new Set(ALL);
  }
}

export function useDomainFilter(workspaceId: string): [ReadonlySet<DeadlineDomain>, (next: ReadonlySet<DeadlineDomain>) => void] {
  const [filter, setFilter] = useState(() => readFilter(workspaceId));
  const remember = useCallback(
    (next: ReadonlySet<DeadlineDomain>) => {
      setFilter(next);
      try {
        window.localStorage.setItem(storageKey(workspaceId), JSON.stringify([...next]));
      } catch {
        // Storage refused: the choice holds for this visit.
      }
    },
    [workspaceId],
  );
  return [filter, remember];
}
