import { expect, test } from '@playwright/test';
import { bundleSizes, buildBenchBundle, measureSize } from '../bench/measure';

// `npm run bench` is not part of the test suite, but its measures are: run once on S (the fixture
// association), every row of the table must come out as a number.

test('the bench measures every row once on the fixture association', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  buildBenchBundle();
  const result = await measureSize(browser, 'S', { runs: 1, baseURL: baseURL! });

  expect(result.counts.grantApplications).toBe(11);
  expect(result.counts.people).toBe(6);
  const numbers = result.rows.filter((row) => row.value !== null);
  for (const row of numbers) {
    expect.soft(Number.isFinite(row.value), `${row.label} : ${row.value}`).toBe(true);
    expect.soft(row.value!, row.label).toBeGreaterThanOrEqual(0);
  }
  // Every row is measured: nothing is left unwired.
  expect(result.rows.filter((row) => row.value === null).map((row) => row.id)).toEqual([]);
  expect(result.rows.find((row) => row.id === 'pdf-dossier')!.value).toBeGreaterThan(0);
  expect(result.rows.find((row) => row.id === 'cold-open')!.value).toBeGreaterThan(0);
  expect(result.rows.find((row) => row.id === 'backup-size')!.value).toBeGreaterThan(10_000);
  // The restore's phases are measured, and come to no more than the whole restore.
  const value = (id: string) => result.rows.find((row) => row.id === id)!.value!;
  expect(value('restore-copy')).toBeGreaterThan(0);
  expect(value('restore-write')).toBeGreaterThan(0);
  expect(value('restore-check') + value('restore-copy') + value('restore-write')).toBeLessThanOrEqual(value('restore'));
  // The app's deadline board has rows to show for the fixture association.
  expect(result.rows.find((row) => row.id === 'deadline-engine')!.label).toMatch(/\(\d+ échéances\)/);

  const bundle = bundleSizes();
  expect(bundle.initialJs.files.length).toBeGreaterThan(0);
  expect(bundle.initialJs.gzip).toBeGreaterThan(0);
  expect(bundle.initialJs.gzip).toBeLessThan(bundle.initialJs.bytes);
});

test('--only backup measures the backup and the restore alone', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  buildBenchBundle();
  const result = await measureSize(browser, 'S', { runs: 1, baseURL: baseURL!, backupOnly: true });
  expect(result.rows.map((row) => row.id)).toEqual([
    'backup',
    'backup-size',
    'backup-heap',
    'restore',
    'restore-check',
    'restore-copy',
    'restore-write',
    'restore-heap',
    'backup-block',
    'restore-block',
  ]);
  for (const row of result.rows) expect.soft(Number.isFinite(row.value), `${row.label} : ${row.value}`).toBe(true);
  expect(result.rawReadByTable).toEqual([]);
});
