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
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { Section } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useSchemaForm } from '../../ui/use-schema-form';
import { pathTo } from '../../ui/paths';

export function PartnerForm({ partner }: { partner?: PartnerRecord }) {
  const { db } = useCurrentWorkspace();
  const toast = useToast();
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

  const onValid = async (values: Partner) => {
    const result = await savePartner(db, values, partner ? revision() : undefined);
    if (!result.ok) {
      refuse(result.errors);
      return;
    }
    toast.show(result.merged?.message ?? (partner ? 'Partenaire enregistré.' : `${result.value.name} ajouté à l’annuaire.`));
    navigate(pathTo({ screen: 'partner', id: result.value.id }));
  };

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
          <TextField
            label="Étiquettes"
            hint="Séparées par des virgules (ex. jeunesse, locaux, politique de la ville)."
            {...field('tags')}
          />
        </div>
        <div className="form-section__wide">
          <TextAreaField label="Notes" {...field('notes')} />
        </div>
      </Section>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          Enregistrer
        </button>
        <button
          type="button"
          className="button"
          onClick={() => navigate(partner ? pathTo({ screen: 'partner', id: partner.id }) : pathTo({ screen: 'partners' }))}
        >
          Annuler
        </button>
      </div>
    </form>
  );
}
