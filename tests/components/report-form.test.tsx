import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReportFormPage } from '../../src/renderer/src/features/dossier/report-form-page';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import { saveFinancialReport } from '../../src/renderer/src/data/dossier-repository';
import { freshWorkspace, type FreshWorkspace } from './fresh-workspace';

// The compte-rendu form on the one form wiring: an invalid « Réalisation » is refused under its line — never
// dropped with « Compte-rendu enregistré » — every error of the try shows at once, the first has the focus,
// and nothing is saved; once corrected, the whole-euro amounts are stored in cents.

const NBSP = '\u00a0';
const stamps = { createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', deletedAt: null };
let espace: FreshWorkspace;

const line = (id: string, account: string, euros: number, extra: object = {}) => ({
  id,
  ...stamps,
  budgetId: 'budget-festival',
  account,
  amountCents: euros * 100,
  position: Number(id.slice(-1)),
  ...extra,
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T10:00:00+01:00'));
  espace = await freshWorkspace();
  const { db } = espace;
  await db.funders.add({ id: 'city', ...stamps, name: 'Ville de Saint-Denis', kind: 'municipality', portal: 'funder-portal' } as never);
  await db.grantApplications.add({
    id: 'app-festival',
    ...stamps,
    funderId: 'city',
    title: 'Fête de quartier 2026',
    purpose: 'project',
    renewal: true,
    multiYear: false,
    periodStart: '2026-01-01',
    periodEnd: '2026-07-31',
    status: 'granted',
    filedOn: '2026-01-10',
    decidedOn: '2026-03-01',
    requestedCents: 300_000,
    grantedCents: 300_000,
    reportDelayMonths: 6,
  } as never);
  await db.budgets.add({ id: 'budget-festival', ...stamps, scope: 'project', projectId: 'festival', year: 2026 } as never);
  await db.budgetLines.bulkAdd([
    line('line-1', '60.services', 7_000),
    line('line-2', '74.municipality', 3_000, { funderId: 'city', grantApplicationId: 'app-festival' }),
    line('line-3', '70', 4_000),
  ] as never);
});

afterEach(() => {
  espace.db.close();
  espace.registry.close();
  vi.useRealTimers();
});

function renderPage() {
  return render(
    <ToastProvider>
      <RegistryProvider registry={espace.registry}>
        <WorkspaceProvider workspace={{ record: espace.workspace, db: espace.db }}>
          <ReportFormPage params={{ applicationId: 'app-festival' }} />
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
}

describe('compte-rendu form', () => {
  it('refuses invalid amounts and a text too long in one round, focuses the first, and saves nothing', async () => {
    const user = userEvent.setup();
    renderPage();
    const services = await screen.findByLabelText('Réalisation — Prestations de services');
    // Line 74 comes pre-filled with nothing received yet: 0.
    expect((screen.getByLabelText('Réalisation — Commune : Ville de Saint-Denis') as HTMLInputElement).value).toBe('0');
    await user.type(services, '12,345');
    await user.type(screen.getByLabelText(/Réalisation — Ventes de produits finis/), '-4 000');
    await user.type(screen.getByLabelText('Nom du signataire'), 'x'.repeat(201));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));

    await waitFor(() => expect(screen.getByText(/3 champs sont à corriger/)).toBeTruthy());
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(
      expect.arrayContaining([
        `3 champs sont à corriger avant d’enregistrer${NBSP}: rien n’a été enregistré.`,
        `Réalisation${NBSP}: 2 chiffres au plus après la virgule (les centimes).`,
        `Réalisation${NBSP}: les montants ne peuvent pas être négatifs.`,
        `Nom du signataire${NBSP}: 200 caractères au maximum (201 saisis).`,
      ]),
    );
    expect(screen.queryByText('Compte-rendu enregistré.')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(services));
    expect(await espace.db.financialReports.count()).toBe(0);
  });

  it('refuses one cent on the Cerfa, then saves the corrected whole euros in cents', async () => {
    const user = userEvent.setup();
    renderPage();
    const services = await screen.findByLabelText('Réalisation — Prestations de services');
    await user.type(services, '8 500,01');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(await screen.findByText(/^Réalisation\s: montant en euros entiers attendu, sans centimes \(ex\. 1 234\)\.$/)).toBeTruthy();
    expect(await espace.db.financialReports.count()).toBe(0);

    await user.clear(services);
    await user.type(services, '8 500');
    await user.type(screen.getByLabelText('Déroulement de l’action'), 'La fête a réuni 950 habitants.');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(await screen.findByText('Compte-rendu enregistré.')).toBeTruthy();
    const [stored] = await espace.db.financialReports.toArray();
    expect(stored).toMatchObject({ grantApplicationId: 'app-festival', exercise: 1, howItRan: 'La fête a réuni 950 habitants.' });
    expect(stored!.lines.map((l) => [l.account, l.actualCents])).toEqual([
      ['60.services', 850_000],
      ['70', undefined],
      ['74.municipality', 0],
    ]);
    // A single-year grant has one compte-rendu: no exercise to pick.
    expect(screen.queryByLabelText('Exercice du compte-rendu')).toBeNull();
  });

  it('says a change made in another tab before the user types further, then merges fields that do not overlap', async () => {
    const user = userEvent.setup();
    const first = await saveFinancialReport(espace.db, { grantApplicationId: 'app-festival', howItRan: 'Première version.' });
    if (!first.ok) throw new Error('expected a report');
    renderPage();
    const howItRan = await screen.findByLabelText('Déroulement de l’action');
    expect((howItRan as HTMLTextAreaElement).value).toBe('Première version.');
    await user.clear(howItRan);
    await user.type(howItRan, 'La fête a réuni 950 habitants.');

    // Another tab writes the signatory on the same compte-rendu.
    await act(async () => {
      const { id, createdAt: _c, updatedAt, deletedAt: _d, ...fields } = first.value;
      const elsewhere = await saveFinancialReport(
        espace.db,
        { ...fields, signatoryName: 'Aminata Diallo' },
        new Date('2026-11-24T10:05:00+01:00'),
        updatedAt,
      );
      expect(elsewhere.ok && elsewhere.value.id === id).toBe(true);
    });
    expect(await screen.findByText(/Cette fiche vient d’être modifiée ailleurs/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    await waitFor(async () => expect((await espace.db.financialReports.toArray())[0]?.howItRan).toBe('La fête a réuni 950 habitants.'));
    const [stored] = await espace.db.financialReports.toArray();
    // Both changes kept: the other tab's signatory, this tab's text.
    expect(stored).toMatchObject({ signatoryName: 'Aminata Diallo', howItRan: 'La fête a réuni 950 habitants.' });
    expect(await espace.db.financialReports.count()).toBe(1);
  });

  it('keeps a draft when the user leaves with changes, and gives it back on return', async () => {
    const user = userEvent.setup();
    const first = renderPage();
    await user.type(await screen.findByLabelText('Déroulement de l’action'), 'Brouillon du lundi.');
    first.unmount();
    expect(await espace.db.financialReports.count()).toBe(0);

    renderPage();
    expect(((await screen.findByLabelText('Déroulement de l’action')) as HTMLTextAreaElement).value).toBe('Brouillon du lundi.');
    expect(screen.getByText(/Brouillon non enregistré rétabli/)).toBeTruthy();
  });

  it('refuses to overwrite a compte-rendu started in another tab while this one was blank, and offers to take it up', async () => {
    const user = userEvent.setup();
    renderPage();
    const howItRan = await screen.findByLabelText('Déroulement de l’action');
    await user.type(howItRan, 'Version de cet onglet.');
    await act(async () => {
      const elsewhere = await saveFinancialReport(espace.db, {
        grantApplicationId: 'app-festival',
        howItRan: 'Version de l’autre onglet.',
      });
      expect(elsewhere.ok).toBe(true);
    });
    expect(await screen.findByText(/Un compte-rendu de cet exercice vient d’être commencé ailleurs/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(await screen.findByText(/Ce compte-rendu vient d’être commencé ailleurs .*rien n’a été enregistré/)).toBeTruthy();
    expect((await espace.db.financialReports.toArray()).map((r) => r.howItRan)).toEqual(['Version de l’autre onglet.']);

    await user.click(screen.getByRole('button', { name: 'Reprendre le compte-rendu commencé ailleurs' }));
    await waitFor(() => expect((howItRan as HTMLTextAreaElement).value).toBe('Version de l’autre onglet.'));
    expect(screen.queryByText(/Un compte-rendu de cet exercice vient d’être commencé ailleurs/)).toBeNull();
    // The table follows the compte-rendu taken up (the other tab's has no lines yet), not the one first shown.
    expect(screen.queryByLabelText('Réalisation — Prestations de services')).toBeNull();
  });
});
