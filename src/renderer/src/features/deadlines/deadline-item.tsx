import { useId, useState, type ReactNode } from 'react';
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
import { ErrorLine } from '../../ui/form-pieces';
import { pathTo } from '../../ui/paths';
import { SmallButton } from '../../ui/list-pieces';

export interface DeadlineActions {
  markDone: (deadline: Deadline) => void;
  snooze: (deadline: Deadline, until: IsoDate) => Promise<string | null>;
  reopen: (deadline: Deadline) => void;
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
  const [snoozing, setSnoozing] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const milestone = deadlineKind(deadline) === 'milestone';
  const [until, setUntil] = useState(defaultSnoozeDate(today));
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
          <InlineForm
            label="Reporter au"
            submitLabel="Reporter"
            save={() => actions.snooze(deadline, until)}
            onClose={() => setSnoozing(false)}
          >
            {(control) => <input {...control} type="date" value={until} min={today} onChange={(e) => setUntil(e.target.value)} />}
          </InlineForm>
        ) : null}
        {dismissing ? (
          <InlineForm
            label={'Pourquoi ne plus rappeler\u00a0?'}
            submitLabel="Ne plus rappeler"
            save={() => actions.dismiss(deadline, reason)}
            onClose={() => setDismissing(false)}
          >
            {(control) => <input {...control} type="text" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />}
          </InlineForm>
        ) : null}
      </div>
      <div className="deadline__actions">
        {closed ? (
          <SmallButton label={`Rétablir\u00a0: ${deadline.title}`} onClick={() => actions.reopen(deadline)}>
            Rétablir
          </SmallButton>
        ) : (
          <>
            <SmallButton label={`Marquer comme fait\u00a0: ${deadline.title}`} onClick={() => actions.markDone(deadline)}>
              Fait
            </SmallButton>
            <SmallButton label={`Reporter\u00a0: ${deadline.title}`} onClick={() => setSnoozing(true)}>
              Reporter…
            </SmallButton>
            {milestone ? null : (
              <SmallButton label={`Ne plus rappeler\u00a0: ${deadline.title}`} onClick={() => setDismissing(true)}>
                Ne plus rappeler…
              </SmallButton>
            )}
          </>
        )}
      </div>
    </li>
  );
}

interface InlineControl {
  id: string;
  className: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  autoFocus: true;
}

/** A one-field form under a deadline (report it, stop its reminders): its French refusal below, closed once saved. */
function InlineForm({
  label,
  submitLabel,
  save,
  onClose,
  children,
}: {
  label: string;
  submitLabel: string;
  /** Resolves to a French problem, or null when saved. */
  save: () => Promise<string | null>;
  onClose: () => void;
  children: (control: InlineControl) => ReactNode;
}) {
  const act = useAction();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="deadline__snooze"
      onSubmit={(e) =>
        act(async () => {
          e.preventDefault();
          const problem = await save();
          setError(problem);
          if (problem === null) onClose();
        })
      }
      noValidate
    >
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        className: 'field__control',
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${id}-error` : undefined,
        autoFocus: true,
      })}
      <button type="submit" className="button button--small">
        {submitLabel}
      </button>
      <button type="button" className="button button--small" onClick={onClose}>
        Annuler
      </button>
      <ErrorLine id={`${id}-error`} message={error} />
    </form>
  );
}
