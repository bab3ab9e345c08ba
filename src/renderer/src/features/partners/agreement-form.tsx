import { useWatch } from 'react-hook-form';
import { useLocation } from 'wouter';
import { saveAgreement, type AgreementWithParties } from '../../data/agreements-repository';
import { usePartners } from '../../data/partners-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  AGREEMENT_TERMS,
  agreementFormSchema,
  agreementFormValues,
  type Agreement,
  type AgreementFormValues,
} from '../../domain/partners/agreement';
import { CheckboxField, SelectField, TextField } from '../../ui/field';
import { ErrorLine, FormActions, useSaveOutcome, Wide, WideCheckbox, WideTextArea } from '../../ui/form-pieces';
import { Section } from '../../ui/page';
import { useSchemaForm } from '../../ui/use-schema-form';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { ButtonLink } from '../../ui/list-pieces';

export function AgreementForm({ agreement }: { agreement?: AgreementWithParties }) {
  const { db } = useCurrentWorkspace();
  const [, navigate] = useLocation();
  const partners = usePartners(db);
  const { form, formRef, field, onSubmit, refuse, revision, summary } = useSchemaForm<AgreementFormValues, Agreement, AgreementWithParties>(
    {
      schema: agreementFormSchema,
      defaultValues: agreementFormValues(agreement, agreement?.partnerIds ?? []),
      record: agreement,
      valuesOf: (record) => agreementFormValues(record, record.partnerIds),
    },
  );
  const {
    register,
    control,
    formState: { errors, isSubmitting },
  } = form;
  const [tacitRenewal, terms] = useWatch({ control, name: ['tacitRenewal', 'terms'] });

  const settle = useSaveOutcome(refuse);

  const onValid = async (values: Agreement) =>
    settle(
      await saveAgreement(db, values, agreement ? revision() : undefined),
      (saved) => navigate(pathTo({ screen: 'agreement', id: saved.id })),
      () => (agreement ? 'Convention enregistrée.' : 'Convention créée.'),
    );

  if (partners === undefined) return <Loading />;
  if (partners.length === 0) {
    return (
      <EmptyState>
        <p>Une convention se signe avec au moins un partenaire : ajoutez-le d’abord à l’annuaire.</p>
        <ButtonLink to={{ screen: 'new-partner' }} primary>
          Nouveau partenaire
        </ButtonLink>
      </EmptyState>
    );
  }

  const partnersError = errors.partnerIds?.message ?? (errors.partnerIds as { root?: { message?: string } } | undefined)?.root?.message;
  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label={agreement ? 'Modifier la convention' : 'Nouvelle convention'}>
      {summary}
      <Section title="La convention">
        <Wide>
          <TextField label="Intitulé de la convention" required {...field('title')} />
        </Wide>
        <SelectField label="Type de convention" options={AGREEMENT_KINDS} {...field('kind')} />
        <SelectField label="Statut" options={AGREEMENT_STATUSES} {...field('status')} />
        <WideTextArea label="Objet" {...field('object')} />
        <TextField
          label="Projets liés"
          hint="Les actions que la convention sert, séparées par des points-virgules."
          {...field('projectNames')}
        />
      </Section>
      <fieldset className="form-section" aria-describedby={partnersError ? 'parties-error' : undefined}>
        <legend className="form-section__title">Partenaires signataires</legend>
        <p className="form-section__description">L’association signe toujours ; cochez le ou les partenaires.</p>
        <div className="checkbox-grid">
          {partners.map((p) => (
            <CheckboxField key={p.id} label={p.name} value={p.id} {...register('partnerIds')} />
          ))}
        </div>
        <ErrorLine id="parties-error" message={partnersError} />
      </fieldset>
      <Section title="Durée">
        <TextField label="Date de signature" type="date" {...field('signatureDate')} />
        <TextField label="Date de début" type="date" required {...field('startDate')} />
        <TextField
          label="Date de fin"
          type="date"
          hint={tacitRenewal ? 'Fin de la première période ; vide = début + une période.' : undefined}
          {...field('endDate')}
        />
        <WideCheckbox label="Reconduction tacite" {...register('tacitRenewal')} />
        {tacitRenewal ? (
          <TextField label="Durée de chaque reconduction (mois)" inputMode="numeric" {...field('renewalPeriodMonths')} />
        ) : null}
        <TextField
          label="Préavis (mois)"
          inputMode="numeric"
          hint="Délai pour dénoncer ou renégocier avant le terme."
          {...field('noticeMonths')}
        />
      </Section>
      <Section title="Contrepartie">
        <SelectField label="Contrepartie" options={AGREEMENT_TERMS} {...field('terms')} />
        {terms === 'none' ? null : (
          <TextField
            label={terms === 'money' ? 'Montant annuel' : 'Valorisation annuelle'}
            inputMode="decimal"
            hint="En euros par an (ex. 4 800) ; compté au prorata des jours couverts chaque année."
            {...field('yearlyAmount')}
          />
        )}
        {terms === 'in-kind' ? (
          <Wide>
            <TextField label="Nature de la mise à disposition" {...field('inKindDescription')} />
          </Wide>
        ) : null}
      </Section>
      <FormActions
        submitting={isSubmitting}
        onCancel={() => navigate(agreement ? pathTo({ screen: 'agreement', id: agreement.id }) : pathTo({ screen: 'agreements' }))}
      />
    </form>
  );
}
