import { z } from 'zod';
import { fieldMessage } from './fields';
import type { RecordStamps } from './record';

export interface WorkspaceRecord extends RecordStamps {
  name: string;
  /** The example association (« Découvrir avec une association exemple »), never real data. */
  example?: boolean;
}

export const WORKSPACE_NAME_MAX = 120;

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, { error: fieldMessage('Nom de l’espace', 'champ obligatoire.') })
  .max(WORKSPACE_NAME_MAX, { error: fieldMessage('Nom de l’espace', `${WORKSPACE_NAME_MAX} caractères au maximum.`) });

/** Réglages' rename of an espace: its one field. */
export const workspaceRenameSchema = z.object({ name: workspaceNameSchema });
export type WorkspaceRenameValues = { name: string };

/** Deleting an espace is confirmed by typing its name; spacing and case are forgiven, nothing else. */
export function deletionConfirmed(workspaceName: string, typed: string): boolean {
  const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
  return fold(typed) !== '' && fold(typed) === fold(workspaceName);
}

/** A name for a backup file of an espace: `Passerelle-<name>-<date>.json`, safe on every file system. */
export function backupFileName(workspaceName: string, isoDate: string): string {
  const safe = workspaceName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `Passerelle-${safe || 'espace'}-${isoDate}.zip`;
}
