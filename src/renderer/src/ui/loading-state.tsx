import type { ReactNode } from 'react';

// What a screen shows while its live queries have not answered (`undefined` means loading, DESIGN.md)
// and when a list has nothing yet: written once, so that every screen says it the same way to a screen
// reader (role="status") and looks the same.

/** « Chargement… » (or « Chargement du budget… » with `what`), announced politely. `screen` centres it on a whole window. */
export function Loading({ what, screen = false }: { what?: string; screen?: boolean }) {
  return (
    <p role="status" className={screen ? 'loading' : undefined}>
      {what ? `Chargement ${what}…` : 'Chargement…'}
    </p>
  );
}

interface EmptyStateProps {
  /** What the section is for, as its heading; omit when the text says it. */
  title?: ReactNode;
  /** `h3` inside a card that already has its `h2`. */
  heading?: 'h2' | 'h3';
  /** Framed as a card, for a section that sits among cards. */
  card?: boolean;
  /** What the section is for and the first action (DESIGN.md: empty states offer the first action). */
  children: ReactNode;
}

export function EmptyState({ title, heading: Heading = 'h2', card = false, children }: EmptyStateProps) {
  return (
    <div className={card ? 'card empty-state' : 'empty-state'}>
      {title === undefined ? null : <Heading>{title}</Heading>}
      {children}
    </div>
  );
}
