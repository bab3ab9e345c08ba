import type { ReactNode } from 'react';
import { WorkspaceSelect } from './workspace-switcher';

/**
 * The full-window card of the screens shown before an espace opens: the first run, the lock and « Qui
 * utilise Passerelle ? ». The lock and the person question are gates of one espace (`gate`), with a way to
 * another espace below; the first run is not.
 */
export function GateScreen({
  title,
  gate = true,
  brand = true,
  otherWorkspace,
  children,
}: {
  title: string;
  gate?: boolean;
  /** « Passerelle » above the title (not on the encryption progress, which only says what it does). */
  brand?: boolean;
  /** The espace shown, and the id of the « Un autre espace ? » heading: the other espaces are offered below. */
  otherWorkspace?: { currentId: string; headingId: string } | undefined;
  children: ReactNode;
}) {
  return (
    <main className="first-run">
      <div className={gate ? 'first-run__card gate-card' : 'first-run__card'}>
        {brand ? (
          <p className="first-run__brand" aria-hidden="true">
            Passerelle
          </p>
        ) : null}
        <h1>{title}</h1>
        {children}
        {otherWorkspace ? (
          <section className="gate-card__other" aria-labelledby={otherWorkspace.headingId}>
            <h2 id={otherWorkspace.headingId}>Un autre espace ?</h2>
            <WorkspaceSelect currentId={otherWorkspace.currentId} />
          </section>
        ) : null}
      </div>
    </main>
  );
}
