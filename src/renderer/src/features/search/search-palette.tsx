import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { useSearchIndex } from '../../data/search-data';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { pathTo } from '../../ui/paths';
import { MIN_QUERY_LENGTH, searchFrom, type SearchEntry, type SearchIndex, type SearchState } from '../../domain/search/search';

// « Rechercher » (Ctrl+K, or the field at the top of the navigation): one box, results grouped by kind,
// used from the keyboard alone — ↑ ↓ move, Entrée opens, Échap closes. The input is a combobox whose
// listbox holds one group per kind (WAI-ARIA combobox pattern, aria-activedescendant).

export function SearchLauncher() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button type="button" className="search-launcher" onClick={() => setOpen(true)} aria-keyshortcuts="Control+K">
        <span>Rechercher…</span>
        <kbd>Ctrl K</kbd>
      </button>
      {open ? <SearchDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function SearchDialog({ onClose }: { onClose: () => void }) {
  const { db } = useCurrentWorkspace();
  const index = useSearchIndex(db, true);
  const [, navigate] = useLocation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();

  // The previous keystroke's matches, for this index: typing narrows rather than scanning everything again.
  const previous = useRef<{ index: SearchIndex; state: SearchState | undefined } | undefined>(undefined);
  const groups = useMemo(() => {
    if (!index) return [];
    const outcome = searchFrom(index, query, previous.current?.index === index ? previous.current.state : undefined);
    previous.current = { index, state: outcome.state };
    return outcome.groups;
  }, [index, query]);
  const flat = useMemo(() => groups.flatMap((g) => g.results), [groups]);
  const optionId = (i: number) => `${listId}-option-${i}`;

  const openEntry = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    onClose();
    navigate(pathTo(entry.target));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (flat.length === 0 ? 0 : (i + 1) % flat.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (flat.length === 0 ? 0 : (i - 1 + flat.length) % flat.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openEntry(flat[active]);
    }
  };

  let position = -1;
  const status =
    index === undefined
      ? 'Préparation de la recherche…'
      : query.trim().length < MIN_QUERY_LENGTH
        ? 'Tapez au moins deux lettres : un nom, un financeur, une demande, un partenaire, une convention, une action, une pièce.'
        : flat.length === 0
          ? `Aucun résultat pour « ${query.trim()} ».`
          : `${flat.length} résultat${flat.length > 1 ? 's' : ''}.`;

  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog search-dialog" aria-describedby={`${listId}-status`}>
          <Dialog.Title className="dialog__title">Rechercher</Dialog.Title>
          <input
            className="field__control search-dialog__input"
            type="search"
            role="combobox"
            aria-label="Rechercher dans l’espace"
            aria-expanded={flat.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={flat.length > 0 ? optionId(Math.min(active, flat.length - 1)) : undefined}
            value={query}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <p id={`${listId}-status`} className="muted" role="status">
            {status}
          </p>
          <div id={listId} role="listbox" aria-label="Résultats" className="search-dialog__results">
            {groups.map((group) => (
              <div key={group.kind} role="group" aria-labelledby={`${listId}-${group.kind}`}>
                <p id={`${listId}-${group.kind}`} className="search-dialog__group" role="presentation">
                  {group.label}
                </p>
                {group.results.map((entry) => {
                  position += 1;
                  const i = position;
                  return (
                    <div
                      key={`${entry.kind}-${entry.id}`}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      className={`search-dialog__option${i === active ? ' search-dialog__option--active' : ''}`}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => openEntry(entry)}
                    >
                      <span className="search-dialog__title">{entry.title}</span>
                      {entry.detail ? <span className="muted"> — {entry.detail}</span> : null}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          <p className="muted search-dialog__help">↑ ↓ pour choisir, Entrée pour ouvrir, Échap pour fermer.</p>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
