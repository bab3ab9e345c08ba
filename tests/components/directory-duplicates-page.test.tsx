import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DirectoryDuplicatesPage } from '../../src/renderer/src/features/partners/directory-duplicates-page';
import { type WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { type RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { saveFunder } from '../../src/renderer/src/data/funding-repository';
import { listPartners, savePartner } from '../../src/renderer/src/data/partners-repository';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import type { WorkspaceRecord } from '../../src/renderer/src/domain/workspace';
import { freshWorkspace } from './fresh-workspace';

// The merge screen as the coordinator meets it: the same SIRET comes ticked, a « Ville de » / « Mairie de »
// pair does not, and only what is ticked is merged.

let registry: RegistryDb;
let db: WorkspaceDb;
let workspace: WorkspaceRecord;

beforeEach(async () => {
  ({ registry, db, workspace } = await freshWorkspace());
  const now = new Date('2026-11-24T09:00:00Z');
  const later = new Date('2026-11-24T09:30:00Z');
  await saveFunder(db, { name: 'CAF de la Seine-Saint-Denis', kind: 'social-bodies', portal: 'paper', siret: '77568453300018' }, { now });
  await savePartner(db, { name: 'CAF 93', kind: 'public', publicSubKind: 'other-public', siret: '775 684 533 00018' }, undefined, later);
  await saveFunder(db, { name: 'Ville de Bobigny', kind: 'municipality', portal: 'funder-portal' }, { now });
  await savePartner(db, { name: 'Mairie de Bobigny', kind: 'public', publicSubKind: 'mairie' }, undefined, later);
});

afterEach(() => {
  db.close();
  registry.close();
});

function renderPage() {
  render(
    <ToastProvider>
      <RegistryProvider registry={registry}>
        <WorkspaceProvider workspace={{ record: workspace, db }}>
          <DirectoryDuplicatesPage />
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
}

describe('the merge screen', () => {
  it('ticks the same SIRET, not « Ville de » / « Mairie de », and merges only what is ticked', async () => {
    const user = userEvent.setup();
    renderPage();
    const siret = await screen.findByRole('checkbox', { name: 'Fusionner « CAF 93 » dans « CAF de la Seine-Saint-Denis »' });
    const town = screen.getByRole('checkbox', { name: 'Fusionner « Mairie de Bobigny » dans « Ville de Bobigny »' });
    expect((siret as HTMLInputElement).checked).toBe(true);
    expect((town as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('Fusionner (même commune, nommée autrement — à vérifier)')).toBeTruthy();

    // Nothing ticked, nothing to do.
    await user.click(siret);
    expect((screen.getByRole('button', { name: 'Fusionner la fiche cochée' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(siret);

    const item = siret.closest('li')!;
    expect(within(item as HTMLElement).getByText('CAF de la Seine-Saint-Denis')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Fusionner la fiche cochée' }));
    expect(await screen.findByText('Fiches fusionnées.')).toBeTruthy();
    expect((await listPartners(db)).map((p) => p.name)).toEqual(['CAF de la Seine-Saint-Denis', 'Mairie de Bobigny', 'Ville de Bobigny']);
  });
});
