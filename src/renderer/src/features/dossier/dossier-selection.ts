import { useCallback, useMemo } from 'react';
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

/** What the session keeps: the year only once chosen, so that the default follows the association's exercise. */
type StoredSelection = Omit<DossierSelection, 'year'> & { year?: number | undefined };

/** `defaultYear` (defaultDossierExercise) applies until the user picks a year; it may change once the profile is read. */
export function useDossierSelection(workspaceId: string, defaultYear: number) {
  const [stored, setStored] = useRememberedState<StoredSelection>(`passerelle:dossier:${workspaceId}`, {
    funderIds: [],
    applicationIds: [],
    projectIds: [],
  });
  const selection = useMemo<DossierSelection>(() => ({ ...stored, year: stored.year ?? defaultYear }), [stored, defaultYear]);
  const update = useCallback((change: Partial<DossierSelection>) => setStored((current) => ({ ...current, ...change })), [setStored]);
  return [selection, update] as const;
}

export function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}
