import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { newPassphraseSchema, type NewPassphraseValues } from '../../src/renderer/src/domain/workspace-lock';
import { TextField } from '../../src/renderer/src/ui/field';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import { DraftScope, keepEditsThroughLock } from '../../src/renderer/src/ui/unsaved-changes';
import { useSchemaForm } from '../../src/renderer/src/ui/use-schema-form';

// A form that keeps nothing (passphrases, sync credentials): what was typed is gone with the inactivity
// lock, where another form of the same screen gets it back after unlocking. Also: its errors come in one
// round (a passphrase too short and a confirmation that differs, said together).

function PassphraseForm({ noDraft }: { noDraft: boolean }) {
  const { formRef, field, onSubmit, summary } = useSchemaForm<NewPassphraseValues, NewPassphraseValues>({
    schema: newPassphraseSchema,
    defaultValues: { passphrase: '', confirmation: '' },
    noDraft,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit(() => undefined)} noValidate aria-label="Protéger cet espace">
      {summary}
      <TextField label="Phrase de passe" type="password" {...field('passphrase')} />
      <TextField label="Confirmation de la phrase de passe" type="password" {...field('confirmation')} />
      <button type="submit">Protéger</button>
    </form>
  );
}

function Screen({ open, noDraft }: { open: boolean; noDraft: boolean }) {
  return (
    <ToastProvider>
      <DraftScope workspaceId="espace-1">{open ? <PassphraseForm noDraft={noDraft} /> : <p>Espace verrouillé</p>}</DraftScope>
    </ToastProvider>
  );
}

async function typeThenLockThenUnlock(noDraft: boolean): Promise<string> {
  const user = userEvent.setup();
  const { rerender, unmount } = render(<Screen open noDraft={noDraft} />);
  await user.type(screen.getByLabelText('Phrase de passe'), 'le chat dort au soleil');
  keepEditsThroughLock('espace-1');
  rerender(<Screen open={false} noDraft={noDraft} />);
  rerender(<Screen open noDraft={noDraft} />);
  const value = (screen.getByLabelText('Phrase de passe') as HTMLInputElement).value;
  unmount();
  return value;
}

describe('a form that keeps nothing', () => {
  it('loses a typed passphrase through the lock, where a form with drafts keeps it', async () => {
    expect(await typeThenLockThenUnlock(false)).toBe('le chat dort au soleil');
    expect(await typeThenLockThenUnlock(true)).toBe('');
  });

  it('says a too short passphrase and a different confirmation in one round', async () => {
    const user = userEvent.setup();
    render(<Screen open noDraft />);
    await user.type(screen.getByLabelText('Phrase de passe'), 'court');
    await user.type(screen.getByLabelText('Confirmation de la phrase de passe'), 'autre');
    await user.click(screen.getByRole('button', { name: 'Protéger' }));
    expect(await screen.findByText('Phrase de passe : 8 caractères au moins.')).toBeTruthy();
    expect(screen.getByText('Confirmation de la phrase de passe : les deux phrases de passe ne sont pas identiques.')).toBeTruthy();
    expect(screen.getByText('2 champs sont à corriger avant d’enregistrer : rien n’a été enregistré.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Phrase de passe'));
  });
});
