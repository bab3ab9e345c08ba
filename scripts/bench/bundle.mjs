// Bundles tests/bench/page-entry.ts (the generator, the app's data modules, the bench's in-page measures)
// into out/bench/, apart from the app: the seed command and the bench serve it beside the built browser
// host through a Playwright route, so the app's own bundle never contains it.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH_BUNDLE_DIR = fileURLToPath(new URL('../../out/bench', import.meta.url));
/** The path, on the app's origin, where the bundle is served. */
export const BENCH_BUNDLE_PATH = '/__passerelle-dev__/';

export async function buildBenchBundle() {
  await build({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: {
      outDir: BENCH_BUNDLE_DIR,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rollupOptions: {
        input: { 'page-entry': fileURLToPath(new URL('../../tests/bench/page-entry.ts', import.meta.url)) },
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  return BENCH_BUNDLE_DIR;
}

// `node scripts/bench/bundle.mjs` builds it (the bench and seed specs run it so; Playwright's loader cannot
// import Vite itself).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildBenchBundle();
}
