import { useId, useState } from 'react';
import { Link } from 'wouter';
import { formatDateShort, type IsoDate } from '../../domain/dates';
import { deadlineKind, type Deadline } from '../../domain/deadlines/deadline';
import {
  defaultSnoozeDate,
  relativeDueLabel,
  reminderStage,
  reminderStageLabel,
  type DeadlineState,
  type ReminderLadder,
} from '../../domain/deadlines/engine';
import { useAction } from '../../ui/use-action';
import { pathTo } from '../../ui/paths';

export interface DeadlineActions {
  markDone: (deadline: Deadline) => Promise<void>;
  snooze: (deadline: Deadline, until: IsoDate) => Promise<string | null>;
  reopen: (deadline: Deadline) => Promise<void>;
  /** « Ne plus rappeler », with a reason; resolves to a French problem or null. */
  dismiss: (deadline: Deadline, reason: string) => Promise<string | null>;
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
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [dismissError, setDismissError] = useState<string | null>(null);
  const reasonId = useId();
  const milestone = deadlineKind(deadline) === 'milestone';
  const [until, setUntil] = useState(defaultSnoozeDate(today));
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const stage = reminderStage(deadline, today, ladder);
  const closed =
    state?.doneAt !== undefined || state?.dismissedAt !== undefined || (state?.snoozedUntil !== undefined && state.snoozedUntil > today);

  return (
    <li className={`deadline${stage === 'overdue' && !closed ? ' deadline--overdue' : ''}`}>
      <div className="deadline__when">
        <span className="deadline__date">{formatDateShort(deadline.dueDate)}</span>
        <span className="deadline__relative">{relativeDueLabel(deadline, today)}</span>
      </div>
      <div className="deadline__what">
        <Link href={pathTo(deadline.target)} className="deadline__title">
          {deadline.title}
        </Link>
        <div className="deadline__meta">
          <span className="badge badge--source">{deadline.sourceLabel}</span>
          {milestone ? (
            <span className="badge" title="Un moment à connaître, jamais en retard">
              Repère
            </span>
          ) : null}
          {stage && !closed ? (
            <span className={`badge badge--stage-${stage === 'overdue' ? 'late' : 'soon'}`}>{reminderStageLabel(stage)}</span>
          ) : null}
          {state?.readyAt && !state.doneAt ? (
            <span className="badge">Prêt à envoyer depuis le {formatDateShort(state.readyAt.slice(0, 10))}</span>
          ) : null}
          {state?.doneAt ? <span className="badge">Fait le {formatDateShort(state.doneAt.slice(0, 10))}</span> : null}
          {state?.dismissedAt ? (
            <span className="badge">
              Plus rappelée depuis le {formatDateShort(state.dismissedAt.slice(0, 10))}
              {state.dismissReason ? `\u00a0: ${state.dismissReason}` : ''}
            </span>
          ) : null}
          {state?.snoozedUntil && state.snoozedUntil > today ? (
            <span className="badge">Reporté au {formatDateShort(state.snoozedUntil)}</span>
          ) : null}
          {deadline.detail ? <span className="muted">{deadline.detail}</span> : null}
        </div>
        {snoozing ? (
          <form
            className="deadline__snooze"
            onSubmit={(e) =>
              act(async () => {
                e.preventDefault();
                const problem = await actions.snooze(deadline, until);
                setError(problem);
                if (problem === null) setSnoozing(false);
              })
            }
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
            <button type="submit" className="button button--small">
              Reporter
            </button>
            <button type="button" className="button button--small" onClick={() => setSnoozing(false)}>
              Annuler
            </button>
            {error ? (
              <p id={`${inputId}-error`} className="field__error" role="alert">
                {error}
              </p>
            ) : null}
          </form>
        ) : null}
        {dismissing ? (
          <form
            className="deadline__snooze"
            onSubmit={(e) =>
              act(async () => {
                e.preventDefault();
                const problem = await actions.dismiss(deadline, reason);
                setDismissError(problem);
                if (problem === null) setDismissing(false);
              })
            }
            noValidate
          >
            <label htmlFor={reasonId}>Pourquoi ne plus rappeler&nbsp;?</label>
            <input
              id={reasonId}
              type="text"
              className="field__control"
              value={reason}
              maxLength={300}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={dismissError ? true : undefined}
              aria-describedby={dismissError ? `${reasonId}-error` : undefined}
              autoFocus
            />
            <button type="submit" className="button button--small">
              Ne plus rappeler
            </button>
            <button type="button" className="button button--small" onClick={() => setDismissing(false)}>
              Annuler
            </button>
            {dismissError ? (
              <p id={`${reasonId}-error`} className="field__error" role="alert">
                {dismissError}
              </p>
            ) : null}
          </form>
        ) : null}
      </div>
      <div className="deadline__actions">
        {closed ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => act(() => actions.reopen(deadline))}
            aria-label={`Rétablir\u00a0: ${deadline.title}`}
          >
            Rétablir
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button--small"
              onClick={() => act(() => actions.markDone(deadline))}
              aria-label={`Marquer comme fait\u00a0: ${deadline.title}`}
            >
              Fait
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => setSnoozing(true)}
              aria-label={`Reporter\u00a0: ${deadline.title}`}
            >
              Reporter…
            </button>
            {milestone ? null : (
              <button
                type="button"
                className="button button--small"
                onClick={() => setDismissing(true)}
                aria-label={`Ne plus rappeler\u00a0: ${deadline.title}`}
              >
                Ne plus rappeler…
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
