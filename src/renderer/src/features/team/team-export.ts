import { exportSheet, type ExportFormat, type SheetExport } from '../../reports/spreadsheet-export';
import { currentPlatform } from '../../platform/current-platform';
import { contractKindLabel } from '../../domain/team/contract';
import { PERSON_ROLES } from '../../domain/team/person';
import type { TeamRow } from './team-list';

const SITUATIONS = { active: 'En poste', upcoming: 'À venir', ended: 'Sorti·e', none: 'Sans contrat' } as const;

/** The Équipe list as shown (filters applied), one row per person with the contract of today. */
export function teamSheet(rows: readonly TeamRow[]): SheetExport<TeamRow> {
  return {
    name: 'equipe',
    title: 'Équipe',
    rows,
    columns: [
      { header: 'Nom', value: (r) => r.person.lastName },
      { header: 'Prénom', value: (r) => r.person.firstName },
      { header: 'Statut', value: (r) => PERSON_ROLES.find((p) => p.value === r.person.role)?.label },
      { header: 'Fonction', value: (r) => r.current?.jobTitle ?? r.person.jobTitle },
      { header: 'Type de contrat', value: (r) => (r.current ? contractKindLabel(r.current.kind) : undefined) },
      { header: 'Date de début', type: 'date', value: (r) => r.current?.startDate },
      { header: 'Date de fin', type: 'date', value: (r) => r.currentEnd },
      { header: 'Durée hebdomadaire', type: 'number', value: (r) => r.current?.weeklyHours },
      { header: 'Salaire brut mensuel', type: 'cents', value: (r) => r.current?.grossMonthlyCents },
      { header: 'Poste aidé', value: (r) => (r.aided ? 'Oui' : 'Non') },
      { header: 'Situation', value: (r) => SITUATIONS[r.status] },
      { header: 'Courriel', value: (r) => r.person.email },
      { header: 'Téléphone', value: (r) => r.person.phone },
      { header: 'Date d’arrivée', type: 'date', value: (r) => r.person.arrivalDate },
    ],
  };
}

export async function saveTeamExport(format: ExportFormat, rows: readonly TeamRow[]): Promise<void> {
  const file = await exportSheet(format, teamSheet(rows));
  await currentPlatform().saveFile(file.fileName, file.data, file.filters);
}
