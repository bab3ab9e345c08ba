import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ErrorBoundary } from '../../src/renderer/src/app/error-boundary';

function Broken(): never {
  throw new Error('lecture impossible');
}

describe('error boundary', () => {
  it('replaces a crashed screen with a French message that says the data is safe', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Un problème inattendu est survenu' })).toBeTruthy();
    expect(screen.getByText('Vos données sont intactes')).toBeTruthy();
    expect(screen.getByText('lecture impossible')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Recharger Passerelle' })).toBeTruthy();
    consoleError.mockRestore();
  });

  it('shows its children when nothing fails', () => {
    render(
      <ErrorBoundary>
        <p>Tout va bien</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('Tout va bien')).toBeTruthy();
  });
});
