// npm run bench [-- --runs 5] [--sizes S,L,XL,XL2] [--protected L] [--only backup|search] [--port 5183] [--no-build]
// XL2 is « XL × 2 » (L × 10). `--only backup` measures only the backup and the restore (and no protected row);
// `--only search` seeds, then measures only the search rows (XL's full run takes too long for one question).
// Builds the browser host, then runs tests/bench/bench.spec.ts in Chromium against `vite preview`.
// It reports figures and never fails on one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (command, commandArgs, env = {}) => {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!args.includes('--no-build')) run(npx, ['electron-vite', 'build']);
run(npx, ['playwright', 'test', '--config', 'tests/bench/playwright.bench.config.ts'], {
  BENCH_RUNS: option('runs', '5'),
  BENCH_SIZES: option('sizes', 'S,L,XL'),
  BENCH_PROTECTED: option('protected', args.includes('--only') ? '' : 'L'),
  BENCH_ONLY: option('only', ''),
  BENCH_PORT: option('port', '5183'),
  BENCH_SPEC: 'bench.spec.ts',
});
