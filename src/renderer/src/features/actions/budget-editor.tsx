import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useAgreements } from '../../data/agreements-repository';
import {
  acceptSuggestions,
  addBudgetLine,
  removeBudgetLine,
  restoreBudgetLine,
  updateBudgetLine,
  useBudgetView,
  type BudgetTarget,
} from '../../data/budgets-repository';
import { useProject } from '../../data/projects-repository';
import { useTeam } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { BUDGET_CHAPTERS, accountsForScope, budgetAccount, isGrantAccount, type BudgetSide } from '../../domain/budgets/accounts';
import type { BudgetLineRecord } from '../../domain/budgets/budget';
import { lineAmountResolver } from '../../domain/budgets/budget-lines';
import { exerciseStartingIn } from '../../domain/exercise';
import { useExerciseCalendar } from '../../data/association-repository';
import { budgetTotals, formatPercent, grantShare, type BudgetTotals } from '../../domain/budgets/budget-totals';
import { suggestBudgetLines, suggestionState, type BudgetSuggestion } from '../../domain/budgets/suggestions';
import { formatWholeEuros } from '../../domain/money';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

// A budget prévisionnel on the Cerfa account lines: charges, then produits, then the contributions
// volontaires en nature, each chapter in the form's order. Amounts are whole euros, edited in place; a 74
// line linked to a grant application shows and follows the application's amount.

const NBSP = '\u00a0';
const wholeNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const eurosText = (cents: number) => wholeNumber.format(cents / 100).replace(/\s/g, ' ');

const GROUPS: { title: string; sides: BudgetSide[]; totals: (t: BudgetTotals) => { label: string; cents: number }[] }[] = [
  { title: 'Charges', sides: ['charge'], totals: (t) => [{ label: 'Total des charges', cents: t.chargesCents }] },
  { title: 'Produits', sides: ['product'], totals: (t) => [{ label: 'Total des produits', cents: t.productsCents }] },
  {
    title: 'Contributions volontaires en nature',
    sides: ['contribution-use', 'contribution-resource'],
    totals: (t) => [
      { label: 'Total des emplois (86)', cents: t.contributionUsesCents },
      { label: 'Total des contributions (87)', cents: t.contributionResourcesCents },
    ],
  },
];

export function BudgetEditor({ target }: { target: BudgetTarget }) {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const view = useBudgetView(db, target);
  const team = useTeam(db);
  const agreements = useAgreements(db);
  const project = useProject(db, target.scope === 'project' ? target.projectId : '');
  const calendar = useExerciseCalendar(db);
  const exercise = useMemo(() => exerciseStartingIn(calendar, target.year), [calendar, target.year]);

  const suggestions = useMemo<BudgetSuggestion[] | undefined>(() => {
    if (!view || !team || !agreements) return undefined;
    if (target.scope === 'project' && !project) return undefined;
    return suggestBudgetLines({
      scope: target.scope,
      year: target.year,
      exercise,
      team,
      funders: view.funders,
      applications: view.applications,
      agreements,
      ...(target.scope === 'project' && project ? { project: project.project, projectStaff: project.staff } : {}),
    });
  }, [view, team, agreements, project, target.scope, target.year, exercise]);

  if (!view) return <Loading what="du budget" />;

  const amountOf = lineAmountResolver(view.applications, exercise);
  const totals = budgetTotals(view.lines, amountOf);
  const share = grantShare(view.lines, {}, amountOf);
  const chapters = BUDGET_CHAPTERS.filter((c) => target.scope === 'project' || (c.chapter !== 'CI' && c.chapter !== 'RP'));

  const remove = async (line: BudgetLineRecord) => {
    await removeBudgetLine(db, line.id);
    toast.show(`Ligne « ${budgetAccount(line.account)?.label ?? line.account} » retirée.`, {
      action: { label: 'Annuler', run: () => restoreBudgetLine(db, line.id) },
    });
  };

  return (
    <div className="budget-editor">
      {view.lines.length === 0 ? (
        <EmptyState title={`Budget ${target.year} vide`} heading="h3">
          <p>
            Ajoutez les lignes du budget (charges, produits, contributions en nature) en euros entiers, ou acceptez les montants suggérés à
            partir de l’équipe, des demandes de subvention et des conventions.
          </p>
        </EmptyState>
      ) : (
        GROUPS.map((group) => {
          const groupChapters = chapters.filter((c) => group.sides.includes(c.side));
          const rows = groupChapters.flatMap((c) => {
            const lines = view.lines.filter((l) => budgetAccount(l.account)?.chapter === c.chapter);
            return lines.length === 0 ? [] : [{ chapter: c, lines }];
          });
          if (rows.length === 0) return null;
          return (
            <table key={group.title} className="data-table budget-table">
              <caption>{group.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Compte</th>
                  <th scope="col">Précision</th>
                  <th scope="col" className="numeric">
                    Montant (€)
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ chapter, lines }) => (
                  <ChapterRows
                    key={chapter.chapter}
                    label={chapter.label}
                    totalCents={totals.byChapter[chapter.chapter] ?? 0}
                    lines={lines}
                    amountOf={amountOf}
                    applications={view.applications}
                    onRemove={(line) => act(() => remove(line))}
                  />
                ))}
              </tbody>
              <tfoot>
                {group.totals(totals).map((row) => (
                  <tr key={row.label} className="budget-table__total">
                    <th scope="row" colSpan={2}>
                      {row.label}
                    </th>
                    <td className="numeric">{formatWholeEuros(row.cents)}</td>
                    <td />
                  </tr>
                ))}
              </tfoot>
            </table>
          );
        })
      )}
      <AddLineForm target={target} applications={view.applications} funders={view.funders} />
      {suggestions && suggestions.length > 0 ? (
        <SuggestionsPanel target={target} suggestions={suggestions} lines={view.lines} amountOf={amountOf} />
      ) : null}
      {view.lines.length === 0 ? null : (
        <dl className="budget-totals" aria-label="Totaux du budget">
          <div>
            <dt>Total des charges</dt>
            <dd>{formatWholeEuros(totals.chargesCents)}</dd>
          </div>
          <div>
            <dt>Total des produits</dt>
            <dd>{formatWholeEuros(totals.productsCents)}</dd>
          </div>
          <div className={totals.balanced ? 'budget-totals__gap budget-totals__gap--ok' : 'budget-totals__gap budget-totals__gap--off'}>
            <dt>Équilibre</dt>
            <dd>
              <span role="status">
                {totals.balanced
                  ? 'Budget équilibré'
                  : `Écart${NBSP}: ${formatWholeEuros(Math.abs(totals.gapCents))} — le budget doit être équilibré (${totals.gapCents > 0 ? 'charges supérieures aux produits' : 'produits supérieurs aux charges'})`}
              </span>
            </dd>
          </div>
          {totals.contributionUsesCents > 0 || totals.contributionResourcesCents > 0 ? (
            <div>
              <dt>Contributions en nature (86 / 87)</dt>
              <dd>
                {formatWholeEuros(totals.contributionUsesCents)} / {formatWholeEuros(totals.contributionResourcesCents)}
                {totals.contributionsBalanced
                  ? ' — équilibrées'
                  : ` — écart${NBSP}: ${formatWholeEuros(Math.abs(totals.contributionGapCents))}`}
              </dd>
            </div>
          ) : null}
          {target.scope === 'project' && share.percent !== null ? (
            <div className="budget-totals__share">
              <dt>Part des subventions</dt>
              <dd>La subvention représente {formatPercent(share.percent)} du total des produits de l’action.</dd>
            </div>
          ) : null}
        </dl>
      )}
    </div>
  );
}

function ChapterRows(props: {
  label: string;
  totalCents: number;
  lines: BudgetLineRecord[];
  amountOf: (line: BudgetLineRecord) => number;
  applications: { id: string; title: string }[];
  onRemove: (line: BudgetLineRecord) => void;
}) {
  const { label, totalCents, lines, amountOf, applications, onRemove } = props;
  return (
    <>
      <tr className="budget-table__chapter">
        <th scope="rowgroup" colSpan={2}>
          {label}
        </th>
        <td className="numeric">{formatWholeEuros(totalCents)}</td>
        <td />
      </tr>
      {lines.map((line) => (
        <LineRow
          key={`${line.id}-${line.updatedAt}`}
          line={line}
          effectiveCents={amountOf(line)}
          application={applications.find((a) => a.id === line.grantApplicationId)}
          onRemove={() => onRemove(line)}
        />
      ))}
    </>
  );
}

function LineRow({
  line,
  effectiveCents,
  application,
  onRemove,
}: {
  line: BudgetLineRecord;
  effectiveCents: number;
  application: { id: string; title: string } | undefined;
  onRemove: () => void;
}) {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const account = budgetAccount(line.account);
  const accountLabel = account?.label ?? line.account;
  const [label, setLabel] = useState(line.label ?? '');
  const [amount, setAmount] = useState(eurosText(line.amountCents));
  const [error, setError] = useState<string>();
  const errorId = useId();

  const save = async (patch: Record<string, unknown>) => {
    const result = await updateBudgetLine(db, line.id, patch);
    setError(result.ok ? undefined : Object.values(result.errors)[0]);
  };

  return (
    <tr>
      <td>{accountLabel}</td>
      <td>
        <input
          className="field__control budget-input"
          aria-label={`Précision — ${accountLabel}`}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={() => (label !== (line.label ?? '') ? act(() => save({ label })) : undefined)}
        />
      </td>
      <td className="numeric">
        {application ? (
          <span className="budget-linked">
            {formatWholeEuros(effectiveCents)}
            <Link href={pathTo({ screen: 'application', id: application.id })} className="budget-linked__link">
              suit la demande « {application.title} »
            </Link>
          </span>
        ) : (
          <>
            <input
              className="field__control budget-input budget-input--amount"
              inputMode="numeric"
              aria-label={`Montant en euros — ${accountLabel}${line.label ? ` (${line.label})` : ''}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              onBlur={() => (amount !== eurosText(line.amountCents) ? act(() => save({ amountCents: amount })) : undefined)}
            />
            {error ? (
              <p id={errorId} className="field__error" role="alert">
                {error}
              </p>
            ) : null}
          </>
        )}
      </td>
      <td>
        <button
          type="button"
          className="button button--small"
          onClick={onRemove}
          aria-label={`Retirer la ligne ${accountLabel}${line.label ? ` (${line.label})` : ''}`}
        >
          Retirer
        </button>
      </td>
    </tr>
  );
}

function AddLineForm({
  target,
  applications,
  funders,
}: {
  target: BudgetTarget;
  applications: { id: string; title: string; funderId: string }[];
  funders: { id: string; name: string }[];
}) {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const ids = { account: useId(), label: useId(), amount: useId(), app: useId() };
  const [account, setAccount] = useState('');
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [applicationId, setApplicationId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const accounts = accountsForScope(target.scope);
  const chapters = BUDGET_CHAPTERS.filter((c) => accounts.some((a) => a.chapter === c.chapter));
  const isGrantLine = isGrantAccount(account);
  const funderName = (id: string) => funders.find((f) => f.id === id)?.name ?? '';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const linked = isGrantLine && applicationId !== '';
    const result = await addBudgetLine(db, target, {
      account,
      label,
      amountCents: linked ? 0 : amount,
      // A linked line names its application's funder (line 74 prints it).
      ...(linked
        ? { grantApplicationId: applicationId, source: 'application', funderId: applications.find((a) => a.id === applicationId)?.funderId }
        : {}),
    });
    if (!result.ok) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      const id = first === 'account' ? ids.account : first === 'grantApplicationId' ? ids.app : first === 'label' ? ids.label : ids.amount;
      window.requestAnimationFrame(() => form.querySelector<HTMLElement>(`[id="${id}"]`)?.focus());
      return;
    }
    setErrors({});
    setLabel('');
    setAmount('');
    setApplicationId('');
  };

  const fieldError = (key: string, id: string) =>
    errors[key] ? (
      <p id={`${id}-error`} className="field__error" role="alert">
        {errors[key]}
      </p>
    ) : null;
  const described = (key: string, id: string) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

  return (
    <form className="budget-add" onSubmit={(e) => act(() => submit(e))} noValidate aria-label="Ajouter une ligne au budget">
      <h3 className="actions-subtitle">Ajouter une ligne</h3>
      <div className="budget-add__fields">
        <div className="field">
          <label htmlFor={ids.account} className="field__label">
            Compte
          </label>
          <select
            id={ids.account}
            className="field__control"
            value={account}
            onChange={(e) => setAccount(e.target.value)}
            {...described('account', ids.account)}
          >
            <option value="">Choisir une ligne du budget…</option>
            {chapters.map((c) => (
              <optgroup key={c.chapter} label={c.label}>
                {accounts
                  .filter((a) => a.chapter === c.chapter)
                  .map((a) => (
                    <option key={a.code} value={a.code}>
                      {a.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          {fieldError('account', ids.account)}
        </div>
        <div className="field">
          <label htmlFor={ids.label} className="field__label">
            Précision
          </label>
          <input
            id={ids.label}
            className="field__control"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            {...described('label', ids.label)}
          />
          {fieldError('label', ids.label)}
        </div>
        {isGrantLine ? (
          <div className="field">
            <label htmlFor={ids.app} className="field__label">
              Demande de subvention liée
            </label>
            <select
              id={ids.app}
              className="field__control"
              value={applicationId}
              onChange={(e) => setApplicationId(e.target.value)}
              {...described('grantApplicationId', ids.app)}
            >
              <option value="">Aucune (montant saisi)</option>
              {applications.map((a) => (
                <option key={a.id} value={a.id}>
                  {funderName(a.funderId)} — {a.title}
                </option>
              ))}
            </select>
            {fieldError('grantApplicationId', ids.app)}
          </div>
        ) : null}
        {isGrantLine && applicationId !== '' ? null : (
          <div className="field">
            <label htmlFor={ids.amount} className="field__label">
              Montant en euros
            </label>
            <input
              id={ids.amount}
              className="field__control"
              inputMode="numeric"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              {...described('amountCents', ids.amount)}
            />
            {fieldError('amountCents', ids.amount)}
          </div>
        )}
        <button type="submit" className="button button--primary budget-add__submit">
          Ajouter la ligne
        </button>
      </div>
    </form>
  );
}

const STATE_TEXT = {
  new: 'Pas encore dans le budget',
  different: 'Montant différent dans le budget',
  accepted: 'Déjà dans le budget',
} as const;

function SuggestionsPanel(props: {
  target: BudgetTarget;
  suggestions: BudgetSuggestion[];
  lines: BudgetLineRecord[];
  amountOf: (line: BudgetLineRecord) => number;
}) {
  const act = useAction();
  const { target, suggestions, lines, amountOf } = props;
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const states = suggestions.map((s) => suggestionState(s, lines, (l) => amountOf(l as BudgetLineRecord)));
  const pending = suggestions.filter((_, i) => states[i] !== 'accepted');

  const accept = async (list: BudgetSuggestion[]) => {
    const result = await acceptSuggestions(db, target, list);
    if (result.ok) toast.show(result.value === 1 ? 'Suggestion acceptée.' : `${result.value} suggestions acceptées.`);
    else toast.show(Object.values(result.errors)[0] ?? 'Suggestion refusée.', { tone: 'error' });
  };

  return (
    <section className="budget-suggestions" aria-labelledby="budget-suggestions-title">
      <div className="budget-section__header">
        <h3 id="budget-suggestions-title" className="actions-subtitle">
          Suggestions
        </h3>
        {pending.length > 1 ? (
          <button type="button" className="button" onClick={() => act(() => accept(pending))}>
            Tout accepter
          </button>
        ) : null}
      </div>
      <p className="field__hint">
        Montants calculés à partir de l’équipe, des demandes de subvention et des conventions ; acceptés, ils restent modifiables.
      </p>
      <ul className="budget-suggestions__list">
        {suggestions.map((s, i) => (
          <li key={s.key} className="budget-suggestion">
            <div>
              <strong>
                {budgetAccount(s.account)?.label ?? s.account} — {s.label}
              </strong>{' '}
              <span className="budget-suggestion__amount">{formatWholeEuros(s.amountCents)}</span>
              <p className="budget-suggestion__why">{s.explanation}</p>
            </div>
            {states[i] === 'accepted' ? (
              <span className="badge budget-badge--balanced">{STATE_TEXT.accepted}</span>
            ) : (
              <button
                type="button"
                className="button button--small"
                onClick={() => act(() => accept([s]))}
                aria-label={`Accepter ${formatWholeEuros(s.amountCents)} — ${s.label}, ${budgetAccount(s.account)?.label ?? s.account}`}
                title={STATE_TEXT[states[i] ?? 'new']}
              >
                Accepter
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
