// Starts the built app with Electron. Electron's binary is not in the npm package: its install script
// downloads it from GitHub, and .npmrc turns install scripts off (they fail offline). So this script
// fetches the binary itself on first start, and says in plain French what to do when it cannot.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectRoot, 'package.json'));

const UNAVAILABLE_MESSAGE =
  "Electron n'a pas pu être téléchargé sur cette machine : lancez `npm run web` pour utiliser Passerelle dans votre navigateur.";

// A slow connection may need minutes for the ~100 MB archive; a dead one should not hang `npm start`.
const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

/** The binary's path, or null. `require('electron')` gives the path it expects, or throws when unset. */
function findElectronBinary() {
  try {
    // Forget a previous answer: the download may have just written the file that changes it.
    delete require.cache[require.resolve('electron')];
    const binaryPath = require('electron');
    return typeof binaryPath === 'string' && existsSync(binaryPath) ? binaryPath : null;
  } catch {
    return null;
  }
}

function tryDownloadElectron() {
  let installScript;
  try {
    installScript = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return;
  }
  // Its output on failure is a stack trace; the sentence printed afterwards says what matters.
  spawnSync(process.execPath, [installScript], {
    cwd: projectRoot,
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
}

let binaryPath = findElectronBinary();
if (binaryPath === null) {
  tryDownloadElectron();
  binaryPath = findElectronBinary();
}
if (binaryPath === null) {
  console.error(UNAVAILABLE_MESSAGE);
  process.exit(1);
}

// Inherited from a parent Electron tool, this variable would make the binary behave as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binaryPath, [projectRoot], { stdio: 'inherit', env });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`Electron n'a pas pu être lancé : ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  // A shell reports a process killed by a signal as 128 + its number; npm and CI read it that way.
  if (signal !== null) process.exit(128 + (constants.signals[signal] ?? 0));
  process.exit(code ?? 1);
});
