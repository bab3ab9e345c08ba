import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { todayIso } from '../../domain/dates';
import type { GrantApplication } from '../../domain/funding/grant-application';
import {
  futureReceptionProblem,
  paymentFormValues,
  paymentWarnings,
  type PaymentFormValues,
  type PaymentRecord,
} from '../../domain/funding/payment';
import { parseEurosToCents } from '../../domain/money';
import { savePayment } from '../../data/funding-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { TextField } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { useLoadedRevision } from '../../ui/loaded-revision';

/** Adds a tranche, or records its reception: the received date and amount together. */
export function PaymentDialog({
  open,
  onOpenChange,
  applicationId,
  application,
  payments,
  payment,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  applicationId: string;
  /** The grant and its payments, to warn of an overpayment or tranches above the committed amount. */
  application?: Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents'> | undefined;
  payments?: readonly PaymentRecord[] | undefined;
  payment?: PaymentRecord | undefined;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog__title">{payment ? 'Modifier le versement' : 'Nouveau versement'}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Une tranche attendue, puis, une fois arrivée sur le compte, sa date et son montant reçus.
          </Dialog.Description>
          {open ? (
            <PaymentForm
              applicationId={applicationId}
              application={application}
              others={(payments ?? []).filter((p) => p.id !== payment?.id)}
              payment={payment}
              onDone={() => onOpenChange(false)}
            />
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PaymentForm({
  applicationId,
  application,
  others,
  payment,
  onDone,
}: {
  applicationId: string;
  application: Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents'> | undefined;
  others: readonly PaymentRecord[];
  payment?: PaymentRecord | undefined;
  onDone: () => void;
}) {
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const revision = useLoadedRevision(payment);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { register, handleSubmit, setFocus, formState, watch } = useForm<PaymentFormValues>({ defaultValues: paymentFormValues(payment) });

  // Warnings, as the user types: they do not stop the save (an overpayment to be paid back is a fact).
  const typed = (text: string) => {
    const parsed = text.trim() === '' ? undefined : parseEurosToCents(text);
    return parsed?.ok ? parsed.cents : undefined;
  };
  const [expectedText, receivedText, receivedDate] = watch(['expectedCents', 'receivedCents', 'receivedDate']);
  const warnings = application
    ? paymentWarnings({ expectedCents: typed(expectedText), receivedCents: typed(receivedText) }, application, others)
    : {};
  const future = futureReceptionProblem(/^\d{4}-\d{2}-\d{2}$/.test(receivedDate) ? receivedDate : undefined, todayIso());
  const warning = (text: string | undefined) => (text ? <span className="field__warning">{text}</span> : undefined);

  const onSubmit = async (values: PaymentFormValues) => {
    const result = await savePayment(db, { ...values, applicationId }, payment ? { id: revision.target() } : {});
    if (!result.ok) {
      setErrors(result.errors);
      if (result.errors[''] !== undefined) toast.show(result.errors[''], { tone: 'error' });
      const first = Object.keys(result.errors)[0];
      if (first && first in values) setFocus(first as keyof PaymentFormValues);
      return;
    }
    revision.adopt(result.value);
    if (result.merged) toast.show(result.merged.message);
    else toast.show(result.value.receivedDate ? 'Versement reçu enregistré.' : 'Versement attendu enregistré.');
    onDone();
  };

  const field = (name: keyof PaymentFormValues) => ({ ...register(name), error: errors[name] });

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="dialog-form">
      <TextField label="Libellé" hint="Ex. Avance 50 %, Solde." autoFocus {...field('label')} />
      <TextField label="Date prévue" type="date" required {...field('expectedDate')} />
      <TextField
        label="Montant prévu"
        required
        inputMode="decimal"
        hint={warnings.expectedCents ? warning(warnings.expectedCents) : 'En euros (ex. 5 000).'}
        {...field('expectedCents')}
      />
      <TextField label="Date de réception" type="date" hint={warning(future)} {...field('receivedDate')} />
      <TextField label="Montant reçu" inputMode="decimal" hint={warning(warnings.receivedCents)} {...field('receivedCents')} />
      {errors.applicationId ? (
        <p role="alert" className="field__error">
          {errors.applicationId}
        </p>
      ) : null}
      <div className="dialog__actions">
        <Dialog.Close className="button">Annuler</Dialog.Close>
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          Enregistrer le versement
        </button>
      </div>
    </form>
  );
}
