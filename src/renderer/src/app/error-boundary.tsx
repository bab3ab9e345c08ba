import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * A crash in a screen must not look like lost data: the records are in the database, untouched, and the
 * message says so. Reloading starts the screen again from what is stored.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Passerelle: unexpected error in a screen', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="crash" role="alert">
        <h1>Un problème inattendu est survenu</h1>
        <p>
          Cet écran n’a pas pu s’afficher. <strong>Vos données sont intactes</strong> : elles sont enregistrées sur cet ordinateur et rien
          n’a été modifié par cette erreur.
        </p>
        <p>Rechargez l’application pour reprendre. Si le problème revient, notez le message ci-dessous.</p>
        <pre className="crash__detail">{this.state.error.message}</pre>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Recharger Passerelle
        </button>
      </main>
    );
  }
}
