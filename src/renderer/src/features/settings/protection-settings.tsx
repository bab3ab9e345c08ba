import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  changePassphraseAndRewrap,
  workspacePassphraseOpens,
  protectAndEncrypt,
  removeProtectionAndDecrypt,
  setLockDelayMinutes,
} from '../../data/workspace-lock';
import type { MigrationStep } from '../../data/workspace-protection';
import { useWorkspaceSession } from '../../data/workspace-session';
import { useCurrentWorkspace, useRegistry } from '../../data/workspace-context';
import {
  changePassphraseSchema,
  CONFIRMATION_LABEL,
  CURRENT_PASSPHRASE_LABEL,
  newPassphraseSchema,
  PASSPHRASE_LABEL,
  type ChangePassphraseValues,
  type NewPassphraseValues,
  LOCK_DELAY_LABEL,
  lockDelaySchema,
  type LockDelayValues,
  LOCK_DELAY_MAX_MINUTES,
  LOCK_DELAY_MIN_MINUTES,
  PASSPHRASE_MIN_LENGTH,
  WRONG_CURRENT_PASSPHRASE,
} from '../../domain/workspace-lock';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextField } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';
import { useSchemaForm, type SchemaForm } from '../../ui/use-schema-form';
import { useLockDelayMinutes } from '../../data/live-queries';

/** The progress of encrypting or decrypting the espace in place. */
function MigrationProgress({ step, label }: { step: MigrationStep | null; label: string }) {
  if (step === null) return null;
  const percent = step.total === 0 ? 0 : Math.round((100 * step.done) / step.total);
  return (
    <div className="migration-progress">
      <progress max={100} value={percent} aria-label={label} />
      <p role="status">
        {label}&nbsp;: {step.done} / {step.total} éléments
      </p>
    </div>
  );
}

/** Focuses the first field in error, in the order the fields appear. */

/** Réglages › Protection de l’espace: a passphrase, its change and removal, the inactivity delay. */
export function ProtectionSettings() {
  const session = useWorkspaceSession();
  const { record } = useCurrentWorkspace();
  return (
    <section className="card" aria-labelledby="protection-title">
      <h2 id="protection-title">Protection de l’espace</h2>
      {session.isProtected ? (
        <>
          <p className="protection-status">
            <strong>Cet espace est protégé par une phrase de passe.</strong> Il est verrouillé à chaque démarrage, après un moment sans
            activité et quand quelqu’un clique sur « Verrouiller ». Ses sauvegardes sont chiffrées avec cette phrase de passe.
          </p>
          <LockDelayForm key={`delay-${record.id}`} />
          <ChangePassphraseForm key={`change-${record.id}`} />
          <RemoveProtectionForm key={`remove-${record.id}`} />
        </>
      ) : (
        <>
          <p className="muted">
            Sur un ordinateur partagé, une phrase de passe empêche quelqu’un d’autre d’ouvrir les données de « {record.name} » dans
            Passerelle. Notez-la en lieu sûr&nbsp;: sans elle, l’espace ne peut plus être ouvert ni ses sauvegardes restaurées.
          </p>
          <ProtectForm key={`protect-${record.id}`} />
        </>
      )}
    </section>
  );
}

type NewPassphrasePair<T> = { passphrase: T; confirmation: T };
// Any form's field registration (the protect and the change forms have different fields).
type FieldProps = ReturnType<SchemaForm<Record<string, string>, unknown>['field']>;

/** A new passphrase typed twice: protecting an espace and changing its passphrase both ask for it. */
function NewPassphraseFields({
  labels,
  hint,
  fields,
}: {
  labels: NewPassphrasePair<string>;
  hint: string;
  fields: NewPassphrasePair<FieldProps>;
}) {
  return (
    <>
      <TextField label={labels.passphrase} type="password" hint={hint} autoComplete="new-password" required {...fields.passphrase} />
      <TextField label={labels.confirmation} type="password" autoComplete="new-password" required {...fields.confirmation} />
    </>
  );
}

// The passphrase forms are on the one form wiring (validation on blur and on save, every error in one
// round, the first focused, the summary) with noDraft: a passphrase is never kept in a draft, not even
// through the inactivity lock. data/ checks the same rules again and the current passphrase against the
// espace's key; its refusals go under their fields.

function ProtectForm() {
  const registry = useRegistry();
  const { db } = useCurrentWorkspace();
  const [step, setStep] = useState<MigrationStep | null>(null);
  const session = useWorkspaceSession();
  const toast = useToast();
  const { form, formRef, field, onSubmit, refuse, saved, summary } = useSchemaForm<NewPassphraseValues, NewPassphraseValues>({
    schema: newPassphraseSchema,
    defaultValues: { passphrase: '', confirmation: '' },
    noDraft: true,
  });
  const busy = form.formState.isSubmitting;

  const onValid = async ({ passphrase, confirmation }: NewPassphraseValues) => {
    const result = await protectAndEncrypt(registry, db, passphrase, confirmation, setStep).finally(() => setStep(null));
    if (!result.ok) return refuse(result.errors);
    saved({ passphrase: '', confirmation: '' });
    session.rememberPassphrase(passphrase);
    toast.show('Espace protégé et chiffré\u00a0: il sera verrouillé au prochain démarrage et après un moment sans activité.');
  };

  return (
    <form ref={formRef} className="stacked-form" onSubmit={onSubmit(onValid)} noValidate aria-labelledby="protect-title">
      <h3 id="protect-title">Protéger cet espace par une phrase de passe</h3>
      {summary}
      <NewPassphraseFields
        labels={{ passphrase: PASSPHRASE_LABEL, confirmation: CONFIRMATION_LABEL }}
        hint={`${PASSPHRASE_MIN_LENGTH} caractères au moins\u00a0; une courte phrase est plus facile à retenir et plus sûre qu’un mot.`}
        fields={{ passphrase: field('passphrase'), confirmation: field('confirmation') }}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Protection en cours…' : 'Protéger l’espace'}
      </button>
      <MigrationProgress step={step} label="Chiffrement des données" />
    </form>
  );
}

function LockDelayForm() {
  const registry = useRegistry();
  const { record } = useCurrentWorkspace();
  const stored = useLockDelayMinutes(registry, record.id);
  return stored === undefined ? null : <LockDelayFields stored={stored} />;
}

function LockDelayFields({ stored }: { stored: number }) {
  const registry = useRegistry();
  const { record } = useCurrentWorkspace();
  const toast = useToast();
  const { form, formRef, field, onSubmit, refuse, saved, summary } = useSchemaForm<LockDelayValues, { delay: number }>({
    schema: lockDelaySchema,
    defaultValues: { delay: String(stored) },
    noDraft: true,
  });
  const { isDirty } = form.formState;
  const { reset } = form;
  // The delay changed elsewhere (another tab) while this field was left untouched: it shows the new one.
  useEffect(() => {
    if (!isDirty) reset({ delay: String(stored) });
  }, [stored, isDirty, reset]);

  const onValid = async ({ delay }: { delay: number }) => {
    const result = await setLockDelayMinutes(registry, record.id, delay);
    if (!result.ok) return refuse(result.errors);
    saved({ delay: String(result.value) });
    toast.show(`L’espace se verrouillera après ${result.value} minute${result.value > 1 ? 's' : ''} sans activité.`);
  };

  return (
    <form ref={formRef} className="inline-form protection-delay" onSubmit={onSubmit(onValid)} noValidate aria-label="Délai de verrouillage">
      {summary}
      <TextField
        label={LOCK_DELAY_LABEL}
        type="number"
        inputMode="numeric"
        min={LOCK_DELAY_MIN_MINUTES}
        max={LOCK_DELAY_MAX_MINUTES}
        step={1}
        hint={`Sans clavier ni souris pendant ce délai, l’espace se verrouille (de ${LOCK_DELAY_MIN_MINUTES} à ${LOCK_DELAY_MAX_MINUTES} minutes).`}
        {...field('delay')}
      />
      <button type="submit" className="button" disabled={form.watch('delay') === String(stored)}>
        Enregistrer le délai
      </button>
    </form>
  );
}

function ChangePassphraseForm() {
  const registry = useRegistry();
  const { db } = useCurrentWorkspace();
  const session = useWorkspaceSession();
  const toast = useToast();
  const empty = { current: '', passphrase: '', confirmation: '' };
  const { form, formRef, field, onSubmit, refuse, saved, summary } = useSchemaForm<ChangePassphraseValues, ChangePassphraseValues>({
    schema: changePassphraseSchema,
    defaultValues: empty,
    noDraft: true,
  });
  const busy = form.formState.isSubmitting;

  const onValid = async ({ current, passphrase, confirmation }: ChangePassphraseValues) => {
    const result = await changePassphraseAndRewrap(registry, db, current, passphrase, confirmation);
    if (!result.ok) return refuse(result.errors);
    session.rememberPassphrase(passphrase);
    saved(empty);
    toast.show('Phrase de passe changée. Les prochaines sauvegardes seront chiffrées avec la nouvelle.');
  };

  return (
    <form ref={formRef} className="stacked-form" onSubmit={onSubmit(onValid)} noValidate aria-labelledby="change-passphrase-title">
      <h3 id="change-passphrase-title">Changer la phrase de passe</h3>
      {summary}
      <TextField label={CURRENT_PASSPHRASE_LABEL} type="password" autoComplete="current-password" required {...field('current')} />
      <NewPassphraseFields
        labels={{ passphrase: 'Nouvelle phrase de passe', confirmation: 'Confirmation de la nouvelle phrase de passe' }}
        hint={`${PASSPHRASE_MIN_LENGTH} caractères au moins.`}
        fields={{ passphrase: field('passphrase'), confirmation: field('confirmation') }}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Vérification…' : 'Changer la phrase de passe'}
      </button>
    </form>
  );
}

function RemoveProtectionForm() {
  const act = useAction();
  const registry = useRegistry();
  const { record, db } = useCurrentWorkspace();
  const [step, setStep] = useState<MigrationStep | null>(null);
  const session = useWorkspaceSession();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function refuse(message: string | undefined) {
    setError(message);
    input.current?.focus();
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (current === '') return refuse(`${CURRENT_PASSPHRASE_LABEL}\u00a0: champ obligatoire.`);
    setBusy(true);
    const opens = await workspacePassphraseOpens(registry, record.id, current).finally(() => setBusy(false));
    if (!opens) return refuse(WRONG_CURRENT_PASSPHRASE);
    setError(undefined);
    setConfirming(true);
  }

  async function remove() {
    setConfirming(false);
    setBusy(true);
    const result = await removeProtectionAndDecrypt(registry, db, current, setStep).finally(() => {
      setBusy(false);
      setStep(null);
    });
    if (!result.ok) return refuse(result.errors.current);
    session.rememberPassphrase(undefined);
    toast.show('Protection retirée\u00a0: l’espace ne se verrouille plus et ses sauvegardes ne sont plus chiffrées.');
  }

  return (
    <>
      <form className="stacked-form" onSubmit={(event) => act(() => check(event))} noValidate aria-labelledby="remove-protection-title">
        <h3 id="remove-protection-title">Retirer la protection</h3>
        <TextField
          ref={input}
          label={`${CURRENT_PASSPHRASE_LABEL} (pour retirer la protection)`}
          type="password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={error}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button--danger-outline" disabled={busy}>
          Retirer la protection…
        </button>
        <MigrationProgress step={step} label="Déchiffrement des données" />
      </form>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Retirer la protection de « ${record.name} » ?`}
        description={
          <p>
            Toute personne qui utilise cet ordinateur pourra ouvrir l’espace et lire ses données, et les prochaines sauvegardes ne seront
            plus chiffrées.
          </p>
        }
        confirmLabel="Retirer la protection"
        destructive
        onConfirm={() => act(() => remove())}
      />
    </>
  );
}
