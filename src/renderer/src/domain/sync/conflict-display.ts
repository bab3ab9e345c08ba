import { formatDateShort, isIsoDate } from '../dates';
import { grantStatusLabel, type GrantStatus } from '../funding/grant-application';
import { formatCents } from '../money';
import type { FieldConflict } from './three-way-merge';

// How a « conflit à vérifier » reads on screen: the field's name and each value in French formats.

const FIELD_LABELS: Readonly<Record<string, string>> = {
  requestedCents: 'Montant demandé',
  grantedCents: 'Montant accordé',
  receivedCents: 'Montant reçu',
  expectedCents: 'Montant prévu',
  amountCents: 'Montant',
  agreedCents: 'Montant convenu',
  grossMonthlyCents: 'Salaire brut mensuel',
  status: 'Statut',
  periodStart: 'Début de la période',
  periodEnd: 'Fin de la période',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  plannedEndDate: 'Fin prévue',
  expectedDate: 'Date prévue',
  receivedDate: 'Date de réception',
  validUntil: 'Valable jusqu’au',
};

export function conflictFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export function conflictValueText(conflict: FieldConflict, value: unknown, table: string): string {
  if (value === undefined || value === null || value === '') return '(vide)';
  if (conflict.kind === 'money' && typeof value === 'number') return formatCents(value);
  if (conflict.kind === 'date' && typeof value === 'string' && isIsoDate(value)) return formatDateShort(value);
  if (conflict.kind === 'status' && table === 'grantApplications' && typeof value === 'string')
    return grantStatusLabel(value as GrantStatus);
  return String(value);
}
