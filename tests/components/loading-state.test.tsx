import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { EmptyState, Loading } from '../../src/renderer/src/ui/loading-state';

describe('Loading', () => {
  it('announces « Chargement… » as a status, in French', () => {
    render(<Loading />);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
  });

  it('names what is loading when told', () => {
    render(<Loading what="du budget" />);
    expect(screen.getByRole('status').textContent).toBe('Chargement du budget…');
  });

  it('takes the whole window only when asked', () => {
    const view = render(<Loading />);
    expect(screen.getByRole('status').className).toBe('');
    view.unmount();
    render(<Loading screen />);
    expect(screen.getByRole('status').className).toBe('loading');
  });
});

describe('EmptyState', () => {
  it('says what the section is for under its heading, with the first action', () => {
    render(
      <EmptyState title="Aucune action">
        <p>Une action est ce qu’une subvention finance.</p>
        <button type="button">Créer la première action</button>
      </EmptyState>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Aucune action' })).toBeTruthy();
    expect(screen.getByText('Une action est ce qu’une subvention finance.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Créer la première action' })).toBeTruthy();
  });

  it('takes a third-level heading inside a card, and no heading when the text says it', () => {
    const view = render(
      <EmptyState title="Budget 2026 vide" heading="h3">
        <p>Ajoutez les lignes.</p>
      </EmptyState>,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Budget 2026 vide' })).toBeTruthy();
    view.unmount();
    render(
      <EmptyState card>
        <p>La corbeille est vide.</p>
      </EmptyState>,
    );
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByText('La corbeille est vide.').parentElement?.className).toBe('card empty-state');
  });
});
