import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import { useRenewal, type Renewal } from '../../src/renderer/src/ui/use-renewal';
import { pathTo } from '../../src/renderer/src/ui/paths';

// « Reconduire pour l’exercice suivant » behaves the same on the four screens that offer it (action,
// application, budget, agreement): what the coordinator sees after the click, and after « Annuler ».

type Renewed = { ok: true; created: { id: string } };

function renderButton(renewal: Renewal<Renewed | { ok: false; message: string }>) {
  const location = memoryLocation({ path: pathTo({ screen: 'application', id: 'source' }), record: true });
  function Screen() {
    const renew = useRenewal();
    return (
      <button type="button" onClick={() => renew(renewal)}>
        Reconduire pour l’exercice suivant
      </button>
    );
  }
  render(
    <Router hook={location.hook}>
      <ToastProvider>
        <Screen />
      </ToastProvider>
    </Router>,
  );
  return location;
}

const renewed: Renewed = { ok: true, created: { id: 'renewed' } };
const base = {
  opens: ({ created }: Renewed) => ({ screen: 'application' as const, id: created.id }),
  says: () => 'Demande reconduite pour l’exercice 2028.',
};

describe('useRenewal', () => {
  it('opens what was created, says so, and « Annuler » takes it back', async () => {
    const user = userEvent.setup();
    const undo = vi.fn(async () => ({ ok: true as const }));
    const location = renderButton({ ...base, run: async () => renewed, undo });
    await user.click(screen.getByRole('button', { name: 'Reconduire pour l’exercice suivant' }));
    expect(await screen.findByText('Demande reconduite pour l’exercice 2028.')).toBeTruthy();
    expect(location.history.at(-1)).toBe(pathTo({ screen: 'application', id: 'renewed' }));
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(await screen.findByText('Reconduction annulée.')).toBeTruthy();
    expect(undo).toHaveBeenCalledWith(renewed);
  });

  it('says a refusal in French, stays on the page and offers nothing to undo', async () => {
    const user = userEvent.setup();
    const undo = vi.fn(async () => ({ ok: true as const }));
    const location = renderButton({
      ...base,
      run: async () => ({ ok: false, message: 'Déjà reconduit pour l’exercice 2028. Rien n’a été créé.' }),
      undo,
    });
    await user.click(screen.getByRole('button', { name: 'Reconduire pour l’exercice suivant' }));
    expect(await screen.findByText('Déjà reconduit pour l’exercice 2028. Rien n’a été créé.')).toBeTruthy();
    expect(location.history).toEqual([pathTo({ screen: 'application', id: 'source' })]);
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
    expect(undo).not.toHaveBeenCalled();
  });

  it('says why « Annuler » could not undo (the new record was edited since)', async () => {
    const user = userEvent.setup();
    const message = 'Impossible d’annuler\u00a0: ce changement a déjà été annulé ou n’a pas été fait ici. Rien n’a été changé.';
    renderButton({ ...base, run: async () => renewed, undo: async () => ({ ok: false, message }) });
    await user.click(screen.getByRole('button', { name: 'Reconduire pour l’exercice suivant' }));
    await user.click(await screen.findByRole('button', { name: 'Annuler' }));
    expect(await screen.findByText(/^Impossible d’annuler.*Rien n’a été changé\.$/)).toBeTruthy();
    expect(screen.queryByText('Reconduction annulée.')).toBeNull();
  });

  it('turns a failure of the database into a French message through the one action helper', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const location = renderButton({
      ...base,
      run: async () => {
        throw Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
      },
      undo: async () => ({ ok: true }),
    });
    await user.click(screen.getByRole('button', { name: 'Reconduire pour l’exercice suivant' }));
    expect(await screen.findByText(/^Le disque de cet ordinateur est plein/)).toBeTruthy();
    expect(location.history).toHaveLength(1);
  });
});
