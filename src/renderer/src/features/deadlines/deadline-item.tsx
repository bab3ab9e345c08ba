import { useId, useState } from 'react';
import { Link } from 'wouter';
import { formatDateShort, type IsoDate } from '../../domain/dates';
import type { Deadline } from '../../domain/deadlines/deadline';
import {
  defaultSnoozeDate,
  relativeDueLabel,
  reminderStage,
  reminderStageLabel,
  type DeadlineState,
  type ReminderLadder,
} from '../../domain/deadlines/engine';
import { useAction } from '../../ui/use-action';

export interface DeadlineActions {
  markDone: (deadline: Deadline) => void;
  snooze: (deadline: Deadline, until: IsoDate) => Promise<string | null>;
  reopen: (deadline: Deadline) => void;
}

/** One échéance: what, when, where it comes from (a link to the record), and what can be done about it. */
export function DeadlineItem({
  deadline,
  today,
  ladder,
  state,
  actions,
}: {
  deadline: Deadline;
  today: IsoDate;
  ladder: ReminderLadder;
  state: DeadlineState | undefined;
  actions: DeadlineActions;
}) {
  const act = useAction();
  const [snoozing, setSnoozing] = useState(false);
  const [until, setUntil] = useState(defaultSnoozeDate(today));
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const stage = reminderStage(deadline, today, ladder);
  const closed = state?.doneAt !== undefined || (state?.snoozedUntil !== undefined && state.snoozedUntil > today);

  return (
    <li className={`deadline${stage === 'overdue' && !closed ? ' deadline--overdue' : ''}`}>
      <div className="deadline__when">
        <span className="deadline__date">{formatDateShort(deadline.dueDate)}</span>
        <span className="deadline__relative">{relativeDueLabel(deadline, today)}</span>
      </div>
      <div className="deadline__what">
        <Link href={deadline.link} className="deadline__title">
          {deadline.title}
        </Link>
        <div className="deadline__meta">
          <span className="badge badge--source">{deadline.sourceLabel}</span>
          {stage && !closed ? <span className={`badge badge--stage-${stage === 'overdue' ? 'late' : 'soon'}`}>{reminderStageLabel(stage)}</span> : null}
          {state?.readyAt && !state.doneAt ? (
            <span className="badge">Prêt à envoyer depuis le {formatDateShort(state.readyAt.slice(0, 10))}</span>
          ) : null}
          {state?.doneAt ? <span className="badge">Fait le {formatDateShort(state.doneAt.slice(0, 10))}</span> : null}
          {state?.snoozedUntil && state.snoozedUntil > today ? (
            <span className="badge">Reporté au {formatDateShort(state.snoozedUntil)}</span>
          ) : null}
          {deadline.detail ? <span className="muted">{deadline.detail}</span> : null}
        </div>
        {snoozing ? (
          <form
            className="deadline__snooze"
            onSubmit={(e) => act(async () => {
              e.preventDefault();
              const problem = await actions.snooze(deadline, until);
              setError(problem);
              if (problem === null) setSnoozing(false);
            })}
            noValidate
          >
            <label htmlFor={inputId}>Reporter au</label>
            <input
              id={inputId}
              type="date"
              className="field__control"
              value={until}
              min={today}
              onChange={(e) => setUntil(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              autoFocus
            />
            <button type="submit" className="button button--small">Reporter</button>
            <button type="button" className="button button--small" onClick={() => setSnoozing(false)}>Annuler</button>
            {error ? <p id={`${inputId}-error`} className="field__error" role="alert">{error}</p> : null}
          </form>
        ) : null}
      </div>
      <div className="deadline__actions">
        {closed ? (
          <button type="button" className="button button--small" onClick={() => actions.reopen(deadline)} aria-label={`Rétablir\u00a0: ${deadline.title}`}>
            Rétablir
          </button>
        ) : (
          <>
            <button type="button" className="button button--small" onClick={() => actions.markDone(deadline)} aria-label={`Marquer comme fait\u00a0: ${deadline.title}`}>
              Fait
            </button>
            <button type="button" className="button button--small" onClick={() => setSnoozing(true)} aria-label={`Reporter\u00a0: ${deadline.title}`}>
              Reporter…
            </button>
          </>
        )}
      </div>
    </li>
  );
}
