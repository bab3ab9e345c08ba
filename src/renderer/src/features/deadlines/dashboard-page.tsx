import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useDeadlineData } from '../../data/deadline-sources';
import { markDeadlineDone, restoreDeadlineState, snoozeDeadline } from '../../data/deadline-state-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import type { Deadline } from '../../domain/deadlines/deadline';
import { caughtUp, classifyDeadlines, isDone, statesByKey } from '../../domain/deadlines/engine';
import { currentPlatform } from '../../platform/current-platform';
import { deadlinesToIcs } from '../../reports/deadlines-ics';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { DeadlineItem, type DeadlineActions } from './deadline-item';
import { LadderSettings } from './ladder-settings';
import { useOpening } from './opening-provider';
import { useAction } from '../../ui/use-action';

const GROUPS = [
  { key: 'overdue', title: 'En retard', empty: 'Rien en retard.' },
  { key: 'thisWeek', title: 'Cette semaine', empty: 'Rien d’ici 7 jours.' },
  { key: 'next30', title: 'Dans les 30 jours', empty: 'Rien entre 8 et 30 jours.' },
  { key: 'next90', title: 'Dans les 90 jours', empty: 'Rien entre 31 et 90 jours.' },
] as const;

// A group shows its first items; the rest waits for a click. An espace of ten years can hold hundreds of
// done or overdue items, and drawing them all made the home screen slow to appear (npm run bench).
const SHOWN_AT_FIRST = 50;

function CappedList({ items, render, label }: { items: readonly Deadline[]; render: (d: Deadline) => ReactNode; label: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOWN_AT_FIRST);
  const hidden = items.length - shown.length;
  return (
    <>
      <ul className="deadline-list">{shown.map(render)}</ul>
      {hidden > 0 ? (
        <button type="button" className="button" onClick={() => setAll(true)}>
          Afficher les {hidden} autres échéances « {label} »
        </button>
      ) : null}
    </>
  );
}

/** A <details> whose list is drawn only once it is opened. */
function LazyDetails({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="card" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children() : null}
    </details>
  );
}

export function DashboardPage() {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const today = todayIso();
  const data = useDeadlineData(db, today);
  const opening = useOpening();
  const toast = useToast();

  const board = useMemo(() => (data ? classifyDeadlines(data.deadlines, data.states, today) : undefined), [data, today]);
  const missed = useMemo(
    () => (data && opening.loaded ? caughtUp(data.deadlines, opening.previous, today, data.states) : []),
    [data, opening.loaded, opening.previous, today],
  );
  const states = useMemo(() => statesByKey(data?.states ?? []), [data]);

  // The moment the deadlines are on screen, for the performance bench (npm run bench) and profiles.
  const marked = useRef(false);
  useEffect(() => {
    if (board === undefined || marked.current) return;
    marked.current = true;
    performance.mark('passerelle:dashboard-ready');
  }, [board]);

  const actions: DeadlineActions = {
    markDone: async (deadline) => {
      const previous = await markDeadlineDone(db, deadline.key);
      toast.show('Échéance marquée comme faite.', {
        action: { label: 'Annuler', run: () => restoreDeadlineState(db, deadline.key, previous) },
      });
    },
    snooze: async (deadline, until) => {
      const result = await snoozeDeadline(db, deadline.key, until, today);
      if (!result.ok) return result.error;
      toast.show(`Échéance reportée au ${formatDateShort(until)}.`, {
        action: { label: 'Annuler', run: () => restoreDeadlineState(db, deadline.key, result.previous) },
      });
      return null;
    },
    reopen: async (deadline) => {
      const previous = states.get(deadline.key);
      await restoreDeadlineState(db, deadline.key, undefined);
      toast.show('Échéance rétablie.', { action: { label: 'Annuler', run: () => restoreDeadlineState(db, deadline.key, previous) } });
    },
  };

  async function exportCalendar() {
    if (!data) return;
    const open = data.deadlines.filter((d) => !isDone(states.get(d.key)));
    const text = deadlinesToIcs(open, { ladder: data.ladder });
    const status = await currentPlatform().saveFile(`Passerelle-echeances-${today}.ics`, new TextEncoder().encode(text), [
      { name: 'Calendrier', extensions: ['ics'] },
    ]);
    if (status === 'saved') toast.show(`${open.length} échéances exportées vers le calendrier.`);
  }

  const item = (deadline: Deadline) =>
    data ? (
      <DeadlineItem key={deadline.key} deadline={deadline} today={today} ladder={data.ladder} state={states.get(deadline.key)} actions={actions} />
    ) : null;

  return (
    <Page
      title="Tableau de bord"
      action={
        <button type="button" className="button button--primary" onClick={() => act(() => exportCalendar())} disabled={!data || data.deadlines.length === 0}>
          Exporter le calendrier (.ics)
        </button>
      }
    >
      {data === undefined || board === undefined ? (
        <p role="status">Chargement…</p>
      ) : (
        <>
          {missed.length > 0 && !opening.catchUpDismissed && opening.previous !== undefined ? (
            <section className="catch-up" aria-labelledby="catch-up-title">
              <h2 id="catch-up-title">Depuis votre dernière visite, le {formatDateShort(opening.previous.slice(0, 10))}</h2>
              <p>
                {missed.length === 1 ? 'Une échéance est arrivée' : `${missed.length} échéances sont arrivées`} à terme
                pendant que l’application était fermée&nbsp;:
              </p>
              <ul className="deadline-list">{missed.map(item)}</ul>
              <button type="button" className="button" onClick={opening.dismissCatchUp}>
                J’ai pris connaissance
              </button>
            </section>
          ) : null}

          {data.deadlines.length === 0 ? (
            <div className="empty-state">
              <h2>Aucune échéance pour l’instant</h2>
              <p>
                Le tableau de bord rassemble les dates à ne pas manquer&nbsp;: dépôts de demandes, versements attendus,
                comptes-rendus financiers, conventions à signer. Elles se calculent à partir de vos données.
              </p>
              <Link href="/financements/nouvelle" className="button button--primary">
                Enregistrer une demande de subvention
              </Link>
            </div>
          ) : (
            GROUPS.map((group) => {
              const items = board[group.key];
              return (
                <section key={group.key} className={`deadline-group deadline-group--${group.key}`} aria-labelledby={`group-${group.key}`}>
                  <h2 id={`group-${group.key}`}>
                    {group.title} <span className="count">({items.length})</span>
                  </h2>
                  {items.length === 0 ? <p className="muted">{group.empty}</p> : <CappedList items={items} render={item} label={group.title} />}
                </section>
              );
            })
          )}

          {board.snoozed.length > 0 ? (
            <LazyDetails summary={`Reportées (${board.snoozed.length})`}>
              {() => <CappedList items={board.snoozed} render={item} label="Reportées" />}
            </LazyDetails>
          ) : null}
          {board.done.length > 0 ? (
            <LazyDetails summary={`Faites (${board.done.length})`}>
              {() => <CappedList items={board.done} render={item} label="Faites" />}
            </LazyDetails>
          ) : null}
          <LadderSettings ladder={data.ladder} />
        </>
      )}
    </Page>
  );
}
