import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Target } from '../domain/target';
import { pathTo } from './paths';

// Pieces the list screens repeat: the search box above a list, the blank header of a column of buttons.

/** « Rechercher une demande » and its field, in the list's toolbar. */
export function SearchBox({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="search">
      <span className="search__label">{label}</span>
      <input type="search" className="field__control" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** The header of a table's last column, its buttons: blank on screen, « Actions » for a screen reader. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}

/**
 * A small button beside an item or in a row. `label` names it for a screen reader when its text says
 * less than needed out of context (« Retirer » → « Retirer l’avenant du 1 mars 2026 »); `danger` outlines
 * it in red, for « Supprimer ».
 */
export function SmallButton({
  label,
  danger = false,
  onClick,
  children,
}: {
  label?: string | undefined;
  danger?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={danger ? 'button button--small button--danger-outline' : 'button button--small'}
      onClick={onClick}
      aria-label={label}
    >
      {children}
    </button>
  );
}

/**
 * One line of a record's detail list (`<dl className="detail-list">`): its term and its value, or nothing
 * when the record has no value for it. `preLine` keeps the line breaks typed in a note.
 */
export function Detail({ label, value, preLine = false }: { label: ReactNode; value: ReactNode; preLine?: boolean }) {
  if (value === undefined || value === null || value === '' || value === false) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className={preLine ? 'pre-line' : undefined}>{value}</dd>
    </>
  );
}

/** A link that looks like a button (« Nouvelle convention », « Modifier »), to a screen named as data. */
export function ButtonLink({ to, primary = false, children }: { to: Target; primary?: boolean; children: ReactNode }) {
  return (
    <Link href={pathTo(to)} className={primary ? 'button button--primary' : 'button'}>
      {children}
    </Link>
  );
}
