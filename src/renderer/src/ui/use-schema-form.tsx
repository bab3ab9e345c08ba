import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { countErrors, errorAt, revealFirstError } from './form-errors';
import { FormErrorSummary } from './form-error-summary';
import { ChangedElsewhereNotice, useLoadedRevision } from './loaded-revision';
import { whenSaid } from '../domain/write-conflicts';
import { useAction } from './use-action';
import {
  dropDraft,
  keepDraft,
  keepLockDraft,
  lockingNow,
  takeDraft,
  takeLockDraft,
  useDraftScope,
  useUnsavedChanges,
} from './unsaved-changes';

// The one form wiring (issue 12), after bulletproof-react's form.tsx: every form takes its zod schema from
// domain/, validates on blur and on save, shows every field and cross-field error in one round (the
// schemas' withCrossFieldRules), focuses and reveals the first, says the count and nothing-saved above the
// form, puts a repository's refusals under their fields (the rest above), says when its record changed
// elsewhere, and protects its unsaved changes (a question, or a draft for the long forms).

interface Revision {
  id: string;
  updatedAt: string;
}

export interface SchemaFormOptions<Values extends FieldValues, Output, R extends Revision> {
  /** The entity's schema; without one (the action, checked with its staff rows) the repository validates on save. */
  schema?: z.ZodType<Output> | undefined;
  defaultValues: Values;
  /** The record edited, as stored now (live): its revision goes with the save; a change elsewhere is said. */
  record?: R | null | undefined;
  /** The form's values for a record, to reload it after a change elsewhere. */
  valuesOf?: (record: R) => Values;
  /** A draft key (espace and record) for the long forms: what was typed comes back instead of a question. */
  draftKey?: string | undefined;
  /**
   * Never keeps what was typed, not even through the inactivity lock: passphrases and sync credentials must
   * not outlive their screen (a draft lives in memory, readable after the lock), and the one-field inline
   * entries (a snooze date, a dismissal reason) are quicker to type again than to explain. Leaving such a
   * form with changes still asks « Quitter sans enregistrer ? »; a `draftKey` is refused with it.
   */
  noDraft?: boolean;
}

export interface SchemaForm<Values extends FieldValues, Output> {
  form: UseFormReturn<Values, unknown, Output>;
  formRef: React.RefObject<HTMLFormElement | null>;
  /** A field's registration and its French message, for TextField and its kin. */
  field: (name: Path<Values>) => ReturnType<UseFormReturn<Values>['register']> & { error: string | undefined };
  /** The submit handler: `onValid` runs with the parsed values; a refusal goes through `refuse`. */
  onSubmit: (onValid: (values: Output) => unknown) => (event?: React.BaseSyntheticEvent) => Promise<void>;
  /** A repository's refusal: under its fields when the form has them, above the form otherwise. */
  refuse: (errors: Record<string, string>) => void;
  /** After a save the form stays open on: its values become the saved ones, the draft goes. */
  saved: (values: Values, record?: Revision) => void;
  /** Leaves the form's changes on purpose (« Annuler »): back to the record, the draft dropped. */
  discard: () => void;
  /** The revision the form loaded, for the save (undefined for a new record). */
  revision: () => Revision | undefined;
  /** Whether a draft came back when the form opened. */
  restoredDraft: Date | undefined;
  /** Above the form: the error count after a submit, the refusals, a change elsewhere, a draft restored. */
  summary: ReactNode;
}

export function useSchemaForm<Values extends FieldValues, Output, R extends Revision = Revision>(
  options: SchemaFormOptions<Values, Output, R>,
): SchemaForm<Values, Output> {
  const { schema, defaultValues, record, valuesOf, noDraft = false } = options;
  if (noDraft && options.draftKey !== undefined) throw new Error('useSchemaForm: a form that keeps nothing has no draft key.');
  const draftKey = noDraft ? undefined : options.draftKey;
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState<string[]>([]);
  // The short forms keep a draft only through the lock, under their screen, record and first values (two
  // « Nouvelle absence » forms of a page differ by their contract), in the open espace's scope.
  const workspaceId = useDraftScope();
  const [lockKey] = useState(() =>
    workspaceId === undefined || noDraft
      ? undefined
      : [workspaceId, window.location.hash, record?.id ?? '', JSON.stringify(defaultValues)].join('\n'),
  );
  const [kept] = useState(() => (draftKey ? takeDraft(draftKey) : lockKey ? takeLockDraft(lockKey) : undefined));
  const [restoredDraft, setRestoredDraft] = useState<Date | undefined>(kept?.keptAt);
  const loaded = useLoadedRevision(record, kept?.revision);
  const { target, adopt } = loaded;
  const form = useForm<Values, unknown, Output>({
    ...(schema ? { resolver: zodResolver(schema as never) as never } : {}),
    defaultValues: defaultValues as DefaultValues<Values>,
    mode: 'onBlur',
    reValidateMode: 'onChange',
  });
  const { register, setError, setFocus, reset, getValues } = form;
  const { errors, submitCount, isDirty } = form.formState;

  // The draft comes back once, over the record's values, so that the form counts as changed.
  useEffect(() => {
    if (kept) reset(kept.values as Values, { keepDefaultValues: true });
  }, [kept, reset]);

  useUnsavedChanges(isDirty || restoredDraft !== undefined, draftKey ? 'draft' : 'ask');

  // Left with changes: the long forms keep a draft. A save still running when the form goes (its
  // onSaved navigates away) decides: kept only if the save was refused or failed.
  const dirtyNow = useRef(isDirty);
  dirtyNow.current = isDirty || restoredDraft !== undefined;
  const pendingSave = useRef<Promise<boolean> | undefined>(undefined);
  // The form's name, read while it is drawn (it is gone from the page when the form leaves).
  const formName = useRef('');
  useLayoutEffect(() => {
    formName.current = formRef.current?.getAttribute('aria-label') ?? formRef.current?.querySelector('h2, h3, h4')?.textContent ?? '';
  });
  useEffect(() => {
    if (!draftKey && !lockKey) return;
    return () => {
      if (!dirtyNow.current) return;
      const draft = { values: getValues(), revision: target(), keptAt: new Date() };
      const keep = () => {
        if (draftKey) keepDraft(draftKey, draft);
        else if (lockKey && workspaceId !== undefined && lockingNow(workspaceId))
          keepLockDraft(lockKey, { ...draft, workspaceId, formName: formName.current });
      };
      const pending = pendingSave.current;
      if (!pending) {
        keep();
        return;
      }
      void pending.then((accepted) => {
        if (!accepted) keep();
      });
    };
  }, [draftKey, lockKey, workspaceId, getValues, target]);

  const refused = useRef(false);
  const refuse = useCallback(
    (messages: Record<string, string>) => {
      refused.current = true;
      // A repository's refusals (rules that need other records: overlaps, amendment dates) go under their
      // fields, the first focused; the others, without a field of this form, above it.
      const fields = Object.keys(getValues());
      const elsewhere: string[] = [];
      let first: Path<Values> | undefined;
      for (const [path, message] of Object.entries(messages)) {
        if (!fields.includes(path.split('.')[0] ?? '')) {
          elsewhere.push(message);
          continue;
        }
        setError(path as Path<Values>, { type: 'server', message });
        first ??= path as Path<Values>;
      }
      if (first !== undefined) setFocus(first);
      setRefusals(elsewhere);
      revealFirstError(formRef.current);
    },
    [getValues, setError, setFocus],
  );

  const saved = useCallback(
    (values: Values, savedRecord?: Revision) => {
      if (savedRecord) adopt(savedRecord);
      if (draftKey) dropDraft(draftKey);
      setRestoredDraft(undefined);
      reset(values);
    },
    [draftKey, adopt, reset],
  );

  const discard = useCallback(() => {
    if (draftKey) dropDraft(draftKey);
    setRestoredDraft(undefined);
    if (record) adopt(record);
    reset(record && valuesOf ? valuesOf(record) : defaultValues);
  }, [draftKey, record, adopt, reset, valuesOf, defaultValues]);

  const submitWith = (onValid: (values: Output) => unknown) =>
    form.handleSubmit(
      async (values) => {
        refused.current = false;
        setRefusals([]);
        let settle: (accepted: boolean) => void = () => undefined;
        pendingSave.current = new Promise<boolean>((resolve) => {
          settle = resolve;
        });
        try {
          await onValid(values);
          const accepted = !refused.current;
          if (accepted && draftKey) dropDraft(draftKey);
          if (accepted) setRestoredDraft(undefined);
          settle(accepted);
        } catch (error) {
          settle(false);
          throw error;
        } finally {
          pendingSave.current = undefined;
        }
      },
      () => revealFirstError(formRef.current),
    );

  // The submit is a writing button like any other: a failure (disk full, closed database) is said in
  // French through the one action helper, and the form keeps what was typed.
  const act = useAction();
  const onSubmit = (onValid: (values: Output) => unknown) => (event?: React.BaseSyntheticEvent) => {
    event?.preventDefault();
    return new Promise<void>((resolve) => {
      act(() => submitWith(onValid)(event).finally(resolve));
    });
  };

  const field = (name: Path<Values>) => ({ ...register(name), error: errorAt(errors, name) });

  const summary = (
    <>
      {restoredDraft ? (
        <div className="form-draft-notice" role="status">
          Brouillon non enregistré rétabli (saisi {whenSaid(restoredDraft.toISOString(), new Date())}). Enregistrez pour le garder.{' '}
          <button type="button" className="button button--small" onClick={discard}>
            Abandonner le brouillon
          </button>
        </div>
      ) : null}
      <ChangedElsewhereNotice
        show={loaded.changedElsewhere}
        onReload={() => {
          if (!record) return;
          if (draftKey) dropDraft(draftKey);
          setRestoredDraft(undefined);
          reset(valuesOf ? valuesOf(record) : defaultValues);
          adopt(record);
        }}
      />
      <FormErrorSummary errorCount={countErrors(errors)} submitted={submitCount > 0} refusals={refusals} />
    </>
  );

  return { form, formRef, field, onSubmit, refuse, saved, discard, revision: target, restoredDraft, summary };
}
