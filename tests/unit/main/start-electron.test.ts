import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(projectRoot, 'scripts', 'start-electron.mjs');

// electron/index.js honours ELECTRON_OVERRIDE_DIST_PATH, which lets these tests point `require('electron')`
// at a folder of their own instead of the real download location. ELECTRON_SKIP_BINARY_DOWNLOAD makes
// Electron's install script return at once, so no test ever reaches the network.
function runStartScript(distFolder: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ELECTRON_OVERRIDE_DIST_PATH: distFolder,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  };
  return spawnSync(process.execPath, [script], { cwd: projectRoot, env, encoding: 'utf8', timeout: 30_000 });
}

describe('scripts/start-electron.mjs', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('says in one French sentence what to do when Electron cannot be installed', () => {
    const result = runStartScript(folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      "Electron n'a pas pu être téléchargé sur cette machine : lancez `npm run web` pour utiliser Passerelle dans votre navigateur.",
    );
  });

  it.skipIf(process.platform === 'win32' || process.platform === 'darwin')(
    'starts the binary on the project folder and forwards its exit code',
    () => {
      // A stand-in for Electron that records its arguments and exits with a recognisable code.
      const argumentsFile = join(folder, 'arguments.txt');
      writeFileSync(
        join(folder, 'electron'),
        `#!/bin/sh\nprintf '%s\\n' "$@" > '${argumentsFile}'\necho "run-as-node=$ELECTRON_RUN_AS_NODE"\nexit 7\n`,
      );
      chmodSync(join(folder, 'electron'), 0o755);

      const result = spawnSync(process.execPath, [script], {
        cwd: projectRoot,
        env: {
          ...process.env,
          ELECTRON_OVERRIDE_DIST_PATH: folder,
          ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
          ELECTRON_RUN_AS_NODE: '1',
        },
        encoding: 'utf8',
        timeout: 30_000,
      });

      expect(result.status).toBe(7);
      expect(readFileSync(argumentsFile, 'utf8').trim()).toBe(projectRoot.replace(/\/$/, ''));
      expect(result.stdout.trim()).toBe('run-as-node=');
    },
  );
});
