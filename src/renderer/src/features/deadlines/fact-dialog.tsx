import { useEffect, useState, type FormEvent } from 'react';
import { FACT_WORDING, factDefaults, recordDeadlineFact } from '../../data/deadline-facts';
import { useCurrentWorkspace } from '../../data/workspace-context';
import type { IsoDate } from '../../domain/dates';
import { recordedFact, type Deadline } from '../../domain/deadlines/deadline';
import { centsToEurosText } from '../../domain/money';
import { TextField } from '../../ui/field';
import { DialogCancel, FormDialog } from '../../ui/form-dialog';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';

// « Fait » on a deadline whose fact lives in a record: asks the date it happened (and, for a payment, the
// amount received), pre-filled, then writes the record (data/deadline-facts.ts).

export function FactDialog({ deadline, today, onClose }: { deadline: Deadline | null; today: IsoDate; onClose: () => void }) {
  const fact = deadline ? recordedFact(deadline) : undefined;
  return (
    <FormDialog
      open={deadline !== null && fact !== undefined}
      onOpenChange={(open) => (open ? null : onClose())}
      title={fact ? FACT_WORDING[fact].title : ''}
      description={deadline?.title ?? ''}
    >
      {deadline && fact ? <FactForm deadline={deadline} today={today} onDone={onClose} /> : null}
    </FormDialog>
  );
}

function FactForm({ deadline, today, onDone }: { deadline: Deadline; today: IsoDate; onDone: () => void }) {
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const act = useAction();
  const fact = recordedFact(deadline);
  const [date, setDate] = useState<string>(today);
  const [amount, setAmount] = useState<string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void factDefaults(db, deadline, today).then((defaults) => {
      if (!live) return;
      setDate(defaults.date);
      if (defaults.amountCents !== undefined) setAmount(centsToEurosText(defaults.amountCents));
    });
    return () => {
      live = false;
    };
  }, [db, deadline, today]);

  if (fact === undefined) return null;
  const wording = FACT_WORDING[fact];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      const result = await recordDeadlineFact(db, deadline, fact === 'payment-received' ? { date, amount } : { date }, today);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      toast.show(result.message);
      onDone();
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => act(() => submit(e))} noValidate className="dialog-form">
      <TextField
        label={wording.dateLabel}
        type="date"
        required
        max={today}
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={errors.date}
        autoFocus
      />
      {fact === 'payment-received' ? (
        <TextField
          label="Montant reçu"
          required
          inputMode="decimal"
          hint="En euros, tel qu’arrivé sur le compte."
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errors.amount}
        />
      ) : null}
      <div className="dialog__actions">
        <DialogCancel className="button">Annuler</DialogCancel>
        <button type="submit" className="button button--primary" disabled={saving}>
          Enregistrer
        </button>
      </div>
    </form>
  );
}
