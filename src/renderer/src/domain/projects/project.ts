import { z } from 'zod';
import { fieldMessage, isoDateField, nonNegativeIntField, optionalText, requiredText, withCrossFieldRules } from '../fields';
import type { RecordStamps } from '../record';
import { fieldIssue } from '../field-issue';

// An action (projet, DOMAIN.md §6 and Cerfa 12156*06 §6): what a grant finances. Objectives carry their
// evaluation indicators, with a target set when the dossier is written and the achieved value entered for
// the compte-rendu financier.

const QPV_CODE = /^QP\d{6}$/;

export const indicatorSchema = z.object({
  id: requiredText('Indicateur', 100),
  label: requiredText('Indicateur', 300),
  target: optionalText('Valeur visée', 200),
  achieved: optionalText('Valeur atteinte', 200),
});

export const objectiveSchema = z.object({
  id: requiredText('Objectif', 100),
  label: requiredText('Objectif', 500),
  indicators: z.array(indicatorSchema).max(20).default([]),
});

export const projectSchema = withCrossFieldRules(
  z.object({
    title: requiredText('Intitulé de l’action', 200),
    description: optionalText('Description', 5000),
    objectives: z.array(objectiveSchema).max(20).default([]),
    beneficiaryType: optionalText('Public bénéficiaire', 500),
    beneficiaryCount: nonNegativeIntField('Nombre de bénéficiaires', { optional: true }),
    territory: optionalText('Territoire', 500),
    qpvCodes: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .refine((code) => QPV_CODE.test(code), {
            error: fieldMessage('Code du quartier prioritaire', 'un code comme QP093028 est attendu.'),
          }),
      )
      .max(50)
      .default([]),
    startDate: isoDateField('Date de début'),
    endDate: isoDateField('Date de fin'),
    humanResources: optionalText('Moyens humains', 2000),
    materialResources: optionalText('Moyens matériels', 2000),
    /** Agreements (conventions) whose partners take part in the action. */
    agreementIds: z.array(z.string()).max(100).default([]),
    notes: optionalText('Notes', 2000),
  }),
  (project, ctx) => {
    if (project.endDate !== undefined && project.startDate !== undefined && project.endDate < project.startDate) {
      fieldIssue(ctx, 'endDate', 'Date de fin', 'doit être après la date de début.');
    }
  },
);

export type Objective = z.output<typeof objectiveSchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type Project = z.output<typeof projectSchema>;
export type ProjectInput = z.input<typeof projectSchema>;
export type ProjectRecord = RecordStamps & Project;

/** A member of staff assigned to an action, with the share of their working time it takes. */
export const projectStaffSchema = z.object({
  projectId: requiredText('Action', 100),
  personId: requiredText('Personne', 100),
  sharePercent: z
    .number({ error: fieldMessage('Part du temps', 'pourcentage attendu (ex. 50).') })
    .gt(0, { error: fieldMessage('Part du temps', 'doit être supérieure à 0\u00a0%.') })
    .max(100, { error: fieldMessage('Part du temps', '100\u00a0% au plus.') }),
  role: optionalText('Rôle dans l’action', 200),
});

export type ProjectStaff = z.output<typeof projectStaffSchema>;
export type ProjectStaffInput = z.input<typeof projectStaffSchema>;
export type ProjectStaffRecord = RecordStamps & ProjectStaff;
