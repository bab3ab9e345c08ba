import { useEffect, useRef } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import {
  associationFormValues,
  associationProfileSchema,
  COLLECTIVE_AGREEMENTS,
  type AssociationFormValues,
  type AssociationProfile,
  type AssociationProfileRecord,
} from '../../domain/association';
import { restoreAssociationProfile, saveAssociationProfile } from '../../data/association-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextField } from '../../ui/field';
import { Section } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useSchemaForm, type SchemaForm } from '../../ui/use-schema-form';
import { AddRowButton, FormActions, RepeatRow, Wide, WideCheckbox, WideTextArea } from '../../ui/form-pieces';

export function AssociationForm({ profile }: { profile: AssociationProfileRecord }) {
  const { db, record: espace } = useCurrentWorkspace();
  const toast = useToast();
  // The longest form: a draft keeps what was typed when the user goes elsewhere (ui/unsaved-changes.tsx).
  const { form, formRef, field, onSubmit, refuse, saved, revision, restoredDraft, summary } = useSchemaForm<
    AssociationFormValues,
    AssociationProfile,
    AssociationProfileRecord
  >({
    schema: associationProfileSchema,
    defaultValues: associationFormValues(profile),
    record: profile,
    valuesOf: associationFormValues,
    draftKey: `${espace.id}:association`,
  });
  const {
    register,
    control,
    formState: { isSubmitting, isDirty },
  } = form;
  // A change made elsewhere (Ctrl+Z, the journal's undo) shows in the form, unless the user is editing it
  // or a draft came back.
  const dirty = useRef(isDirty);
  dirty.current = isDirty || restoredDraft !== undefined;
  useEffect(() => {
    if (dirty.current) return;
    saved(associationFormValues(profile), profile);
  }, [profile, saved]);
  const approvals = useFieldArray({ control, name: 'approvals' });
  const qpvs = useFieldArray({ control, name: 'qpvs' });
  const [sameAddress, alsaceMoselle, publicUtility, federated, collectiveAgreement] = useWatch({
    control,
    name: ['correspondenceSameAsHeadOffice', 'alsaceMoselle', 'publicUtility', 'federated', 'collectiveAgreement'],
  });

  const onValid = async (values: AssociationProfile) => {
    const previous = profile;
    const result = await saveAssociationProfile(db, values, new Date(), revision()?.updatedAt);
    if (!result.ok) {
      refuse(result.errors);
      return;
    }
    saved(associationFormValues(result.value), result.value);
    toast.show(result.merged?.message ?? 'Profil enregistré.', {
      action: {
        label: 'Annuler',
        run: async () => {
          await restoreAssociationProfile(db, previous);
          form.reset(associationFormValues(previous));
        },
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label="Profil de l’association">
      {summary}

      <Section title="1. Identification">
        <TextField label="Nom de l’association" required autoComplete="organization" {...field('name')} />
        <TextField label="Sigle" {...field('acronym')} />
        <TextField label="Site internet" inputMode="url" placeholder="www.mon-asso.fr" {...field('website')} />
        <WideTextArea label="Objet de l’association" {...field('purpose')} />
        <TextField label="SIRET" inputMode="numeric" hint="14 chiffres, sur l’avis de situation INSEE." {...field('siret')} />
        <TextField label="Numéro RNA" hint="W suivi de 9 chiffres." {...field('rna')} />
        <TextField label="Code INSEE de la commune du siège" {...field('inseeCode')} />
        <WideCheckbox label="Association d’Alsace-Moselle (inscrite au registre du tribunal)" {...register('alsaceMoselle')} />
        {alsaceMoselle ? <TextField label="Numéro au registre du tribunal" {...field('localRegister')} /> : null}
      </Section>

      <Section title="Siège social">
        <Wide>
          <TextField label="Adresse du siège" autoComplete="street-address" {...field('headOffice.street')} />
        </Wide>
        <TextField label="Code postal du siège" inputMode="numeric" {...field('headOffice.postalCode')} />
        <TextField label="Commune du siège" {...field('headOffice.city')} />
        <WideCheckbox label="L’adresse de correspondance est celle du siège" {...register('correspondenceSameAsHeadOffice')} />
        {sameAddress ? null : (
          <>
            <Wide>
              <TextField label="Adresse de correspondance" {...field('correspondence.street')} />
            </Wide>
            <TextField label="Code postal de correspondance" inputMode="numeric" {...field('correspondence.postalCode')} />
            <TextField label="Commune de correspondance" {...field('correspondence.city')} />
          </>
        )}
      </Section>

      <PersonSection title="Représentant·e légal·e" prefix="legalRepresentative" who="du représentant légal" field={field} />
      <PersonSection title="Personne chargée du dossier" prefix="dossierContact" who="de la personne chargée du dossier" field={field} />

      <Section title="2. Relations avec l’administration">
        <Wide>
          <h3 className="subheading">Agréments administratifs</h3>
          {approvals.fields.length === 0 ? <p className="muted">Aucun agrément enregistré.</p> : null}
        </Wide>
        {approvals.fields.map((item, index) => (
          <RepeatRow
            key={item.id}
            label={`Agrément ${index + 1}`}
            removeLabel={`Retirer l’agrément ${index + 1}`}
            onRemove={() => approvals.remove(index)}
          >
            <TextField label="Type d’agrément" required {...field(`approvals.${index}.type`)} />
            <TextField label="Attribué par" {...field(`approvals.${index}.issuer`)} />
            <TextField label="Date de l’agrément" type="date" {...field(`approvals.${index}.date`)} />
            <TextField label="Numéro de l’agrément" {...field(`approvals.${index}.number`)} />
          </RepeatRow>
        ))}
        <AddRowButton onClick={() => approvals.append({ type: '', issuer: '', date: '', number: '' })}>Ajouter un agrément</AddRowButton>
        <WideCheckbox label="Reconnue d’utilité publique" {...register('publicUtility')} />
        {publicUtility ? (
          <TextField label="Date de publication au Journal officiel (RUP)" type="date" {...field('publicUtilityDate')} />
        ) : null}
        <WideCheckbox label="L’association a un commissaire aux comptes" {...register('hasAuditor')} />
        <WideCheckbox label="L’association est assujettie aux impôts commerciaux" {...register('subjectToCommercialTax')} />
      </Section>

      <Section title="3. Relations avec d’autres associations">
        <WideCheckbox
          label="Affiliée à un réseau, une union ou une fédération"
          hint="Décoché : l’association est non fédérée."
          {...register('federated')}
        />
        {federated ? <TextField label="Réseau, union ou fédération" {...field('federationName')} /> : null}
        <WideCheckbox label="Signataire de la charte de coopération inter-associative" {...register('charterSignatory')} />
        <TextField label="Adhérents personnes physiques" inputMode="numeric" {...field('membersPersons')} />
        <TextField label="Adhérents personnes morales" inputMode="numeric" {...field('membersLegalEntities')} />
      </Section>

      <Section
        title="4. Moyens humains"
        description="Les salariés, l’ETPT et les cinq plus hauts salaires sont calculés depuis l’Équipe ; indiquez ici ce qu’elle ne connaît pas."
      >
        <TextField label="Nombre de bénévoles" inputMode="numeric" {...field('volunteersCount')} />
        <TextField
          label="Nombre de volontaires"
          hint="Laissez vide pour compter les engagements de service civique de l’Équipe."
          inputMode="numeric"
          {...field('civicVolunteersCount')}
        />
        <TextField label="Personnel mis à disposition" inputMode="numeric" {...field('secondedStaffCount')} />
      </Section>

      <Section title="Exercice et convention collective">
        <TextField label="Début de l’exercice" type="date" {...field('exerciseStart')} />
        <TextField label="Fin de l’exercice" type="date" {...field('exerciseEnd')} />
        <TextField
          label="Date d’approbation des derniers comptes (assemblée générale)"
          hint="La publication des comptes, quand elle est due, l’est dans les 3 mois de cette approbation ; sans date, Passerelle retient la fin de l’exercice + 6 mois."
          type="date"
          {...field('accountsApprovedOn')}
        />
        <SelectField label="Convention collective" options={COLLECTIVE_AGREEMENTS} {...field('collectiveAgreement')} />
        {collectiveAgreement === 'other' ? <TextField label="Numéro IDCC" {...field('otherIdcc')} /> : null}
      </Section>

      <Section
        title="Quartiers prioritaires (QPV)"
        description="Les quartiers de la politique de la ville où l’association agit (code et nom, ex. QP093028)."
      >
        {qpvs.fields.map((item, index) => (
          <RepeatRow
            key={item.id}
            label={`Quartier ${index + 1}`}
            removeLabel={`Retirer le quartier ${index + 1}`}
            onRemove={() => qpvs.remove(index)}
          >
            <TextField label="Code du quartier prioritaire" required {...field(`qpvs.${index}.code`)} />
            <TextField label="Nom du quartier prioritaire" {...field(`qpvs.${index}.name`)} />
          </RepeatRow>
        ))}
        <AddRowButton onClick={() => qpvs.append({ code: '', name: '' })}>Ajouter un quartier</AddRowButton>
      </Section>

      <FormActions submitting={isSubmitting}>
        <button type="button" className="button" disabled={!isDirty} onClick={() => saved(associationFormValues(profile), profile)}>
          Abandonner les modifications
        </button>
        {isDirty ? <span className="muted">Modifications non enregistrées</span> : null}
      </FormActions>
    </form>
  );
}

type FieldProps = SchemaForm<AssociationFormValues, AssociationProfile>['field'];

function PersonSection({
  title,
  prefix,
  field,
}: {
  title: string;
  prefix: 'legalRepresentative' | 'dossierContact';
  who: string;
  field: FieldProps;
}) {
  return (
    <Section title={title}>
      <TextField label="Nom" autoComplete="off" {...field(`${prefix}.lastName`)} />
      <TextField label="Prénom" autoComplete="off" {...field(`${prefix}.firstName`)} />
      <TextField label="Fonction" {...field(`${prefix}.role`)} />
      <TextField label="Téléphone" type="tel" {...field(`${prefix}.phone`)} />
      <TextField label="Courriel" type="email" {...field(`${prefix}.email`)} />
    </Section>
  );
}
