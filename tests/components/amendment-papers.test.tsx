import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContractCard } from '../../src/renderer/src/features/team/contract-card';
import {
  addAttachment,
  deleteAttachment,
  restoreAttachment,
  useAttachments,
  useAttachmentsOf,
} from '../../src/renderer/src/data/attachments-repository';
import { getTeam } from '../../src/renderer/src/data/team-repository';
import { type WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { type RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { AttachmentServicesProvider, type AttachmentServices } from '../../src/renderer/src/ui/attachments-panel';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import type { WorkspaceRecord } from '../../src/renderer/src/domain/workspace';
import { freshWorkspace } from './fresh-workspace';
import { fixtureTeam, TEAM_IDS } from '../fixtures/team';

// Papers on amendments (issue 19): Sofiane's PEC was renewed by an avenant on 1 April 2026; the signed
// avenant is attached to that amendment itself, and the contract's papers list shows it beside its own.
// Only the file dialog is played by the test (it hands over a file as the platform would); the checks, the
// writes and the live lists are the app's own.

const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')]);
const NOT_A_PDF = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04]);

let registry: RegistryDb;
let db: WorkspaceDb;
let workspace: WorkspaceRecord;
/** The file the next « Joindre un fichier » picks, as the platform's file dialog would hand it over. */
let nextFile: { fileName: string; data: Uint8Array };

beforeEach(async () => {
  ({ registry, db, workspace } = await freshWorkspace());
  await db.people.bulkAdd(fixtureTeam.people);
  await db.contracts.bulkAdd(fixtureTeam.contracts);
  await db.amendments.bulkAdd(fixtureTeam.amendments);
  await db.aidedPosts.bulkAdd(fixtureTeam.aidedPosts);
  nextFile = { fileName: 'avenant-renouvellement-signe.pdf', data: PDF };
});

afterEach(() => {
  db.close();
  registry.close();
});

function services(): AttachmentServices {
  return {
    useFiles: (ownerId) => useAttachments(db, ownerId),
    useFilesOf: (ownerIds) => useAttachmentsOf(db, ownerIds),
    attach: async (owner, meta) => {
      const result = await addAttachment(db, owner, nextFile, new Date('2026-11-24T10:00:00Z'), meta);
      return result.ok ? { ok: true, fileName: result.value.fileName } : { ok: false, problem: Object.values(result.errors)[0] ?? '' };
    },
    open: async () => undefined,
    remove: (id) => deleteAttachment(db, id),
    restore: (id) => restoreAttachment(db, id),
  };
}

async function renderSofianePec() {
  const team = await getTeam(db);
  const person = team.people.find((p) => p.id === TEAM_IDS.sofiane)!;
  const contract = team.contracts.find((c) => c.id === TEAM_IDS.sofianePec)!;
  render(
    <ToastProvider>
      <RegistryProvider registry={registry}>
        <WorkspaceProvider workspace={{ record: workspace, db }}>
          <AttachmentServicesProvider value={services()}>
            <ContractCard person={person} contract={contract} team={team} trialRules="eclat" />
          </AttachmentServicesProvider>
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
}

const amendmentPanel = () => screen.getByRole('region', { name: 'Avenant signé — avenant du 1er avr. 2026' });
const contractPanel = () => screen.getByRole('region', { name: 'Pièces du contrat (contrat signé, avenants, convention)' });

describe('the avenant signé, on the amendment itself', () => {
  it('is attached to the amendment and listed with the contract’s papers', async () => {
    const user = userEvent.setup();
    await renderSofianePec();
    expect(await within(amendmentPanel()).findByText('Aucun fichier joint.')).toBeTruthy();
    // One kind of paper and no validity of its own: nothing to choose before attaching.
    expect(within(amendmentPanel()).queryByLabelText('Type de pièce')).toBeNull();
    expect(within(amendmentPanel()).queryByLabelText(/Valable jusqu’au/)).toBeNull();
    // The contract no longer offers « Avenant signé »: it goes on its amendment.
    const contractKinds = within(contractPanel())
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(contractKinds).toEqual(['Contrat de travail signé', 'Convention PEC ou adulte-relais', 'Autre pièce']);

    await user.click(within(amendmentPanel()).getByRole('button', { name: 'Joindre un fichier' }));
    expect(await within(amendmentPanel()).findByText('Avenant signé — avenant-renouvellement-signe.pdf')).toBeTruthy();
    const stored = await db.attachments.toArray();
    expect(
      stored.map(({ ownerId, ownerKind, paperKind, validUntil, fileName }) => ({ ownerId, ownerKind, paperKind, validUntil, fileName })),
    ).toEqual([
      {
        ownerId: TEAM_IDS.sofianeRenewal,
        ownerKind: 'amendment',
        paperKind: 'signed-amendment',
        validUntil: undefined,
        fileName: 'avenant-renouvellement-signe.pdf',
      },
    ]);

    // The contract's papers list shows its amendment's avenant, to open; it is removed on the amendment.
    const fromAmendments = await within(contractPanel()).findByRole('list', { name: 'Pièces des avenants' });
    expect(within(fromAmendments).getByRole('listitem').textContent).toContain(
      'Avenant signé — avenant du 1er avr. 2026 — avenant-renouvellement-signe.pdf',
    );
    expect(within(fromAmendments).getByRole('button', { name: 'Ouvrir avenant-renouvellement-signe.pdf' })).toBeTruthy();
    expect(within(fromAmendments).queryByRole('button', { name: /Supprimer/ })).toBeNull();
    expect(within(contractPanel()).queryByText('Aucun fichier joint.')).toBeNull();
  });

  it('refuses a file that is not what its name says, in French, and attaches nothing', async () => {
    const user = userEvent.setup();
    nextFile = { fileName: 'avenant.pdf', data: NOT_A_PDF };
    await renderSofianePec();
    await user.click(await within(amendmentPanel()).findByRole('button', { name: 'Joindre un fichier' }));
    expect((await within(amendmentPanel()).findByRole('alert')).textContent).toBe(
      '« avenant.pdf »\u00a0: le contenu n’est pas celui d’un fichier PDF, malgré son nom. Il n’a pas été joint.',
    );
    expect(within(amendmentPanel()).getByText('Aucun fichier joint.')).toBeTruthy();
    expect(within(contractPanel()).queryByRole('list', { name: 'Pièces des avenants' })).toBeNull();
    expect(await db.attachments.count()).toBe(0);
  });
});
