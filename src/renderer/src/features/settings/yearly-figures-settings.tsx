import { useState } from 'react';
import { formatDateShort } from '../../domain/dates';
import { formatCents } from '../../domain/money';
import {
  YEARLY_FIGURE_KEYS,
  YEARLY_FIGURE_LABELS,
  yearlyFigureFormValues,
  yearlyFigureSchema,
  type DatedFigure,
  type YearlyFigure,
  type YearlyFigureFormValues,
  type YearlyFigureKey,
} from '../../domain/yearly-figures';
import {
  binYearlyFigure,
  restoreYearlyFigure,
  saveYearlyFigure,
  useYearlyFigureRecords,
  useYearlyFigures,
} from '../../data/yearly-figures-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextField } from '../../ui/field';
import { FormActions, useSaveOutcome } from '../../ui/form-pieces';
import { ActionsHeader, SmallButton } from '../../ui/list-pieces';
import { useToast } from '../../ui/toast';
import { refusalText, useAction } from '../../ui/use-action';
import { useSchemaForm } from '../../ui/use-schema-form';

const FIGURE_OPTIONS = YEARLY_FIGURE_KEYS.map((value) => ({ value, label: YEARLY_FIGURE_LABELS[value] }));

/**
 * Réglages « Chiffres datés »: the SMIC and the aid amounts with the date each took effect and its source —
 * Passerelle's defaults and the association's own values — which the aid calculations use when a post has
 * no amount of its own.
 */
export function YearlyFiguresSettings() {
  const { db } = useCurrentWorkspace();
  const figures = useYearlyFigures(db);
  const own = useYearlyFigureRecords(db);
  const toast = useToast();
  const act = useAction();
  const [adding, setAdding] = useState(false);

  const remove = (key: YearlyFigureKey, figure: DatedFigure) =>
    act(async () => {
      const record = own?.find((r) => r.id === figure.id);
      if (!record) return;
      const binned = await binYearlyFigure(db, { id: record.id, updatedAt: record.updatedAt });
      if (!binned.ok) {
        toast.show(refusalText(binned.errors), { tone: 'error' });
        return;
      }
      toast.show(`${YEARLY_FIGURE_LABELS[key]} du ${formatDateShort(figure.from)} retiré.`, {
        action: { label: 'Annuler', run: () => restoreYearlyFigure(db, record.id) },
      });
    });

  return (
    <section className="card" aria-labelledby="yearly-figures-title">
      <h2 id="yearly-figures-title">Chiffres datés</h2>
      <p className="muted">
        Le SMIC et les montants d’aide changent par décret ou par arrêté, parfois pendant la vie d’une aide. Chaque valeur vaut à partir de
        sa date ; un poste aidé sans montant propre suit la valeur en vigueur. Ajoutez la nouvelle valeur dès sa publication.
      </p>
      {YEARLY_FIGURE_KEYS.map((key) => (
        <table key={key} className="table" aria-label={YEARLY_FIGURE_LABELS[key]}>
          <caption>{YEARLY_FIGURE_LABELS[key]}</caption>
          <thead>
            <tr>
              <th scope="col">À partir du</th>
              <th scope="col">Montant</th>
              <th scope="col">Source</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {figures[key].map((figure) => (
              <tr key={`${figure.from}-${figure.id ?? 'default'}`}>
                <td>{formatDateShort(figure.from)}</td>
                <td>{formatCents(figure.cents)}</td>
                <td>{figure.id ? figure.source : `${figure.source} — valeur fournie par Passerelle`}</td>
                <td>
                  {figure.id ? (
                    <SmallButton
                      label={`Retirer la valeur du ${formatDateShort(figure.from)} (${YEARLY_FIGURE_LABELS[key]})`}
                      onClick={() => remove(key, figure)}
                    >
                      Retirer
                    </SmallButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {adding ? (
        <YearlyFigureForm
          onDone={(saved) => {
            setAdding(false);
            if (saved) toast.show(`${YEARLY_FIGURE_LABELS[saved.figure]} du ${formatDateShort(saved.from)} enregistré.`);
          }}
        />
      ) : (
        <div className="actions-row">
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Ajouter une valeur
          </button>
        </div>
      )}
    </section>
  );
}

function YearlyFigureForm({ onDone }: { onDone: (saved: YearlyFigure | null) => void }) {
  const { db } = useCurrentWorkspace();
  const { form, formRef, field, onSubmit, refuse, summary } = useSchemaForm<YearlyFigureFormValues, YearlyFigure>({
    schema: yearlyFigureSchema,
    defaultValues: yearlyFigureFormValues(),
  });
  const { isSubmitting } = form.formState;
  const settle = useSaveOutcome(refuse);
  const onValid = async (values: YearlyFigure) => settle(await saveYearlyFigure(db, values), onDone);
  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label="Nouvelle valeur datée" className="subform">
      <h3>Nouvelle valeur datée</h3>
      {summary}
      <div className="form-section__grid">
        <SelectField label="Chiffre" options={FIGURE_OPTIONS} {...field('figure')} />
        <TextField label="En vigueur à partir du" type="date" required {...field('from')} />
        <TextField
          label="Montant"
          required
          inputMode="decimal"
          hint="En euros, ex. 12,30 (SMIC horaire) ou 7 300,00 (montant annuel)."
          {...field('cents')}
        />
        <TextField label="Source" required hint="Le décret, l’arrêté ou la notification, avec sa date." {...field('source')} />
      </div>
      <FormActions submitLabel="Enregistrer la valeur" submitting={isSubmitting} onCancel={() => onDone(null)} />
    </form>
  );
}
