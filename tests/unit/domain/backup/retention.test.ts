import { describe, expect, it } from 'vitest';
import { backupsToDelete, type BackupFileInfo } from '../../../../src/renderer/src/domain/backup/retention';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

function backupAt(at: Date): BackupFileInfo {
  return { name: `Passerelle-${at.toISOString()}.json`, createdAt: at.toISOString() };
}

/** A laptop that backs up every 4 hours for a year, applying the rule after each backup. */
function simulateYear(start: Date): { kept: BackupFileInfo[]; now: Date } {
  let kept: BackupFileInfo[] = [];
  let now = start;
  for (let i = 0; i < (365 * 24) / 4; i++) {
    now = new Date(start.getTime() + i * 4 * HOUR);
    kept.push(backupAt(now));
    const doomed = new Set(backupsToDelete(kept, now).map((b) => b.name));
    kept = kept.filter((b) => !doomed.has(b.name));
  }
  return { kept, now };
}

describe('backup retention', () => {
  it('keeps every backup of the last day', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const lastDay = [1, 5, 9, 13, 23].map((h) => backupAt(new Date(now.getTime() - h * HOUR)));
    expect(backupsToDelete(lastDay, now)).toEqual([]);
  });

  it('keeps the newest backup even when it is older than three months', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const old = [backupAt(new Date(now.getTime() - 200 * DAY)), backupAt(new Date(now.getTime() - 300 * DAY))];
    expect(backupsToDelete(old, now).map((b) => b.createdAt)).toEqual([old[1]?.createdAt]);
  });

  it('over a simulated year: all of the last day, one a day for two weeks, one a week for three months', () => {
    const { kept, now } = simulateYear(new Date('2025-11-24T00:00:00Z'));
    const ages = kept.map((b) => (now.getTime() - new Date(b.createdAt).getTime()) / DAY);
    const lastDay = ages.filter((a) => a <= 1);
    const daily = ages.filter((a) => a > 1 && a <= 14);
    const weekly = ages.filter((a) => a > 14 && a <= 91);
    // Every 4 hours from now back to exactly 24 hours ago: 0, 4, 8, 12, 16, 20 and 24 hours.
    expect(lastDay).toHaveLength(7);
    expect(daily.length).toBeGreaterThanOrEqual(12);
    expect(daily.length).toBeLessThanOrEqual(14);
    expect(weekly.length).toBeGreaterThanOrEqual(10);
    expect(weekly.length).toBeLessThanOrEqual(12);
    expect(ages.filter((a) => a > 91)).toEqual([]);
    expect(kept.length).toBeLessThan(35);
    // No two daily backups on the same day, no two weekly ones in the same week.
    const dailyDays = kept.filter((_, i) => (ages[i] ?? 0) > 1 && (ages[i] ?? 0) <= 14).map((b) => b.createdAt.slice(0, 10));
    expect(new Set(dailyDays).size).toBe(dailyDays.length);
  });
});
