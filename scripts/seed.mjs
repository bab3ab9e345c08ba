// npm run seed -- --size L [--seed 20261124] [--today 2026-11-24] [--port 5174] [--profile .seed-profile] [--headed|--headless] [--no-build]
// npm run seed -- --open            (opens the seeded profile again on the app)
//
// Builds the browser host, serves it with `vite preview` and, in a Chromium whose profile is kept in
// .seed-profile/, creates an espace filled with a generated association (tests/fixtures/generator): S is
// the test fixtures, L ten years of a 10-employee association, XL five times that. With a display the
// window stays open on the app; close it to stop. The data lives in that profile, for that port only.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const size = option('size', 'L').toUpperCase();
if (!['S', 'L', 'XL', 'XL2'].includes(size)) {
  console.error(`Taille inconnue « ${size} » : S, L, XL ou XL2 (XL × 2).`);
  process.exit(2);
}
const headed =
  args.includes('--headed') ||
  (!args.includes('--headless') && (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)));
const open = args.includes('--open');
if (open && !headed) {
  console.error('--open a besoin d’un écran (DISPLAY) : rien à montrer en mode sans fenêtre.');
  process.exit(2);
}
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (command, commandArgs, env = {}) => {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!args.includes('--no-build') && !open) run(npx, ['electron-vite', 'build']);
run(npx, ['playwright', 'test', '--config', 'tests/bench/playwright.bench.config.ts'], {
  BENCH_SPEC: 'seed.spec.ts',
  BENCH_PORT: option('port', '5174'),
  SEED_SIZE: size,
  SEED_SEED: option('seed', ''),
  SEED_TODAY: option('today', ''),
  SEED_PROFILE: option('profile', '.seed-profile'),
  SEED_HEADED: headed ? '1' : '0',
  SEED_OPEN: open ? '1' : '0',
});
