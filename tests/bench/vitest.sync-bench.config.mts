import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run bench:sync`: the replication bench (tests/bench/sync-bench.test.ts), in Node like the sync
// integration tests, apart from the suite (it takes minutes on L).
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  define: { __APP_VERSION__: JSON.stringify('bench') },
  test: {
    environment: 'node',
    include: ['tests/bench/sync-bench.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
  },
});
