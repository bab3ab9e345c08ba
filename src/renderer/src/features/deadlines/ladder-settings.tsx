import { useCurrentWorkspace } from '../../data/workspace-context';
import { saveReminderLadder } from '../../data/deadline-state-repository';
import { LADDER_RUNGS, type ReminderLadder } from '../../domain/deadlines/engine';
import { CheckboxField } from '../../ui/field';
import { useAction } from '../../ui/use-action';

/** The reminder ladder (J-30, J-7, J-1, le jour même, en retard): a setting of the espace. */
export function LadderSettings({ ladder }: { ladder: ReminderLadder }) {
  const { db } = useCurrentWorkspace();
  const act = useAction();
  const save = (change: Partial<ReminderLadder>) => act(() => saveReminderLadder(db, { ...ladder, ...change }));
  const toggleRung = (days: number, on: boolean) =>
    save({ daysBefore: on ? [...ladder.daysBefore, days] : ladder.daysBefore.filter((d) => d !== days) });

  return (
    <details className="card ladder">
      <summary>Réglage des rappels</summary>
      <p className="muted">
        Quand une échéance vous est rappelée : notification au démarrage de l’application et alarmes du fichier calendrier.
      </p>
      <fieldset className="ladder__rungs">
        <legend className="visually-hidden">Rappels</legend>
        {LADDER_RUNGS.map((days) => (
          <CheckboxField
            key={days}
            label={`${days} jour${days > 1 ? 's' : ''} avant (J-${days})`}
            checked={ladder.daysBefore.includes(days)}
            onChange={(e) => toggleRung(days, e.target.checked)}
          />
        ))}
        <CheckboxField label="Le jour même" checked={ladder.onDueDate} onChange={(e) => save({ onDueDate: e.target.checked })} />
        <CheckboxField label="Une fois en retard" checked={ladder.whenOverdue} onChange={(e) => save({ whenOverdue: e.target.checked })} />
      </fieldset>
    </details>
  );
}
