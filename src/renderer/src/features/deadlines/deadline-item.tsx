import { useState } from 'react';
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
import {
  DISMISS_REASON_LABEL,
  DISMISS_REASON_MAX,
  dismissFormSchema,
  SNOOZE_LABEL,
  snoozeFormSchema,
  type DismissFormValues,
  type SnoozeFormValues,
} from '../../domain/deadlines/deadline-forms';
import { TextField } from '../../ui/field';
import { useAction } from '../../ui/use-action';
import { useSchemaForm } from '../../ui/use-schema-form';
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
  const milestone = deadlineKind(deadline) === 'milestone';
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
        {snoozing ? <SnoozeForm deadline={deadline} today={today} actions={actions} onClose={() => setSnoozing(false)} /> : null}
        {dismissing ? <DismissForm deadline={deadline} actions={actions} onClose={() => setDismissing(false)} /> : null}
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

// The two inline forms of an échéance, on the one form wiring: an impossible or past date, an empty reason
// are said under their field and nothing is written. They keep nothing (noDraft): one field, quicker to
// type again than a draft is to explain; leaving one half-typed still asks « Quitter sans enregistrer ? ».

function SnoozeForm({
  deadline,
  today,
  actions,
  onClose,
}: {
  deadline: Deadline;
  today: IsoDate;
  actions: DeadlineActions;
  onClose: () => void;
}) {
  const [schema] = useState(() => snoozeFormSchema(today));
  const { form, formRef, field, onSubmit, refuse, saved, summary } = useSchemaForm<SnoozeFormValues, { until: IsoDate }>({
    schema,
    defaultValues: { until: defaultSnoozeDate(today) },
    noDraft: true,
  });
  const onValid = async ({ until }: { until: IsoDate }) => {
    const problem = await actions.snooze(deadline, until);
    if (problem !== null) return refuse({ until: problem });
    saved({ until });
    onClose();
  };
  return (
    <form
      ref={formRef}
      className="deadline__snooze"
      onSubmit={onSubmit(onValid)}
      noValidate
      aria-label={`Reporter\u00a0: ${deadline.title}`}
    >
      {summary}
      <TextField label={SNOOZE_LABEL} type="date" min={today} autoFocus {...field('until')} />
      <button type="submit" className="button button--small" disabled={form.formState.isSubmitting}>
        Reporter
      </button>
      <button type="button" className="button button--small" onClick={onClose}>
        Annuler
      </button>
    </form>
  );
}

function DismissForm({ deadline, actions, onClose }: { deadline: Deadline; actions: DeadlineActions; onClose: () => void }) {
  const { form, formRef, field, onSubmit, refuse, saved, summary } = useSchemaForm<DismissFormValues, DismissFormValues>({
    schema: dismissFormSchema,
    defaultValues: { reason: '' },
    noDraft: true,
  });
  const onValid = async ({ reason }: DismissFormValues) => {
    const problem = await actions.dismiss(deadline, reason);
    if (problem !== null) return refuse({ reason: problem });
    saved({ reason });
    onClose();
  };
  return (
    <form
      ref={formRef}
      className="deadline__snooze"
      onSubmit={onSubmit(onValid)}
      noValidate
      aria-label={`Ne plus rappeler\u00a0: ${deadline.title}`}
    >
      {summary}
      <TextField label={DISMISS_REASON_LABEL} maxLength={DISMISS_REASON_MAX} autoFocus {...field('reason')} />
      <button type="submit" className="button button--small" disabled={form.formState.isSubmitting}>
        Ne plus rappeler
      </button>
      <button type="button" className="button button--small" onClick={onClose}>
        Annuler
      </button>
    </form>
  );
}
