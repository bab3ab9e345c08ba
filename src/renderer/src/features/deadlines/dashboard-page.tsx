import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useDeadlineData } from '../../data/deadlines-repository';
import { dismissDeadline, markDeadlineDone, restoreDeadlineState, snoozeDeadline } from '../../data/deadline-state-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import { deadlineDomain, recordedFact, type Deadline } from '../../domain/deadlines/deadline';
import {
  caughtUp,
  classifyDeadlines,
  expectedCents,
  openDeadlines,
  statesByKey,
  type BoardGroup,
  type DeadlineState,
} from '../../domain/deadlines/engine';
import { formatCents } from '../../domain/money';
import { currentPlatform } from '../../platform/current-platform';
import { deadlinesToIcs } from '../../reports/deadlines-ics';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { DeadlineItem, type DeadlineActions } from './deadline-item';
import { FactDialog } from './fact-dialog';
import { MonthsView } from './months-view';
import { DOMAIN_FILTERS, useDomainFilter } from './domain-filter';
import { LadderSettings } from './ladder-settings';
import { shareStartupDeadlines, useOpening } from './opening-provider';
import { useAction } from '../../ui/use-action';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

const GROUPS: readonly { key: Exclude<BoardGroup, 'later'>; title: string; empty: string; moneyLabel: string }[] = [
  { key: 'overdue', title: 'En retard', empty: 'Rien en retard.', moneyLabel: 'Versements en retard' },
  { key: 'thisWeek', title: 'Cette semaine', empty: 'Rien d’ici 7 jours.', moneyLabel: 'Attendu' },
  { key: 'next30', title: 'Dans les 30 jours', empty: 'Rien entre 8 et 30 jours.', moneyLabel: 'Attendu' },
  { key: 'next90', title: 'Dans les 90 jours', empty: 'Rien entre 31 et 90 jours.', moneyLabel: 'Attendu' },
];

// A group shows its first items; the rest waits for a click. An espace of ten years can hold hundreds of
// done or overdue items, and drawing them all made the home screen slow to appear (npm run bench).
const SHOWN_AT_FIRST = 50;
// Overdue items collapse sooner, so that « Cette semaine » stays on the first screen (1366 × 768).
const OVERDUE_SHOWN_AT_FIRST = 5;

function CappedList({
  items,
  render,
  label,
  first = SHOWN_AT_FIRST,
}: {
  items: readonly Deadline[];
  render: (d: Deadline) => ReactNode;
  label: string;
  first?: number;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, first);
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
function LazyDetails({ summary, children, className = 'card' }: { summary: ReactNode; children: () => ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children() : null}
    </details>
  );
}

export function DashboardPage() {
  const act = useAction();
  const { db, record } = useCurrentWorkspace();
  const today = todayIso();
  const data = useDeadlineData(db, today);
  const opening = useOpening();
  const toast = useToast();
  const [filter, setFilter] = useDomainFilter(record.id);
  const [recording, setRecording] = useState<Deadline | null>(null);
  const [view, setView] = useState<'groups' | 'months'>('groups');

  const states = useMemo(() => statesByKey(data?.states ?? []), [data]);
  const shown = useMemo(() => (data ? data.deadlines.filter((d) => filter.has(deadlineDomain(d))) : undefined), [data, filter]);
  const board = useMemo(() => (shown ? classifyDeadlines(shown, states, today) : undefined), [shown, states, today]);
  const missed = useMemo(
    () => (data && opening.loaded ? caughtUp(data.deadlines, opening.previous, today, data.states) : []),
    [data, opening.loaded, opening.previous, today],
  );

  // The moment the deadlines are on screen, for the performance bench (npm run bench) and profiles.
  const marked = useRef(false);
  useEffect(() => {
    if (board === undefined || marked.current) return;
    marked.current = true;
    performance.mark('passerelle:dashboard-ready');
    // The start-up notification (Electron) sums up these very deadlines rather than reading them again.
    if (data) shareStartupDeadlines(db, data);
  }, [board, data, db]);

  // « Annuler » puts the state back only if nobody changed it since (another tab, another window).
  async function undo(key: string, change: { previous: DeadlineState | undefined; written: DeadlineState | null }) {
    const outcome = await restoreDeadlineState(db, key, change.previous, change.written);
    if (!outcome.ok) toast.show(outcome.message, { tone: 'error' });
  }

  const actions: DeadlineActions = {
    markDone: async (deadline) => {
      // Where a record holds the fact, « Fait » records it there (the payment, the filing, the signature).
      if (recordedFact(deadline) !== undefined) {
        setRecording(deadline);
        return;
      }
      const change = await markDeadlineDone(db, deadline.key);
      toast.show('Échéance marquée comme faite.', { action: { label: 'Annuler', run: () => undo(deadline.key, change) } });
    },
    snooze: async (deadline, until) => {
      const result = await snoozeDeadline(db, deadline.key, until, today);
      if (!result.ok) return result.error;
      toast.show(`Échéance reportée au ${formatDateShort(until)}.`, {
        action: { label: 'Annuler', run: () => undo(deadline.key, result) },
      });
      return null;
    },
    dismiss: async (deadline, reason) => {
      const result = await dismissDeadline(db, deadline.key, reason, deadline.title);
      if (!result.ok) return result.error;
      toast.show('Cette échéance ne sera plus rappelée.', {
        action: { label: 'Annuler', run: () => undo(deadline.key, result) },
      });
      return null;
    },
    reopen: async (deadline) => {
      const previous = states.get(deadline.key);
      const reopened = await restoreDeadlineState(db, deadline.key, undefined, previous);
      if (!reopened.ok) {
        toast.show(reopened.message, { tone: 'error' });
        return;
      }
      toast.show('Échéance rétablie.', {
        action: { label: 'Annuler', run: () => undo(deadline.key, { previous, written: null }) },
      });
    },
  };

  async function exportCalendar() {
    if (!data) return;
    const open = openDeadlines(data.deadlines, states, today);
    const text = deadlinesToIcs(open, { ladder: data.ladder });
    const status = await currentPlatform().saveFile(`Passerelle-echeances-${today}.ics`, new TextEncoder().encode(text), [
      { name: 'Calendrier', extensions: ['ics'] },
    ]);
    if (status === 'saved') toast.show(`${open.length} échéances exportées vers le calendrier.`);
  }

  const item = (deadline: Deadline) =>
    data ? (
      <DeadlineItem
        key={deadline.key}
        deadline={deadline}
        today={today}
        ladder={data.ladder}
        state={states.get(deadline.key)}
        actions={actions}
      />
    ) : null;

  return (
    <Page
      title="Tableau de bord"
      action={
        <button
          type="button"
          className="button button--primary"
          onClick={() => act(() => exportCalendar())}
          disabled={!data || data.deadlines.length === 0}
        >
          Exporter le calendrier (.ics)
        </button>
      }
    >
      {data === undefined || board === undefined ? (
        <Loading />
      ) : (
        <>
          {missed.length > 0 && !opening.catchUpDismissed && opening.previous !== undefined ? (
            <section className="catch-up" aria-labelledby="catch-up-title">
              <h2 id="catch-up-title">Depuis votre dernière visite, le {formatDateShort(opening.previous.slice(0, 10))}</h2>
              <p>
                {missed.length === 1 ? 'Une échéance est arrivée' : `${missed.length} échéances sont arrivées`} à terme pendant que
                l’application était fermée&nbsp;:
              </p>
              <ul className="deadline-list">{missed.map(item)}</ul>
              <button type="button" className="button" onClick={opening.dismissCatchUp}>
                J’ai pris connaissance
              </button>
            </section>
          ) : null}

          {data.deadlines.length > 0 ? (
            <div className="dashboard-toolbar">
              <div className="dashboard-views" role="group" aria-label="Vue">
                <button type="button" className="button button--small" aria-pressed={view === 'groups'} onClick={() => setView('groups')}>
                  Par urgence
                </button>
                <button type="button" className="button button--small" aria-pressed={view === 'months'} onClick={() => setView('months')}>
                  Douze mois
                </button>
                {view === 'months' ? (
                  <button type="button" className="button button--small" onClick={() => window.print()}>
                    Imprimer
                  </button>
                ) : null}
              </div>
              <fieldset className="domain-filter">
                <legend>Afficher</legend>
                {DOMAIN_FILTERS.map((f) => (
                  <label key={f.key} className="domain-filter__choice">
                    <input
                      type="checkbox"
                      checked={filter.has(f.key)}
                      onChange={(e) => {
                        const next = new Set(filter);
                        if (e.target.checked) next.add(f.key);
                        else next.delete(f.key);
                        setFilter(next);
                      }}
                    />{' '}
                    {f.label}
                  </label>
                ))}
              </fieldset>
            </div>
          ) : null}

          {data.deadlines.length > 0 && view === 'months' && shown ? (
            <MonthsView deadlines={shown} states={states} today={today} />
          ) : data.deadlines.length === 0 ? (
            <EmptyState title="Aucune échéance pour l’instant">
              <p>
                Le tableau de bord rassemble les dates à ne pas manquer&nbsp;: dépôts de demandes, versements attendus, comptes-rendus
                financiers, conventions à signer. Elles se calculent à partir de vos données.
              </p>
              <Link href={pathTo({ screen: 'new-application' })} className="button button--primary">
                Enregistrer une demande de subvention
              </Link>
            </EmptyState>
          ) : (
            <>
              {GROUPS.map((group) => {
                const items = board[group.key];
                const cents = expectedCents(items);
                return (
                  <section key={group.key} className={`deadline-group deadline-group--${group.key}`} aria-labelledby={`group-${group.key}`}>
                    <h2 id={`group-${group.key}`}>
                      {group.title} <span className="count">({items.length})</span>
                      {cents > 0 ? (
                        <span className="deadline-group__money">
                          {group.moneyLabel}&nbsp;: {formatCents(cents)}
                        </span>
                      ) : null}
                    </h2>
                    {items.length === 0 ? (
                      <p className="muted">{group.empty}</p>
                    ) : (
                      <CappedList
                        items={items}
                        render={item}
                        label={group.title}
                        first={group.key === 'overdue' ? OVERDUE_SHOWN_AT_FIRST : SHOWN_AT_FIRST}
                      />
                    )}
                  </section>
                );
              })}
              <LazyDetails
                className="deadline-group deadline-group--later"
                summary={
                  <h2 id="group-later">
                    Plus tard <span className="count">({board.later.length})</span>
                    {expectedCents(board.later) > 0 ? (
                      <span className="deadline-group__money">Attendu&nbsp;: {formatCents(expectedCents(board.later))}</span>
                    ) : null}
                  </h2>
                }
              >
                {() =>
                  board.later.length === 0 ? (
                    <p className="muted">Rien au-delà de 90 jours.</p>
                  ) : (
                    <CappedList items={board.later} render={item} label="Plus tard" />
                  )
                }
              </LazyDetails>
            </>
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
          {board.dismissed.length > 0 ? (
            <LazyDetails summary={`Plus rappelées (${board.dismissed.length})`}>
              {() => <CappedList items={board.dismissed} render={item} label="Plus rappelées" />}
            </LazyDetails>
          ) : null}
          <LadderSettings ladder={data.ladder} />
          <FactDialog deadline={recording} today={today} onClose={() => setRecording(null)} />
        </>
      )}
    </Page>
  );
}
