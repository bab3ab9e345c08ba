import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// `npm run bench` and `npm run seed` (scripts/bench/run.mjs, scripts/seed.mjs) run the specs of this folder
// against the built browser host, served by `vite preview` as `npm run web` serves it. Not part of the e2e
// suite: tests/playwright.config.ts only looks into e2e/ and electron/.

function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

export const executablePath = chromiumPath();
const PORT = Number(process.env.BENCH_PORT ?? 5183);

export default defineConfig({
  testDir: '.',
  testMatch: process.env.BENCH_SPEC ?? 'bench.spec.ts',
  outputDir: '../../test-results/bench',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 0,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    browserName: 'chromium',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --outDir out/renderer --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: true,
    timeout: 60_000,
  },
});
