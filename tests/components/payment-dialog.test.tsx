import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PaymentDialog } from '../../src/renderer/src/features/funding/payment-dialog';
import { saveGrantApplication, savePayment, useGrantApplication, usePayments } from '../../src/renderer/src/data/funding-repository';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import type { PaymentRecord } from '../../src/renderer/src/domain/funding/payment';
import { freshWorkspace, type FreshWorkspace } from './fresh-workspace';

// The payment dialog on the one form wiring: every refusal of one try comes in that round (a negative
// amount, an amount that is no amount, a reception dated tomorrow), nothing is saved; and a tranche or a
// grant changed in another tab is said in the open dialog before the user types further.

const NBSP = '\u00a0';
const stamps = { createdAt: '2026-05-01T09:00:00.000Z', updatedAt: '2026-05-01T09:00:00.000Z', deletedAt: null };
let espace: FreshWorkspace;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T10:00:00+01:00'));
  espace = await freshWorkspace();
  await espace.db.funders.add({
    id: 'funder-city',
    name: 'Ville de Saint-Denis',
    kind: 'municipality',
    portal: 'funder-portal',
    ...stamps,
  });
  await espace.db.grantApplications.add({
    id: 'app-festival',
    ...stamps,
    funderId: 'funder-city',
    title: 'Fête de quartier 2026',
    purpose: 'project',
    renewal: false,
    multiYear: false,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    filedOn: '2026-02-01',
    decidedOn: '2026-03-20',
    status: 'granted',
    requestedCents: 750_000,
    grantedCents: 750_000,
    reportDelayMonths: 6,
  } as never);
});

afterEach(() => {
  espace.db.close();
  espace.registry.close();
  vi.useRealTimers();
});

/**
 * The application page's part: the grant and its payments read live, the dialog open on the payment as it
 * was clicked (application-page.tsx keeps that one, not the live one).
 */
function Harness({ paymentId }: { paymentId?: string }) {
  const application = useGrantApplication(espace.db, 'app-festival');
  const payments = usePayments(espace.db, 'app-festival');
  const [clicked, setClicked] = useState<PaymentRecord | undefined | null>(null);
  if (!application || !payments) return null;
  if (clicked === null) {
    setClicked(paymentId ? payments.find((p) => p.id === paymentId) : undefined);
    return null;
  }
  return (
    <PaymentDialog
      open
      onOpenChange={() => {}}
      applicationId="app-festival"
      application={application}
      payments={payments}
      payment={clicked}
    />
  );
}

function renderDialog(paymentId?: string) {
  render(
    <ToastProvider>
      <RegistryProvider registry={espace.registry}>
        <WorkspaceProvider workspace={{ record: espace.workspace, db: espace.db }}>
          <Harness {...(paymentId ? { paymentId } : {})} />
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
}

describe('payment dialog', () => {
  it('shows every error of a try in one round, under its field, and saves nothing', async () => {
    const user = userEvent.setup();
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau versement' });
    await user.type(within(dialog).getByLabelText(/Montant prévu/), '-2 500');
    await user.type(within(dialog).getByLabelText('Date de réception'), '2026-11-25');
    await user.type(within(dialog).getByLabelText('Montant reçu'), '12,345');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le versement' }));

    await waitFor(() => expect(within(dialog).getByText(/champs sont à corriger/)).toBeTruthy());
    const messages = within(dialog)
      .getAllByRole('alert')
      .map((a) => a.textContent);
    expect(messages).toEqual(
      expect.arrayContaining([
        `4 champs sont à corriger avant d’enregistrer${NBSP}: rien n’a été enregistré.`,
        `Date prévue${NBSP}: champ obligatoire.`,
        `Montant prévu${NBSP}: les montants ne peuvent pas être négatifs.`,
        `Date de réception${NBSP}: dans le futur — laissez la réception vide tant que le versement n’est pas arrivé.`,
        `Montant reçu${NBSP}: 2 chiffres au plus après la virgule (les centimes).`,
      ]),
    );
    // The first field in error has the focus.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText(/Date prévue/)));
    expect(await espace.db.payments.count()).toBe(0);
  });

  it('refuses a zero tranche and a date years away from the grant, in the same round', async () => {
    const user = userEvent.setup();
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau versement' });
    await user.type(within(dialog).getByLabelText(/Date prévue/), '2062-05-01');
    await user.type(within(dialog).getByLabelText(/Montant prévu/), '0');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le versement' }));
    await waitFor(() => expect(within(dialog).getByText(/2 champs sont à corriger/)).toBeTruthy());
    expect(
      within(dialog)
        .getAllByRole('alert')
        .map((a) => a.textContent),
    ).toEqual(
      expect.arrayContaining([
        `Montant prévu${NBSP}: doit être supérieur à zéro.`,
        `Date prévue${NBSP}: trop loin de la période de la subvention — vérifiez l’année.`,
      ]),
    );
    expect(await espace.db.payments.count()).toBe(0);
  });

  it('warns of an overpayment as it is typed, and saves the tranche once it is right', async () => {
    const user = userEvent.setup();
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau versement' });
    await user.type(within(dialog).getByLabelText(/Date prévue/), '2026-05-01');
    await user.type(within(dialog).getByLabelText(/Montant prévu/), '7 500');
    await user.type(within(dialog).getByLabelText('Date de réception'), '2026-05-04');
    await user.type(within(dialog).getByLabelText('Montant reçu'), '9 000');
    expect(within(dialog).getByText(/trop-perçu de 1\s500,00\s€/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le versement' }));
    await waitFor(async () => expect(await espace.db.payments.count()).toBe(1));
    const [saved] = await espace.db.payments.toArray();
    expect(saved).toMatchObject({ expectedCents: 750_000, receivedDate: '2026-05-04', receivedCents: 900_000 });
  });

  it('says, in the open dialog, that the tranche or the grant changed in another tab', async () => {
    const created = await savePayment(espace.db, {
      applicationId: 'app-festival',
      label: 'Avance',
      expectedDate: '2026-05-01',
      expectedCents: '3 000',
    });
    if (!created.ok) throw new Error('expected a payment');
    renderDialog(created.value.id);
    const dialog = await screen.findByRole('dialog', { name: 'Modifier le versement' });
    expect((within(dialog).getByLabelText('Libellé') as HTMLInputElement).value).toBe('Avance');
    expect(within(dialog).queryByText(/vient d’être modifiée ailleurs/)).toBeNull();

    // Another tab records the reception of this tranche.
    await act(async () => {
      const elsewhere = await savePayment(
        espace.db,
        {
          applicationId: 'app-festival',
          label: 'Avance',
          expectedDate: '2026-05-01',
          expectedCents: 300_000,
          receivedDate: '2026-05-06',
          receivedCents: 300_000,
        },
        { id: { id: created.value.id, updatedAt: created.value.updatedAt }, now: new Date('2026-11-24T10:05:00+01:00') },
      );
      expect(elsewhere.ok).toBe(true);
    });
    expect(await within(dialog).findByText(/Cette fiche vient d’être modifiée ailleurs/)).toBeTruthy();

    // Another tab amends the grant: the dialog says its warnings now follow the new amount.
    const app = (await espace.db.grantApplications.get('app-festival'))!;
    await act(async () => {
      const { createdAt: _c, updatedAt, deletedAt: _d, ...fields } = app;
      const amended = await saveGrantApplication(espace.db, { ...fields, grantedCents: 500_000 }, { id: { id: app.id, updatedAt } });
      expect(amended.ok).toBe(true);
    });
    expect(await within(dialog).findByText(/La demande vient d’être modifiée ailleurs/)).toBeTruthy();
  });
});
