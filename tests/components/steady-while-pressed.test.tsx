import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { TextField } from '../../src/renderer/src/ui/field';

// A field's message never changes under a pressed mouse: the blur that the press causes would otherwise
// move the button being clicked (see ui/steady-while-pressed.ts). It shows as soon as the press ends.

const MESSAGE = 'Montant\u00a0: champ obligatoire.';
// As Testing Library reads it (spaces normalized).
const SHOWN = 'Montant : champ obligatoire.';

function Amount({ error }: { error?: string }) {
  return <TextField label="Montant" error={error} />;
}

describe('a field’s error while the mouse is pressed', () => {
  it('appears only once the click is over, and at once without a press', async () => {
    const { rerender } = render(<Amount />);
    fireEvent.pointerDown(window.document.body);
    rerender(<Amount error={MESSAGE} />);
    expect(screen.queryByText(SHOWN)).toBeNull();
    // The control says it at once (no layout change): assistive technology is not kept waiting.
    expect(screen.getByLabelText('Montant').getAttribute('aria-invalid')).toBe('true');
    await act(async () => {
      fireEvent.pointerUp(window.document.body);
      fireEvent.click(window.document.body);
    });
    expect(screen.getByText(SHOWN)).toBeTruthy();

    // Keyboard: no press, the error goes at once.
    rerender(<Amount />);
    expect(screen.queryByText(SHOWN)).toBeNull();
  });

  it('is not held forever by a press that ends with no click (dragged away)', async () => {
    const { rerender } = render(<Amount />);
    fireEvent.pointerDown(window.document.body);
    rerender(<Amount error={MESSAGE} />);
    expect(screen.queryByText(SHOWN)).toBeNull();
    await act(async () => {
      fireEvent.pointerUp(window.document.body);
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(screen.getByText(SHOWN)).toBeTruthy();
  });

  it('holds a warning hint that the form swaps for the error, so nothing under the field moves either', async () => {
    const WARNING = 'dans le futur : vérifiez la date.';
    const Received = ({ error }: { error?: string }) => (
      <TextField label="Montant" error={error} hint={error ? undefined : <span>{WARNING}</span>} />
    );
    const { rerender } = render(<Received />);
    fireEvent.pointerDown(window.document.body);
    rerender(<Received error={MESSAGE} />);
    expect(screen.getByText(WARNING)).toBeTruthy();
    expect(screen.queryByText(SHOWN)).toBeNull();
    await act(async () => {
      fireEvent.pointerUp(window.document.body);
      fireEvent.click(window.document.body);
    });
    expect(screen.queryByText(WARNING)).toBeNull();
    expect(screen.getByText(SHOWN)).toBeTruthy();
  });
});
