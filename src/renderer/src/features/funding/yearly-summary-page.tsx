import { useMemo } from 'react';
import { useLocation } from 'wouter';
import { useExerciseCalendar } from '../../data/association-repository';
import { useFundingData } from '../../data/funding-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import { exerciseContaining, exerciseLabel, exerciseStartingIn } from '../../domain/exercise';
import { summaryYears, yearlySummary } from '../../domain/funding/yearly-summary';
import { formatCents } from '../../domain/money';
import { ExportMenu } from '../../ui/export-menu';
import { Page } from '../../ui/page';
import { saveSheet, yearlySummarySheet } from './funding-export';
import { FundingTabs } from './funding-tabs';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { Options } from '../../ui/options';

export function YearlySummaryPage({ params }: { params: { year?: string } }) {
  const { db } = useCurrentWorkspace();
  const data = useFundingData(db);
  const [, navigate] = useLocation();
  const today = todayIso();
  const calendar = useExerciseCalendar(db);
  const years = useMemo(() => summaryYears(data?.applications ?? [], calendar), [data, calendar]);
  const currentYear = exerciseContaining(calendar, today).startYear;
  const startYear =
    params.year && /^\d{4}$/.test(params.year)
      ? Number(params.year)
      : years.includes(currentYear)
        ? currentYear
        : (years[0] ?? currentYear);
  const exercise = exerciseStartingIn(calendar, startYear);
  const year = exerciseLabel(exercise);
  const summary = useMemo(
    () => (data ? yearlySummary(data.funders, data.applications, data.payments, exercise, today) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the exercise is a new object each render; its dates are the key
    [data, exercise.start, today],
  );
  const yearOptions = [...new Set([...years, startYear])].sort((a, b) => b - a);

  return (
    <Page
      className="page--landscape"
      title={`Bilan annuel ${year}`}
      action={
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          Imprimer le bilan
        </button>
      }
    >
      <FundingTabs />
      <div className="toolbar">
        <label className="search">
          <span className="search__label">Exercice</span>
          <select
            className="field__control"
            value={startYear}
            onChange={(e) => navigate(pathTo({ screen: 'yearly-summary', year: Number(e.target.value) }))}
          >
            <Options options={yearOptions.map((y) => ({ value: String(y), label: exerciseLabel(exerciseStartingIn(calendar, y)) }))} />
          </select>
        </label>
        {summary && summary.rows.length > 0 ? (
          <ExportMenu what={`le bilan ${year}`} onExport={(format) => saveSheet(format, yearlySummarySheet(summary, year))} />
        ) : null}
      </div>
      <p className="muted">
        Exercice du {formatDateShort(exercise.start)} au {formatDateShort(exercise.end)}&nbsp;: toutes les demandes dont la période le
        recoupe, avec leurs montants entiers. La part de l’exercice est le montant conventionné (à défaut accordé) au prorata des jours de
        la période qui tombent dans l’exercice&nbsp;; c’est elle qui compte pour les totaux de l’exercice et le seuil de publication des
        comptes. Le reste à percevoir part du montant conventionné, à défaut du montant accordé.
      </p>
      {summary === undefined ? (
        <Loading />
      ) : summary.rows.length === 0 ? (
        <EmptyState title={`Aucune demande pour ${year}`}>
          <p>Le bilan se remplit à mesure que vous enregistrez des demandes et leurs versements.</p>
        </EmptyState>
      ) : (
        <>
          {summary.publicationRequired ? (
            <p className="flag flag--warning" role="note">
              Part de l’exercice {year} des subventions publiques&nbsp;: {formatCents(summary.publicGrantedCents)}, au-delà de 153{'\u00a0'}
              000{'\u00a0'}€&nbsp;: les comptes doivent être publiés et un commissaire aux comptes nommé.
            </p>
          ) : null}
          {/* At 1280 px the columns fit; narrower, the table scrolls with the funder's column kept in view. */}
          <div className="table-scroll" role="region" aria-label={`Subventions ${year} par financeur, tableau défilant`} tabIndex={0}>
            <table className="data-table summary-table summary-table--funders">
              <caption>Subventions {year} par financeur</caption>
              <thead>
                <tr>
                  <th scope="col">Financeur</th>
                  {['Demandes', ...AMOUNTS.map((a) => a.label)].map((label) => (
                    <th key={label} scope="col" className="num">
                      {label}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Reste à percevoir
                  </th>
                  <th scope="col">Retards</th>
                  <th scope="col" className="num">
                    Part de l’exercice
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.rows.map((r) => (
                  <tr key={r.funderId} className={r.latePaymentCount > 0 ? 'row--late' : undefined}>
                    <th scope="row">{r.funderName}</th>
                    <CountAndAmounts figures={r} />
                    <td className="num">
                      <Remaining remainingCents={r.remainingCents} overpaidCents={r.overpaidCents} />
                    </td>
                    <td>
                      {r.latePaymentCount > 0 ? (
                        <span className="badge badge--late">
                          {r.latePaymentCount} tranche{r.latePaymentCount > 1 ? 's' : ''} en retard ({formatCents(r.latePaymentCents)})
                        </span>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="num">{formatCents(r.exerciseShareCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <CountAndAmounts figures={summary.totals} />
                  <td className="num">
                    <Remaining remainingCents={summary.totals.remainingCents} overpaidCents={summary.totals.overpaidCents} />
                  </td>
                  <td>
                    {summary.totals.latePaymentCount > 0
                      ? `${summary.totals.latePaymentCount} en retard (${formatCents(summary.totals.latePaymentCents)})`
                      : '—'}
                  </td>
                  <td className="num">{formatCents(summary.totals.exerciseShareCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <table className="data-table summary-table">
            <caption>Demandes de l’exercice {year} et leur part</caption>
            <thead>
              <tr>
                <th scope="col">Demande</th>
                <th scope="col">Financeur</th>
                <th scope="col">Période</th>
                <th scope="col" className="num">
                  Conventionné ou accordé
                </th>
                <th scope="col" className="num">
                  Part de l’exercice
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.grants.map((g) => (
                <tr key={g.applicationId}>
                  <th scope="row">{g.title}</th>
                  <td>{g.funderName}</td>
                  <td>{`du ${formatDateShort(g.periodStart)} au ${formatDateShort(g.periodEnd)}`}</td>
                  <td className="num">{formatCents(g.committedCents)}</td>
                  <td className="num">{formatCents(g.exerciseShareCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}

/** Reste à percevoir, and under it any trop-perçu: an overpayment is never hidden behind a rest of 0. */
function Remaining({ remainingCents, overpaidCents }: { remainingCents: number; overpaidCents: number }) {
  return (
    <>
      {formatCents(remainingCents)}
      {overpaidCents > 0 ? (
        <span className="amount--overpaid">
          trop-perçu de{'\u00a0'}
          {formatCents(overpaidCents)}
        </span>
      ) : null}
    </>
  );
}

/** The funder table's amount columns, in the order of a request's life. */
const AMOUNTS = [
  { key: 'requestedCents', label: 'Demandé' },
  { key: 'grantedCents', label: 'Accordé' },
  { key: 'agreedCents', label: 'Conventionné' },
  { key: 'paidCents', label: 'Versé' },
] as const;

/** A funder's (or the total's) number of requests and its amounts. */
function CountAndAmounts({ figures }: { figures: Record<(typeof AMOUNTS)[number]['key'] | 'applicationCount', number> }) {
  return (
    <>
      <td className="num">{figures.applicationCount}</td>
      {AMOUNTS.map(({ key }) => (
        <td key={key} className="num">
          {formatCents(figures[key])}
        </td>
      ))}
    </>
  );
}
