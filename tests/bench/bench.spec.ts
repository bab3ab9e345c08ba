import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import type { EspaceSize } from '../fixtures/generator/generate';
import { bundleSizes, buildBenchBundle, formatResult, machine, measureSize, ROOT, type BenchResult } from './measure';

// `npm run bench`: every measure for each size, printed as a table and written to bench-results/<date>.json.
// Options come from scripts/bench/run.mjs: BENCH_RUNS (default 5), BENCH_SIZES (default S,L,XL).

test('bench', async ({ browser, baseURL }) => {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const sizes = (process.env.BENCH_SIZES ?? 'S,L,XL').split(',').map((s) => s.trim().toUpperCase()) as EspaceSize[];
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
    result.sizes.push(await measureSize(browser, size, { runs, baseURL: baseURL!, progress: log }));
  }
  const dir = path.join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.date.replace(/:/g, '-').slice(0, 19)}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${formatResult(result)}\n\nRésultats : ${path.relative(ROOT, file)}`);
});
