import { useMemo, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { todayIso } from '../../domain/dates';
import type { GrantApplication } from '../../domain/funding/grant-application';
import {
  futureReceptionProblem,
  paymentFormSchema,
  paymentFormValues,
  paymentWarnings,
  type Payment,
  type PaymentFormValues,
  type PaymentRecord,
} from '../../domain/funding/payment';
import { parseEurosToCents } from '../../domain/money';
import { savePayment } from '../../data/funding-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { TextField } from '../../ui/field';
import { errorAt } from '../../ui/form-errors';
import { DialogActions, FormDialog } from '../../ui/form-dialog';
import { ErrorLine, useSaveOutcome } from '../../ui/form-pieces';
import { useSchemaForm } from '../../ui/use-schema-form';

/** What the dialog reads of the grant: the committed amount (warnings), its period (dates), its revision. */
type PaymentGrant = Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents' | 'periodStart' | 'periodEnd'> & {
  updatedAt?: string | undefined;
};

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
  /** The grant and its payments (live), to warn of an overpayment or tranches above the committed amount. */
  application?: PaymentGrant | undefined;
  payments?: readonly PaymentRecord[] | undefined;
  /** The payment edited, as it was when the dialog opened; its live version is read from `payments`. */
  payment?: PaymentRecord | undefined;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={payment ? 'Modifier le versement' : 'Nouveau versement'}
      description="Une tranche attendue, puis, une fois arrivée sur le compte, sa date et son montant reçus."
    >
      {open ? (
        <PaymentForm
          applicationId={applicationId}
          application={application}
          others={(payments ?? []).filter((p) => p.id !== payment?.id)}
          payment={payment}
          live={payment ? (payments ?? []).find((p) => p.id === payment.id) : undefined}
          onDone={() => onOpenChange(false)}
        />
      ) : null}
    </FormDialog>
  );
}

function PaymentForm({
  applicationId,
  application,
  others,
  payment,
  live,
  onDone,
}: {
  applicationId: string;
  application: PaymentGrant | undefined;
  others: readonly PaymentRecord[];
  payment?: PaymentRecord | undefined;
  live?: PaymentRecord | undefined;
  onDone: () => void;
}) {
  const { db } = useCurrentWorkspace();
  const today = todayIso();
  // The future reception and the dates far from the grant's period are checked with the fields, in one round.
  const periodStart = application?.periodStart;
  const periodEnd = application?.periodEnd;
  const schema = useMemo(
    () => paymentFormSchema(today, periodStart && periodEnd ? { periodStart, periodEnd } : undefined),
    [today, periodStart, periodEnd],
  );
  const values = (p?: PaymentRecord) => paymentFormValues(p, applicationId);
  // A short form in a dialog: leaving it with changes asks « Quitter sans enregistrer ? », no draft.
  const { form, formRef, field, onSubmit, refuse, saved, revision, summary } = useSchemaForm<PaymentFormValues, Payment, PaymentRecord>({
    schema,
    defaultValues: values(payment),
    record: payment ? (live ?? payment) : undefined,
    valuesOf: values,
  });
  const { isSubmitting } = form.formState;

  // The grant changed in another tab while the dialog was open (its amount, its period): said at once, the
  // warnings below follow the new figures.
  const grantRevision = useRef(application?.updatedAt);
  const grantChanged = application?.updatedAt !== undefined && application.updatedAt !== grantRevision.current;
  const binnedElsewhere = payment !== undefined && live === undefined;

  // Warnings, as the user types: they do not stop the save (an overpayment to be paid back is a fact).
  const typed = (text: string | undefined) => {
    const parsed = text === undefined || text.trim() === '' ? undefined : parseEurosToCents(text);
    return parsed?.ok ? parsed.cents : undefined;
  };
  const [expectedText, receivedText, receivedDate] = useWatch({
    control: form.control,
    name: ['expectedCents', 'receivedCents', 'receivedDate'],
  });
  const warnings = application
    ? paymentWarnings({ expectedCents: typed(expectedText), receivedCents: typed(receivedText) }, application, others)
    : {};
  const future = futureReceptionProblem(/^\d{4}-\d{2}-\d{2}$/.test(receivedDate) ? receivedDate : undefined, today);
  const warning = (text: string | undefined) => (text ? <span className="field__warning">{text}</span> : undefined);

  // Read, not registered here: registering it first would make react-hook-form focus it before « Date prévue ».
  const receivedError = errorAt(form.formState.errors, 'receivedDate');
  // The grant itself refused the tranche (gone to the bin, refused meanwhile): no field of the dialog holds it.
  const grantRefusal = errorAt(form.formState.errors, 'applicationId');

  const settle = useSaveOutcome(refuse);

  const onValid = async (input: Payment) =>
    settle(
      await savePayment(db, { ...input, applicationId }, payment ? { id: revision() } : {}),
      (record) => {
        saved(values(record), record);
        onDone();
      },
      (record) => (record.receivedDate ? 'Versement reçu enregistré.' : 'Versement attendu enregistré.'),
    );

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate className="dialog-form" aria-label="Versement">
      {summary}
      {binnedElsewhere ? (
        <div className="form-errors-summary" role="alert">
          Ce versement vient d’être supprimé ailleurs (autre onglet ou autre fenêtre){'\u00a0'}: il est dans la corbeille, l’enregistrement
          sera refusé.
        </div>
      ) : null}
      {grantChanged ? (
        <div className="form-errors-summary" role="alert">
          La demande vient d’être modifiée ailleurs (autre onglet ou autre fenêtre){'\u00a0'}: les avertissements ci-dessous suivent ses
          nouveaux montants et sa nouvelle période.
        </div>
      ) : null}
      <TextField label="Libellé" hint="Ex. Avance 50 %, Solde." autoFocus {...field('label')} />
      <TextField label="Date prévue" type="date" required {...field('expectedDate')} />
      <TextField
        label="Montant prévu"
        required
        inputMode="decimal"
        hint={warnings.expectedCents ? warning(warnings.expectedCents) : 'En euros (ex. 5 000).'}
        {...field('expectedCents')}
      />
      <TextField label="Date de réception" type="date" hint={receivedError ? undefined : warning(future)} {...field('receivedDate')} />
      <TextField label="Montant reçu" inputMode="decimal" hint={warning(warnings.receivedCents)} {...field('receivedCents')} />
      <ErrorLine message={grantRefusal} />
      <DialogActions submitLabel="Enregistrer le versement" submitting={isSubmitting} />
    </form>
  );
}
