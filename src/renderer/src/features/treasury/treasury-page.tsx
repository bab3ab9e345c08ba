import { lazy, Suspense } from 'react';
import {
  deleteRecurringLine,
  restoreRecurringLine,
  saveOpeningBalance,
  saveRecurringLine,
  useTreasury,
} from '../../data/treasury-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import { centsToEurosText, formatCents } from '../../domain/money';
import { cashMonthLabel, negativeCashWarning, type CashForecast, type CashMonth } from '../../domain/treasury/cash-forecast';
import {
  CASH_RHYTHMS,
  OPENING_BALANCE_ID,
  openingBalanceSchema,
  recurringLineSchema,
  type CashLineRecord,
  type OpeningBalanceEntry,
  type RecurringLineEntry,
} from '../../domain/treasury/cash-line';
import { currentPlatform } from '../../platform/current-platform';
import { exportSheet, type ExportFormat, type SheetExport } from '../../reports/spreadsheet-export';
import { ExportMenu } from '../../ui/export-menu';
import { CheckboxField, SelectField, TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { refusalText, useAction } from '../../ui/use-action';
import { useSchemaForm } from '../../ui/use-schema-form';
import { chartSummary } from './chart-summary';
import { SmallButton } from '../../ui/list-pieces';

// Trésorerie: the twelve months ahead (domain/treasury/cash-forecast.ts), a chart and its table side by
// side, printable and exportable; above them, what the app cannot know — the balance on the bank
// statement and the recurring lines.

const CashChart = lazy(() => import('./cash-chart').then((m) => ({ default: m.CashChart })));

/** A form's fields as text; a date input holding an impossible date says so instead of sending ''. */
function monthsSheet(forecast: CashForecast): SheetExport<CashMonth> {
  return {
    name: 'tresorerie',
    title: 'Trésorerie prévisionnelle',
    rows: forecast.months,
    columns: [
      { header: 'Mois', value: (m) => cashMonthLabel(m.month) },
      { header: 'Solde en début de mois', type: 'cents', value: (m) => m.openingCents },
      { header: 'Entrées', type: 'cents', value: (m) => m.inCents },
      { header: 'Dont versements en retard', type: 'cents', value: (m) => m.lateCents },
      { header: 'Sorties', type: 'cents', value: (m) => m.outCents },
      { header: 'Solde en fin de mois', type: 'cents', value: (m) => m.closingCents },
      { header: 'Négatif', value: (m) => (m.negative ? 'Oui' : 'Non') },
    ],
  };
}

async function saveSheet(format: ExportFormat, sheet: SheetExport<CashMonth>): Promise<void> {
  const file = await exportSheet(format, sheet);
  await currentPlatform().saveFile(file.fileName, file.data, file.filters);
}

export function TreasuryPage() {
  const { db } = useCurrentWorkspace();
  const today = todayIso();
  const view = useTreasury(db, today);

  if (view === undefined) return <p role="status">Chargement…</p>;
  const { forecast, lines } = view;
  const warning = negativeCashWarning(forecast);
  const opening = lines.find((l) => l.id === OPENING_BALANCE_ID);

  return (
    <Page
      title="Trésorerie"
      action={
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          Imprimer
        </button>
      }
    >
      <p className="actions-lede">
        Les douze mois à venir&nbsp;: le solde en banque, les versements attendus des demandes accordées, les aides aux postes aidés à leur
        rythme, les salaires et charges des contrats mois par mois et vos lignes récurrentes.
      </p>
      {warning ? (
        <p className="flag flag--warning" role="alert">
          {warning}&nbsp;: solde de fin de mois {formatCents(forecast.firstNegative!.closingCents)}.
        </p>
      ) : null}
      {!forecast.openingKnown ? (
        <p className="flag flag--info" role="note">
          Solde en banque non saisi&nbsp;: la prévision part de zéro aujourd’hui.
        </p>
      ) : null}

      <section className="treasury" aria-labelledby="treasury-forecast-title">
        <div className="treasury__header">
          <h2 id="treasury-forecast-title">
            Prévision du {formatDateShort(forecast.from)} à fin {cashMonthLabel(forecast.months[forecast.months.length - 1]!.month)}
          </h2>
          <ExportMenu what="la prévision de trésorerie" onExport={(format) => saveSheet(format, monthsSheet(forecast))} />
        </div>
        <div className="treasury__body">
          <div className="treasury__chart">
            <Suspense fallback={<p role="status">Chargement du graphique…</p>}>
              <CashChart months={forecast.months} summary={chartSummary(forecast.months)} />
            </Suspense>
          </div>
          <ForecastTable forecast={forecast} />
        </div>
        <MonthDetails forecast={forecast} />
      </section>

      <div className="treasury__inputs">
        <OpeningBalanceForm opening={opening} />
        <RecurringLines lines={lines.filter((l) => l.kind === 'recurring')} />
      </div>
    </Page>
  );
}

function ForecastTable({ forecast }: { forecast: CashForecast }) {
  return (
    <table className="data-table treasury__table">
      <caption>Trésorerie prévisionnelle, mois par mois</caption>
      <thead>
        <tr>
          <th scope="col">Mois</th>
          <th scope="col" className="numeric">
            Début de mois
          </th>
          <th scope="col" className="numeric">
            Entrées
          </th>
          <th scope="col" className="numeric">
            Sorties
          </th>
          <th scope="col" className="numeric">
            Fin de mois
          </th>
        </tr>
      </thead>
      <tbody>
        {forecast.months.map((m) => (
          <tr key={m.month} className={m.negative ? 'treasury__negative' : undefined}>
            <th scope="row">{cashMonthLabel(m.month)}</th>
            <td className="numeric">{formatCents(m.openingCents)}</td>
            <td className="numeric">
              {formatCents(m.inCents)}
              {m.lateCents > 0 ? <span className="badge badge--late"> dont {formatCents(m.lateCents)} en retard</span> : null}
            </td>
            <td className="numeric">{formatCents(m.outCents)}</td>
            <td className="numeric">
              {formatCents(m.closingCents)}
              {m.negative ? <span className="badge badge--danger"> négatif</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MonthDetails({ forecast }: { forecast: CashForecast }) {
  return (
    <details className="treasury__details">
      <summary>Détail des mouvements de chaque mois</summary>
      {forecast.months.map((m) => (
        <section key={m.month} aria-label={cashMonthLabel(m.month)}>
          <h3>{cashMonthLabel(m.month)}</h3>
          {m.flows.length === 0 ? (
            <p className="muted">Aucun mouvement prévu.</p>
          ) : (
            <ul>
              {m.flows.map((f, i) => (
                <li key={`${f.sourceId}-${i}`}>
                  {formatDateShort(f.date)} — {f.label}&nbsp;: {f.direction === 'in' ? '+' : '−'}
                  {formatCents(f.amountCents)}
                  {f.late ? ' (en retard)' : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </details>
  );
}

interface OpeningBalanceFormValues {
  kind: 'opening';
  date: string;
  amountCents: string;
  overdrawn: boolean;
}

function openingBalanceFormValues(opening: CashLineRecord | undefined): OpeningBalanceFormValues {
  const current = opening?.kind === 'opening' ? opening : undefined;
  return {
    kind: 'opening',
    date: current?.date ?? todayIso(),
    amountCents: centsToEurosText(current?.amountCents),
    overdrawn: current?.overdrawn ?? false,
  };
}

function OpeningBalanceForm({ opening }: { opening: CashLineRecord | undefined }) {
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const current = opening?.kind === 'opening' ? opening : undefined;
  const { form, formRef, field, onSubmit, refuse, saved, revision, summary } = useSchemaForm<
    OpeningBalanceFormValues,
    OpeningBalanceEntry,
    CashLineRecord
  >({
    schema: openingBalanceSchema,
    defaultValues: openingBalanceFormValues(current),
    record: current,
    valuesOf: openingBalanceFormValues,
  });

  const onValid = async (values: OpeningBalanceEntry) => {
    const outcome = await saveOpeningBalance(db, values, current ? revision()?.updatedAt : undefined);
    if (!outcome.ok) {
      refuse(outcome.errors);
      return;
    }
    saved(openingBalanceFormValues(outcome.value), outcome.value);
    toast.show('Solde en banque enregistré.');
  };

  return (
    <form ref={formRef} className="card" aria-label="Solde en banque" noValidate onSubmit={onSubmit(onValid)}>
      <h2>Solde en banque</h2>
      <p className="muted">Le solde lu sur le relevé, à sa date&nbsp;: la prévision part de ce jour.</p>
      {summary}
      <TextField label="Date du solde" type="date" {...field('date')} />
      <TextField label="Solde en banque" inputMode="decimal" hint="En euros, ex. 12 500,00" {...field('amountCents')} />
      <CheckboxField label="Compte à découvert (solde négatif)" {...form.register('overdrawn')} />
      <button type="submit" className="button" disabled={form.formState.isSubmitting}>
        Enregistrer le solde
      </button>
    </form>
  );
}

interface RecurringLineFormValues {
  kind: 'recurring';
  label: string;
  direction: 'in' | 'out';
  amountCents: string;
  rhythm: 'monthly' | 'quarterly' | 'yearly';
  firstDate: string;
  lastDate: string;
}

const NEW_RECURRING_LINE: RecurringLineFormValues = {
  kind: 'recurring',
  label: '',
  direction: 'out',
  amountCents: '',
  rhythm: 'monthly',
  firstDate: '',
  lastDate: '',
};

function RecurringLines({ lines }: { lines: CashLineRecord[] }) {
  const { db } = useCurrentWorkspace();
  const act = useAction();
  const toast = useToast();
  const { form, formRef, field, onSubmit, refuse, saved, summary } = useSchemaForm<RecurringLineFormValues, RecurringLineEntry>({
    schema: recurringLineSchema,
    defaultValues: NEW_RECURRING_LINE,
  });

  const onValid = async (values: RecurringLineEntry) => {
    const outcome = await saveRecurringLine(db, values);
    if (!outcome.ok) {
      refuse(outcome.errors);
      return;
    }
    saved(NEW_RECURRING_LINE);
    toast.show('Ligne récurrente ajoutée.');
  };

  async function remove(line: CashLineRecord) {
    const binned = await deleteRecurringLine(db, { id: line.id, updatedAt: line.updatedAt });
    if (!binned.ok) {
      toast.show(refusalText(binned.errors), { tone: 'error' });
      return;
    }
    toast.show('Ligne récurrente mise à la corbeille.', { action: { label: 'Annuler', run: () => restoreRecurringLine(db, line.id) } });
  }

  return (
    <section className="card" aria-labelledby="recurring-title">
      <h2 id="recurring-title">Lignes récurrentes</h2>
      {lines.length === 0 ? (
        <p className="muted">Loyer, assurance, cotisations… ce que l’application ne connaît pas.</p>
      ) : (
        <ul className="treasury__lines">
          {lines.map((line) =>
            line.kind === 'recurring' ? (
              <li key={line.id}>
                {line.label} — {line.direction === 'in' ? 'entrée' : 'sortie'} de {formatCents(line.amountCents)}{' '}
                {CASH_RHYTHMS.find((r) => r.value === line.rhythm)?.label.toLowerCase()} depuis le {formatDateShort(line.firstDate)}
                {line.lastDate ? ` jusqu’au ${formatDateShort(line.lastDate)}` : ''}{' '}
                <SmallButton label={`Supprimer la ligne « ${line.label} »`} onClick={() => act(() => remove(line))}>
                  Supprimer
                </SmallButton>
              </li>
            ) : null,
          )}
        </ul>
      )}
      <form ref={formRef} aria-label="Ajouter une ligne récurrente" noValidate onSubmit={onSubmit(onValid)}>
        {summary}
        <TextField label="Libellé" {...field('label')} />
        <SelectField
          label="Sens"
          options={[
            { value: 'out', label: 'Sortie (dépense)' },
            { value: 'in', label: 'Entrée (recette)' },
          ]}
          {...field('direction')}
        />
        <TextField label="Montant" inputMode="decimal" hint="En euros, ex. 850,00" {...field('amountCents')} />
        <SelectField label="Rythme" options={CASH_RHYTHMS} {...field('rhythm')} />
        <TextField label="Première échéance" type="date" {...field('firstDate')} />
        <TextField label="Dernière échéance" type="date" hint="Facultatif" {...field('lastDate')} />
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          Ajouter la ligne
        </button>
      </form>
    </section>
  );
}
