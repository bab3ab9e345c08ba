// Which automatic backups to keep (the habit of Actual Budget: a pure function, tested over a simulated
// year): every backup of the last day, then the newest of each day for two weeks, then the newest of each
// week for three months. Older ones go. The newest backup is always kept, whatever its age, so that a
// laptop left in a drawer for a year still finds its last backup.

export interface BackupFileInfo {
  name: string;
  /** ISO date-time the backup was written. */
  createdAt: string;
}

export const RETENTION = {
  keepAllHours: 24,
  dailyDays: 14,
  weeklyDays: 91,
} as const;

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Monday-based week number since the epoch (1970-01-05 was a Monday), in UTC. */
function weekKey(at: Date): number {
  return Math.floor((at.getTime() - Date.UTC(1970, 0, 5)) / (7 * DAY));
}

export function backupsToDelete(backups: readonly BackupFileInfo[], now: Date): BackupFileInfo[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  const daysSeen = new Set<string>();
  const weeksSeen = new Set<number>();
  newestFirst.forEach((backup, index) => {
    const at = new Date(backup.createdAt);
    const age = now.getTime() - at.getTime();
    if (index === 0 || age <= RETENTION.keepAllHours * HOUR) {
      keep.add(backup.name);
    } else if (age <= RETENTION.dailyDays * DAY) {
      if (!daysSeen.has(dayKey(at))) keep.add(backup.name);
    } else if (age <= RETENTION.weeklyDays * DAY) {
      if (!weeksSeen.has(weekKey(at))) keep.add(backup.name);
    }
    daysSeen.add(dayKey(at));
    weeksSeen.add(weekKey(at));
  });
  return newestFirst.filter((b) => !keep.has(b.name));
}
