import { formatDateLong, formatIsoFromDate } from '../../domain/dates';

/** Format 2 files are ZIPs; format-1 files (before December 2026) were JSON and still restore. */
export const BACKUP_FILTERS = [{ name: 'Sauvegarde Passerelle', extensions: ['zip', 'json'] }];

/** « 24 novembre 2026 à 10:05 », in the laptop's time zone. */
export function formatMoment(iso: string): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
  return `${formatDateLong(formatIsoFromDate(at))} à ${time}`;
}
