import { useEffect, useState } from 'react';
import { FACT_WORDING, factDefaults, recordDeadlineFact } from '../../data/deadline-facts';
import { useCurrentWorkspace } from '../../data/workspace-context';
import type { IsoDate } from '../../domain/dates';
import { recordedFact, type Deadline } from '../../domain/deadlines/deadline';
import { factFormSchema, type FactFormOutput, type FactFormValues } from '../../domain/deadlines/deadline-forms';
import { centsToEurosText } from '../../domain/money';
import { TextField } from '../../ui/field';
import { DialogCancel, FormDialog } from '../../ui/form-dialog';
import { useToast } from '../../ui/toast';
import { useSchemaForm } from '../../ui/use-schema-form';

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
  const [defaults, setDefaults] = useState<FactFormValues | undefined>();

  useEffect(() => {
    let live = true;
    void factDefaults(db, deadline, today)
      .then((found) => {
        if (live) setDefaults({ date: found.date, amount: found.amountCents === undefined ? '' : centsToEurosText(found.amountCents) });
      })
      .catch((error: unknown) => {
        // The expected amount could not be read: the form opens on today and an empty amount.
        console.error('Passerelle: reading a fact’s defaults failed', error);
        if (live) setDefaults({ date: today, amount: '' });
      });
    return () => {
      live = false;
    };
  }, [db, deadline, today]);

  if (defaults === undefined) return <p role="status">Chargement…</p>;
  return <FactFields deadline={deadline} today={today} defaults={defaults} onDone={onDone} />;
}

// On the one form wiring: an impossible date (31/02/2026), a date after today or an unreadable amount is
// said under its field in one round, and nothing is written. The dialog is short and asks before leaving
// (no draft): the fact is quicker to type again than a draft of it to explain.
function FactFields({
  deadline,
  today,
  defaults,
  onDone,
}: {
  deadline: Deadline;
  today: IsoDate;
  defaults: FactFormValues;
  onDone: () => void;
}) {
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const fact = recordedFact(deadline);
  const wording = FACT_WORDING[fact ?? 'payment-received'];
  const payment = fact === 'payment-received';
  const [schema] = useState(() => factFormSchema(wording.dateLabel, today, payment));
  const { form, formRef, field, onSubmit, refuse, saved, summary } = useSchemaForm<FactFormValues, FactFormOutput>({
    schema,
    defaultValues: defaults,
    noDraft: true,
  });

  const onValid = async (values: FactFormOutput) => {
    const result = await recordDeadlineFact(
      db,
      deadline,
      payment ? { date: values.date, amount: values.amount ?? '' } : { date: values.date },
      today,
    );
    if (!result.ok) return refuse(result.errors);
    saved(form.getValues());
    toast.show(result.message);
    onDone();
  };

  if (fact === undefined) return null;
  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate className="dialog-form" aria-label={wording.title}>
      {summary}
      <TextField label={wording.dateLabel} type="date" required max={today} autoFocus {...field('date')} />
      {payment ? (
        <TextField label="Montant reçu" required inputMode="decimal" hint="En euros, tel qu’arrivé sur le compte." {...field('amount')} />
      ) : null}
      <div className="dialog__actions">
        <DialogCancel className="button">Annuler</DialogCancel>
        <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
          Enregistrer
        </button>
      </div>
    </form>
  );
}
