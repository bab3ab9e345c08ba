import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
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
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { Section } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useLoadedRevision } from '../../ui/loaded-revision';
import { FormErrorSummary } from '../../ui/form-error-summary';
import { pathTo } from '../../ui/paths';

export function PartnerForm({ partner }: { partner?: PartnerRecord }) {
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const revision = useLoadedRevision(partner);
  const [, navigate] = useLocation();
  const [saveFailed, setSaveFailed] = useState<string>();
  const form = useForm<PartnerFormValues, unknown, Partner>({
    resolver: zodResolver(partnerSchema) as never,
    defaultValues: partnerFormValues(partner),
    mode: 'onBlur',
    reValidateMode: 'onChange',
  });
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const [kind, federated] = useWatch({ control, name: ['kind', 'federated'] });
  const field = (name: keyof PartnerFormValues) => ({ ...register(name), error: errors[name]?.message });

  const onValid = async (values: Partner) => {
    const result = await savePartner(db, values, partner ? revision.target() : undefined);
    if (!result.ok) {
      setSaveFailed(Object.values(result.errors)[0]);
      return;
    }
    revision.adopt(result.value);
    toast.show(result.merged?.message ?? (partner ? 'Partenaire enregistré.' : `${result.value.name} ajouté à l’annuaire.`));
    navigate(pathTo({ screen: 'partner', id: result.value.id }));
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form onSubmit={handleSubmit(onValid)} noValidate aria-label={partner ? 'Modifier le partenaire' : 'Nouveau partenaire'}>
      <FormErrorSummary errorCount={errorCount} submitted={submitCount > 0} refusal={saveFailed} />
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
            <div className="form-section__wide">
              <CheckboxField label="Affiliée à un réseau, une union ou une fédération" {...register('federated')} />
            </div>
            {federated ? <TextField label="Réseau ou fédération" {...field('federationName')} /> : null}
            <div className="form-section__wide">
              <CheckboxField label="Signataire de la charte de coopération inter-associative" {...register('charterSignatory')} />
            </div>
            <TextField label="Numéro RNA" hint="W suivi de 9 chiffres, facultatif." {...field('rna')} />
          </>
        ) : null}
        <TextField label="SIRET" inputMode="numeric" hint="14 chiffres, facultatif." {...field('siret')} />
      </Section>
      <Section title="Coordonnées">
        <div className="form-section__wide">
          <TextField label="Adresse" autoComplete="street-address" {...field('street')} />
        </div>
        <TextField label="Code postal" inputMode="numeric" {...field('postalCode')} />
        <TextField label="Commune" {...field('city')} />
        <TextField label="Téléphone" type="tel" {...field('phone')} />
        <TextField label="Courriel" type="email" {...field('email')} />
      </Section>
      <Section title="Classement">
        <div className="form-section__wide">
          <TextField label="Étiquettes" hint="Séparées par des virgules (ex. jeunesse, locaux, politique de la ville)." {...field('tags')} />
        </div>
        <div className="form-section__wide">
          <TextAreaField label="Notes" {...field('notes')} />
        </div>
      </Section>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          Enregistrer
        </button>
        <button type="button" className="button" onClick={() => navigate(partner ? pathTo({ screen: 'partner', id: partner.id }) : pathTo({ screen: 'partners' }))}>
          Annuler
        </button>
      </div>
    </form>
  );
}
