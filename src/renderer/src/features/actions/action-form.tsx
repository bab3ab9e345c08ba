import { useFieldArray, type Control } from 'react-hook-form';
import { useLocation } from 'wouter';
import { useAgreements, type AgreementWithParties } from '../../data/agreements-repository';
import { saveProject, type ProjectWithStaff } from '../../data/projects-repository';
import { useTeam } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { comparePeople, personName } from '../../domain/team/person';
import type { TeamData } from '../../domain/team/team-year';
import { CheckboxField, SelectField, TextField } from '../../ui/field';
import { errorAt } from '../../ui/form-errors';
import { Section } from '../../ui/page';
import { useSchemaForm, type SchemaForm } from '../../ui/use-schema-form';
import { ErrorLine, FormActions, useSaveOutcome, Wide, WideTextArea } from '../../ui/form-pieces';
import { Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

// The action's form, in the order of the Cerfa 12156 §6 so that filling it in is filling in the dossier.
// The repository validates (projectSchema, staff rows); its French messages land under the fields.

interface IndicatorValues {
  id: string;
  label: string;
  target: string;
  achieved: string;
}
interface ObjectiveValues {
  id: string;
  label: string;
  indicators: IndicatorValues[];
}
interface StaffValues {
  personId: string;
  sharePercent: string;
  role: string;
}
export interface ActionFormValues {
  title: string;
  objectives: ObjectiveValues[];
  description: string;
  beneficiaryType: string;
  beneficiaryCount: string;
  territory: string;
  qpvCodes: string;
  startDate: string;
  endDate: string;
  humanResources: string;
  materialResources: string;
  staff: StaffValues[];
  agreementIds: string[];
  notes: string;
}

function formValues(data?: ProjectWithStaff): ActionFormValues {
  const p = data?.project;
  return {
    title: p?.title ?? '',
    objectives: (p?.objectives ?? []).map((o) => ({
      id: o.id,
      label: o.label,
      indicators: o.indicators.map((i) => ({ id: i.id, label: i.label, target: i.target ?? '', achieved: i.achieved ?? '' })),
    })),
    description: p?.description ?? '',
    beneficiaryType: p?.beneficiaryType ?? '',
    beneficiaryCount: p?.beneficiaryCount === undefined ? '' : String(p.beneficiaryCount),
    territory: p?.territory ?? '',
    qpvCodes: (p?.qpvCodes ?? []).join(', '),
    startDate: p?.startDate ?? '',
    endDate: p?.endDate ?? '',
    humanResources: p?.humanResources ?? '',
    materialResources: p?.materialResources ?? '',
    staff: (data?.staff ?? []).map((s) => ({
      personId: s.personId,
      sharePercent: String(s.sharePercent).replace('.', ','),
      role: s.role ?? '',
    })),
    agreementIds: p?.agreementIds ?? [],
    notes: p?.notes ?? '',
  };
}

/** What the repository reads: lists of codes split, the share as a number (an empty one stays NaN: refused). */
function toInput(values: ActionFormValues) {
  return {
    ...values,
    qpvCodes: values.qpvCodes.split(/[\s,;]+/).filter((code) => code !== ''),
    staff: values.staff.map((s) => ({
      ...s,
      sharePercent: s.sharePercent.trim() === '' ? Number.NaN : Number(s.sharePercent.replace(',', '.')),
    })),
  };
}

/** Zod paths into the form's: a QPV code's index is dropped (one text field holds them all). */
function formPath(path: string): string {
  return path.startsWith('qpvCodes.') ? 'qpvCodes' : path;
}

const newId = () => crypto.randomUUID();

/** Waits for the team and the agreements: the selects and boxes must have their options before the form takes its values. */
export function ActionForm({ data }: { data?: ProjectWithStaff }) {
  const { db } = useCurrentWorkspace();
  const team = useTeam(db);
  const agreements = useAgreements(db);
  if (team === undefined || agreements === undefined) return <Loading />;
  return <LoadedActionForm data={data} team={team} agreements={agreements} />;
}

function LoadedActionForm({
  data,
  team,
  agreements,
}: {
  data: ProjectWithStaff | undefined;
  team: TeamData;
  agreements: AgreementWithParties[];
}) {
  const { db, record: espace } = useCurrentWorkspace();
  const [, navigate] = useLocation();
  // A long form (Cerfa §6): a draft keeps what was typed when the user goes elsewhere. No resolver: the
  // repository checks the action with its staff rows on save, and its messages land under the fields.
  const {
    form,
    formRef,
    field,
    onSubmit: submitWith,
    refuse,
    saved,
    discard,
    revision,
    summary,
  } = useSchemaForm<ActionFormValues, ActionFormValues, ProjectWithStaff['project']>({
    defaultValues: formValues(data),
    // The revision the save carries, and « modifiée ailleurs » when the action changes in another tab.
    record: data?.project,
    valuesOf: (project) => formValues(data ? { ...data, project } : undefined),
    draftKey: `${espace.id}:action:${data?.project.id ?? 'new'}`,
  });
  const { register, control, clearErrors, formState } = form;
  const { errors, isSubmitting } = formState;
  const objectives = useFieldArray({ control, name: 'objectives' });
  const staff = useFieldArray({ control, name: 'staff' });

  const settle = useSaveOutcome((messages) => refuse(Object.fromEntries(Object.entries(messages).map(([k, v]) => [formPath(k), v]))));
  const onSubmit = async (values: ActionFormValues) => {
    clearErrors();
    settle(
      await saveProject(db, toInput(values), data ? revision() : undefined),
      (value) => {
        saved(formValues(value), value.project);
        if (!data) navigate(pathTo({ screen: 'action', id: value.project.id }));
      },
      () => (data ? 'Action enregistrée.' : 'Action créée.'),
    );
  };

  const people = [...team.people].sort(comparePeople);
  const personOptions = [
    { value: '', label: 'Choisir une personne…' },
    ...people.map((p) => ({ value: p.id, label: `${personName(p)}${p.jobTitle ? ` — ${p.jobTitle}` : ''}` })),
  ];

  return (
    <form ref={formRef} onSubmit={submitWith(onSubmit)} noValidate aria-label={data ? 'Modifier l’action' : 'Nouvelle action'}>
      {summary}
      <Section title="Intitulé et objectifs">
        <Wide>
          <TextField label="Intitulé de l’action" required {...field('title')} />
        </Wide>
        <div className="form-section__wide actions-list-editor">
          {objectives.fields.map((objective, index) => (
            <ObjectiveEditor key={objective.id} index={index} control={control} field={field} onRemove={() => objectives.remove(index)} />
          ))}
          <button type="button" className="button" onClick={() => objectives.append({ id: newId(), label: '', indicators: [] })}>
            Ajouter un objectif
          </button>
        </div>
      </Section>
      <Section title="Description">
        <WideTextArea label="Description de l’action" rows={5} {...field('description')} />
      </Section>
      <Section title="Public bénéficiaire">
        <TextField label="Public bénéficiaire" hint="Ex. collégiens de la 6e à la 3e et leurs parents." {...field('beneficiaryType')} />
        <TextField label="Nombre de bénéficiaires" inputMode="numeric" {...field('beneficiaryCount')} />
      </Section>
      <Section title="Territoire et QPV">
        <TextField label="Territoire" hint="Commune, quartier." {...field('territory')} />
        <TextField
          label="Codes des quartiers prioritaires"
          hint="Ex. QP093028 ; plusieurs codes séparés par des virgules."
          {...field('qpvCodes')}
        />
      </Section>
      <Section title="Dates et durée">
        <TextField label="Date de début" type="date" required {...field('startDate')} />
        <TextField label="Date de fin" type="date" required {...field('endDate')} />
      </Section>
      <Section title="Moyens humains et matériels">
        <WideTextArea label="Moyens humains" {...field('humanResources')} />
        <WideTextArea label="Moyens matériels" {...field('materialResources')} />
        <Wide>
          <h3 className="actions-subtitle">Équipe affectée à l’action</h3>
          {people.length === 0 ? (
            <p className="field__hint">Ajoutez d’abord les salariés dans Équipe pour leur affecter une part de leur temps.</p>
          ) : null}
          {staff.fields.map((row, index) => (
            <div key={row.id} className="actions-row" role="group" aria-label={`Personne affectée ${index + 1}`}>
              <SelectField label="Personne" options={personOptions} {...field(`staff.${index}.personId`)} />
              <TextField label="Part du temps (%)" inputMode="decimal" {...field(`staff.${index}.sharePercent`)} />
              <TextField label="Rôle dans l’action" {...field(`staff.${index}.role`)} />
              <button type="button" className="button button--small actions-row__remove" onClick={() => staff.remove(index)}>
                Retirer la personne {index + 1}
              </button>
            </div>
          ))}
          {people.length > 0 ? (
            <button type="button" className="button" onClick={() => staff.append({ personId: '', sharePercent: '', role: '' })}>
              Affecter une personne
            </button>
          ) : null}
        </Wide>
      </Section>
      <fieldset className="form-section">
        <legend className="form-section__title">Partenaires impliqués</legend>
        {agreements.length === 0 ? (
          <p className="form-section__description">
            Aucune convention : les partenaires de l’action se choisissent parmi les conventions de Partenaires.
          </p>
        ) : (
          <>
            <p className="form-section__description">Cochez les conventions dont les partenaires prennent part à l’action.</p>
            <div className="checkbox-grid">
              {agreements.map((a) => (
                <CheckboxField key={a.id} label={a.title} value={a.id} {...register('agreementIds')} />
              ))}
            </div>
          </>
        )}
        <ErrorLine message={errorAt(errors, 'agreementIds')} />
      </fieldset>
      <Section title="Notes">
        <WideTextArea label="Notes" {...field('notes')} />
      </Section>
      <FormActions
        submitting={isSubmitting}
        cancelLabel="Retour aux actions"
        onCancel={() => {
          discard();
          navigate(pathTo({ screen: 'actions' }));
        }}
      />
    </form>
  );
}

function ObjectiveEditor(props: {
  index: number;
  control: Control<ActionFormValues>;
  field: SchemaForm<ActionFormValues, ActionFormValues>['field'];
  onRemove: () => void;
}) {
  const { index, control, field, onRemove } = props;
  const indicators = useFieldArray({ control, name: `objectives.${index}.indicators` });
  return (
    <div className="actions-objective" role="group" aria-label={`Objectif ${index + 1}`}>
      <div className="actions-row">
        <TextField label={`Objectif ${index + 1}`} required {...field(`objectives.${index}.label`)} />
        <button type="button" className="button button--small actions-row__remove" onClick={onRemove}>
          Retirer l’objectif {index + 1}
        </button>
      </div>
      <div className="actions-indicators">
        <h4 className="actions-subtitle">Évaluation — indicateurs de l’objectif {index + 1}</h4>
        {indicators.fields.map((indicator, j) => (
          <div key={indicator.id} className="actions-row" role="group" aria-label={`Indicateur ${j + 1} de l’objectif ${index + 1}`}>
            <TextField label="Indicateur" required {...field(`objectives.${index}.indicators.${j}.label`)} />
            <TextField label="Valeur visée" {...field(`objectives.${index}.indicators.${j}.target`)} />
            <TextField label="Valeur atteinte" {...field(`objectives.${index}.indicators.${j}.achieved`)} />
            <button type="button" className="button button--small actions-row__remove" onClick={() => indicators.remove(j)}>
              Retirer l’indicateur {j + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => indicators.append({ id: newId(), label: '', target: '', achieved: '' })}
        >
          Ajouter un indicateur à l’objectif {index + 1}
        </button>
      </div>
    </div>
  );
}
