import { useEffect, useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link } from 'wouter';
import {
  acceptSuggestions,
  addBudgetLine,
  removeBudgetLine,
  restoreBudgetLine,
  updateBudgetLine,
  useBudgetSuggestions,
  useBudgetView,
  type BudgetTarget,
  type SuggestedLine,
} from '../../data/budgets-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { BUDGET_CHAPTERS, accountsForScope, budgetAccount, isGrantAccount, type BudgetSide } from '../../domain/budgets/accounts';
import {
  budgetLineEditSchema,
  budgetLineFormSchema,
  type BudgetLineFormOutput,
  type BudgetLineFormValues,
  type BudgetLineRecord,
} from '../../domain/budgets/budget';
import { lineAmountResolver } from '../../domain/budgets/budget-lines';
import { budgetTotals, formatPercent, grantShare, type BudgetTotals } from '../../domain/budgets/budget-totals';
import { firstIssueMessages } from '../../domain/fields';
import { centsToEurosText, formatWholeEuros } from '../../domain/money';
import { TextField } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { refusalText, useAction } from '../../ui/use-action';
import { useSchemaForm } from '../../ui/use-schema-form';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { ActionsHeader, SmallButton } from '../../ui/list-pieces';
import { ErrorLine } from '../../ui/form-pieces';

// A budget prévisionnel on the Cerfa account lines: charges, then produits, then the contributions
// volontaires en nature, each chapter in the form's order. Amounts are whole euros, edited in place; a 74
// line linked to a grant application shows and follows the application's amount.

const NBSP = '\u00a0';

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
  const suggestions = useBudgetSuggestions(db, target);

  if (!view) return <Loading what="du budget" />;

  const amountOf = lineAmountResolver(view.applications, view.exercise);
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
                  <ActionsHeader />
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
      {suggestions && suggestions.length > 0 ? <SuggestionsPanel target={target} suggestions={suggestions} /> : null}
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

type LineErrors = Partial<Record<'label' | 'amountCents', string>>;

/**
 * A line edited in place, the way a spreadsheet is: leaving a changed cell checks the row's précision and
 * amount together with the domain's schema (every error at once, each under its cell) and saves only when
 * both pass — an invalid amount writes nothing and keeps what was typed. A row is no form (a table row cannot
 * hold one, and each cell saves on its own), hence not useSchemaForm.
 */
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
  const [amount, setAmount] = useState(centsToEurosText(line.amountCents, { wholeEuros: true }));
  const [errors, setErrors] = useState<LineErrors>({});
  const ids = { label: useId(), amount: useId() };
  const linked = application !== undefined;

  const leave = () => {
    if (label === (line.label ?? '') && (linked || amount === centsToEurosText(line.amountCents, { wholeEuros: true }))) {
      setErrors({});
      return;
    }
    const checked = budgetLineEditSchema.safeParse({ label, amountCents: linked ? line.amountCents : amount });
    if (!checked.success) {
      setErrors(firstIssueMessages(checked.error));
      return;
    }
    act(async () => {
      const result = await updateBudgetLine(db, line.id, linked ? { label } : { label, amountCents: amount });
      if (result.ok) {
        setErrors({});
        return;
      }
      // A refusal of no cell of the row (the line or its application gone, a change elsewhere) goes under the
      // cell the row shows an input for: the amount, or the précision of a line that follows an application.
      const { label: labelError, amountCents: amountError } = result.errors;
      const other = labelError || amountError ? undefined : refusalText(result.errors);
      setErrors({
        ...(labelError || (linked && other) ? { label: labelError ?? other } : {}),
        ...(amountError || (!linked && other) ? { amountCents: amountError ?? other } : {}),
      });
    });
  };

  const error = (key: keyof LineErrors, id: string) =>
    errors[key] ? (
      <p id={`${id}-error`} className="field__error" role="alert">
        {errors[key]}
      </p>
    ) : null;
  const described = (key: keyof LineErrors, id: string) =>
    errors[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

  return (
    <tr>
      <td>{accountLabel}</td>
      <td>
        <input
          id={ids.label}
          className="field__control budget-input"
          aria-label={`Précision — ${accountLabel}`}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={leave}
          {...described('label', ids.label)}
        />
        {error('label', ids.label)}
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
              id={ids.amount}
              className="field__control budget-input budget-input--amount"
              inputMode="numeric"
              aria-label={`Montant en euros — ${accountLabel}${line.label ? ` (${line.label})` : ''}`}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              onBlur={leave}
              {...described('amountCents', ids.amount)}
            />
            {error('amountCents', ids.amount)}
          </>
        )}
      </td>
      <td>
        <SmallButton label={`Retirer la ligne ${accountLabel}${line.label ? ` (${line.label})` : ''}`} onClick={onRemove}>
          Retirer
        </SmallButton>
      </td>
    </tr>
  );
}

const EMPTY_LINE: BudgetLineFormValues = { account: '', label: '', amountCents: '', grantApplicationId: '' };

/** « Ajouter une ligne »: a form on the one wiring, its errors in one round under their fields, nothing saved. */
function AddLineForm({
  target,
  applications,
  funders,
}: {
  target: BudgetTarget;
  applications: { id: string; title: string; funderId: string }[];
  funders: { id: string; name: string }[];
}) {
  const { db } = useCurrentWorkspace();
  const { form, formRef, field, onSubmit, refuse, saved, summary } = useSchemaForm({
    schema: budgetLineFormSchema,
    defaultValues: EMPTY_LINE,
  });
  const { control, setValue } = form;
  const [account, applicationId] = useWatch({ control, name: ['account', 'grantApplicationId'] });
  const accounts = accountsForScope(target.scope);
  const chapters = BUDGET_CHAPTERS.filter((c) => accounts.some((a) => a.chapter === c.chapter));
  const isGrantLine = isGrantAccount(account);
  const linked = isGrantLine && applicationId !== '';
  const funderName = (id: string) => funders.find((f) => f.id === id)?.name ?? '';
  const accountField = field('account');
  const accountId = useId();

  // A hidden field keeps no value: a link only on a 74 line, an amount only on a line that is not linked.
  useEffect(() => {
    if (!isGrantLine && applicationId !== '') setValue('grantApplicationId', '');
  }, [isGrantLine, applicationId, setValue]);
  useEffect(() => {
    if (linked) setValue('amountCents', '');
  }, [linked, setValue]);

  const onValid = async (values: BudgetLineFormOutput) => {
    const typed = form.getValues();
    const appId = values.grantApplicationId;
    const result = await addBudgetLine(db, target, {
      account: values.account,
      label: values.label,
      amountCents: appId !== undefined ? 0 : values.amountCents,
      // A linked line names its application's funder (line 74 prints it).
      ...(appId !== undefined
        ? { grantApplicationId: appId, source: 'application', funderId: applications.find((a) => a.id === appId)?.funderId }
        : {}),
    });
    if (!result.ok) {
      refuse(result.errors);
      return;
    }
    // The next line is often on the same account (several 60 or 74 lines): it stays chosen. What was typed
    // while the line was being saved (the next line already) is kept; what was saved is cleared.
    const now = form.getValues();
    const unlessSaved = (key: 'label' | 'amountCents' | 'grantApplicationId') => (now[key] === typed[key] ? '' : now[key]);
    saved({
      account: now.account,
      label: unlessSaved('label'),
      amountCents: unlessSaved('amountCents'),
      grantApplicationId: unlessSaved('grantApplicationId'),
    });
  };

  return (
    <form ref={formRef} className="budget-add" onSubmit={onSubmit(onValid)} noValidate aria-label="Ajouter une ligne au budget">
      <h3 className="actions-subtitle">Ajouter une ligne</h3>
      {summary}
      <div className="budget-add__fields">
        <div className={accountField.error ? 'field field--invalid' : 'field'}>
          <label htmlFor={accountId} className="field__label">
            Compte
          </label>
          <select
            id={accountId}
            className="field__control"
            name={accountField.name}
            ref={accountField.ref}
            onChange={accountField.onChange}
            onBlur={accountField.onBlur}
            aria-invalid={accountField.error ? true : undefined}
            aria-describedby={accountField.error ? `${accountId}-error` : undefined}
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
          <ErrorLine id={`${accountId}-error`} message={accountField.error} />
        </div>
        <TextField label="Précision" {...field('label')} />
        {isGrantLine ? (
          <div className="field">
            <label htmlFor={`${accountId}-app`} className="field__label">
              Demande de subvention liée
            </label>
            <select id={`${accountId}-app`} className="field__control" {...form.register('grantApplicationId')}>
              <option value="">Aucune (montant saisi)</option>
              {applications.map((a) => (
                <option key={a.id} value={a.id}>
                  {funderName(a.funderId)} — {a.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {linked ? null : <TextField label="Montant en euros" inputMode="numeric" {...field('amountCents')} />}
        {/* An empty label above the button lines it up with the controls, whatever messages sit under them. */}
        <div className="field budget-add__submit">
          <span className="field__label" aria-hidden="true">
            {'\u00a0'}
          </span>
          <button type="submit" className="button button--primary">
            Ajouter la ligne
          </button>
        </div>
      </div>
    </form>
  );
}

const STATE_TEXT = {
  new: 'Pas encore dans le budget',
  different: 'Montant différent dans le budget',
  accepted: 'Déjà dans le budget',
} as const;

/**
 * The suggestions the domain computes from the records (data/budgets-repository.ts reads them). Accepting
 * sends only which ones: the repository computes them again from the records as they are then.
 */
function SuggestionsPanel({ target, suggestions }: { target: BudgetTarget; suggestions: SuggestedLine[] }) {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const pending = suggestions.filter((s) => s.state !== 'accepted').map((s) => s.suggestion.key);

  const accept = async (keys: string[]) => {
    const result = await acceptSuggestions(db, target, keys);
    if (result.ok) toast.show(result.value === 1 ? 'Suggestion acceptée.' : `${result.value} suggestions acceptées.`);
    else toast.show(refusalText(result.errors), { tone: 'error' });
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
        {suggestions.map(({ suggestion: s, state }) => (
          <li key={s.key} className="budget-suggestion">
            <div>
              <strong>
                {budgetAccount(s.account)?.label ?? s.account} — {s.label}
              </strong>{' '}
              <span className="budget-suggestion__amount">{formatWholeEuros(s.amountCents)}</span>
              <p className="budget-suggestion__why">{s.explanation}</p>
            </div>
            {state === 'accepted' ? (
              <span className="badge budget-badge--balanced">{STATE_TEXT.accepted}</span>
            ) : (
              <button
                type="button"
                className="button button--small"
                onClick={() => act(() => accept([s.key]))}
                aria-label={`Accepter ${formatWholeEuros(s.amountCents)} — ${s.label}, ${budgetAccount(s.account)?.label ?? s.account}`}
                title={STATE_TEXT[state]}
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
