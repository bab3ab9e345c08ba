import { z } from 'zod';
import type { RecordStamps } from '../record';

// When a dossier is produced, the budgets it printed are kept as they were: the compte-rendu financier
// compares its réalisation with this prévision, not with a budget edited since.

export const snapshotLineSchema = z.object({
  account: z.string(),
  label: z.string().optional(),
  amountCents: z.number().int(),
  funderId: z.string().optional(),
  /** The application the line carried (the compte-rendu finds its grant by it). */
  grantApplicationId: z.string().optional(),
});

export type SnapshotLine = z.output<typeof snapshotLineSchema>;

export const dossierSnapshotSchema = z.object({
  producedAt: z.string(),
  year: z.number().int(),
  funderIds: z.array(z.string()),
  grantApplicationIds: z.array(z.string()),
  projectIds: z.array(z.string()),
  draft: z.boolean(),
  associationLines: z.array(snapshotLineSchema),
  projectBudgets: z.array(z.object({ projectId: z.string(), title: z.string(), lines: z.array(snapshotLineSchema) })),
  fileName: z.string(),
});

export type DossierSnapshot = z.output<typeof dossierSnapshotSchema>;
export type DossierSnapshotRecord = RecordStamps & DossierSnapshot;
