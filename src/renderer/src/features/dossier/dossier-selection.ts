import { useCallback } from 'react';
import { useRememberedState } from '../../ui/remembered-state';

// The dossier being prepared (year, funders, applications, actions) survives a trip to the screen that
// fixes a checklist item: it is kept for the browser session, per espace.

export interface DossierSelection {
  year: number;
  funderIds: string[];
  applicationIds: string[];
  projectIds: string[];
  /** §4's exercise (its start year); the last closed exercise when absent. */
  referenceYear?: number | undefined;
  /** The answer on public aid, asked only when the records cannot tell. */
  publicAidAnswer?: 'at-most' | 'above' | undefined;
  /** Who signs when it is not the legal representative (a pouvoir is then joined). */
  delegatedSignatory?: { name: string; role: string } | undefined;
}

export function useDossierSelection(workspaceId: string, defaultYear: number) {
  const [selection, setSelection] = useRememberedState<DossierSelection>(`passerelle:dossier:${workspaceId}`, {
    year: defaultYear,
    funderIds: [],
    applicationIds: [],
    projectIds: [],
  });
  const update = useCallback(
    (change: Partial<DossierSelection>) => setSelection((current) => ({ ...current, ...change })),
    [setSelection],
  );
  return [selection, update] as const;
}

export function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}
