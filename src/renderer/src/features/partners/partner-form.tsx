import { useWatch } from 'react-hook-form';
import { useLocation } from 'wouter';
import { savePartner } from '../../data/partners-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import {
  PARTNER_KINDS,
  PUBLIC_SUB_KINDS,
  partnerFormValues,
  partnerSchema,
  type Partner,
  type PartnerFormValues,
  type PartnerRecord,
} from '../../domain/partners/partner';
import { SelectField, TextField } from '../../ui/field';
import { FormActions, useSaveOutcome, Wide, WideCheckbox, WideTextArea } from '../../ui/form-pieces';
import { Section } from '../../ui/page';
import { useSchemaForm } from '../../ui/use-schema-form';
import { pathTo } from '../../ui/paths';

export function PartnerForm({ partner }: { partner?: PartnerRecord }) {
  const { db } = useCurrentWorkspace();
  const [, navigate] = useLocation();
  const { form, formRef, field, onSubmit, refuse, revision, summary } = useSchemaForm<PartnerFormValues, Partner, PartnerRecord>({
    schema: partnerSchema,
    defaultValues: partnerFormValues(partner),
    record: partner,
    valuesOf: partnerFormValues,
  });
  const {
    register,
    control,
    formState: { isSubmitting },
  } = form;
  const [kind, federated] = useWatch({ control, name: ['kind', 'federated'] });

  const settle = useSaveOutcome(refuse);

  const onValid = async (values: Partner) =>
    settle(
      await savePartner(db, values, partner ? revision() : undefined),
      (saved) => navigate(pathTo({ screen: 'partner', id: saved.id })),
      (saved) => (partner ? 'Partenaire enregistré.' : `${saved.name} ajouté à l’annuaire.`),
    );

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label={partner ? 'Modifier le partenaire' : 'Nouveau partenaire'}>
      {summary}
      <Section title="Identité">
        <TextField label="Nom du partenaire" required autoComplete="organization" {...field('name')} />
        <SelectField label="Type de partenaire" options={PARTNER_KINDS} {...field('kind')} />
        {kind === 'public' ? (
          <SelectField
            label="Catégorie d’acteur public"
            required
            options={[{ value: '', label: 'Choisir…' }, ...PUBLIC_SUB_KINDS]}
            {...field('publicSubKind')}
          />
        ) : null}
        {kind === 'association' ? (
          <>
            <WideCheckbox label="Affiliée à un réseau, une union ou une fédération" {...register('federated')} />
            {federated ? <TextField label="Réseau ou fédération" {...field('federationName')} /> : null}
            <WideCheckbox label="Signataire de la charte de coopération inter-associative" {...register('charterSignatory')} />
            <TextField label="Numéro RNA" hint="W suivi de 9 chiffres, facultatif." {...field('rna')} />
          </>
        ) : null}
        <TextField label="SIRET" inputMode="numeric" hint="14 chiffres, facultatif." {...field('siret')} />
      </Section>
      <Section title="Coordonnées">
        <Wide>
          <TextField label="Adresse" autoComplete="street-address" {...field('street')} />
        </Wide>
        <TextField label="Code postal" inputMode="numeric" {...field('postalCode')} />
        <TextField label="Commune" {...field('city')} />
        <TextField label="Téléphone" type="tel" {...field('phone')} />
        <TextField label="Courriel" type="email" {...field('email')} />
      </Section>
      <Section title="Classement">
        <Wide>
          <TextField
            label="Étiquettes"
            hint="Séparées par des virgules (ex. jeunesse, locaux, politique de la ville)."
            {...field('tags')}
          />
        </Wide>
        <WideTextArea label="Notes" {...field('notes')} />
      </Section>
      <FormActions
        submitting={isSubmitting}
        onCancel={() => navigate(partner ? pathTo({ screen: 'partner', id: partner.id }) : pathTo({ screen: 'partners' }))}
      />
    </form>
  );
}
