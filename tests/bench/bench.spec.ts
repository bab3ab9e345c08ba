import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import type { WorkspaceSize } from '../fixtures/generator/generate';
import { bundleSizes, buildBenchBundle, formatResult, machine, measureSize, ROOT, type BenchResult, type Row } from './measure';
import { formatProtectedRows, measureProtected } from './protected';

// `npm run bench`: every measure for each size, printed as a table and written to bench-results/<date>.json.
// Options come from scripts/bench/run.mjs: BENCH_RUNS (default 5), BENCH_SIZES (default S,L,XL),
// BENCH_PROTECTED (default L: the sizes measured protected against unprotected; empty for none), BENCH_ONLY
// (`backup`: only the backup and restore rows, for the large sizes).

test('bench', async ({ browser, baseURL }) => {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const sizes = (process.env.BENCH_SIZES ?? 'S,L,XL')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean) as WorkspaceSize[];
  const log = (line: string) => console.log(`[bench] ${line}`);
  buildBenchBundle();
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: machine(browser.version()),
    runs,
    bundle: bundleSizes(),
    sizes: [],
  };
  for (const size of sizes) {
    result.sizes.push(
      await measureSize(browser, size, { runs, baseURL: baseURL!, progress: log, backupOnly: process.env.BENCH_ONLY === 'backup' }),
    );
  }
  // « --only search » measures nothing protected.
  const protectedSizes = (process.env.BENCH_ONLY ? '' : (process.env.BENCH_PROTECTED ?? 'L'))
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean) as WorkspaceSize[];
  const protectedRows: Row[] = [];
  for (const size of protectedSizes)
    protectedRows.push(...(await measureProtected(browser, size, { runs, baseURL: baseURL!, progress: log })));
  (result as BenchResult & { protected?: Row[] }).protected = protectedRows;
  const dir = path.join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.date.replace(/:/g, '-').slice(0, 19)}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const protectedTable = protectedRows.length > 0 ? `\n\nEspace protégé :\n${formatProtectedRows(protectedRows)}` : '';
  console.log(`\n${formatResult(result)}${protectedTable}\n\nRésultats : ${path.relative(ROOT, file)}`);
});
