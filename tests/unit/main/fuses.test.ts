import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Fuses are flipped in the Electron binary at packaging time (electron-builder reads build.electronFuses):
// unlike a switch or an option in the code, nothing at run time can turn them back. Each one below closes
// a way to run the packaged app as something else than Passerelle, or to read its data from outside.
const packageJson = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as {
  build?: { electronFuses?: Record<string, unknown> };
  devDependencies?: Record<string, string>;
};

const REQUIRED_FUSES: Record<string, boolean> = {
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node running any script.
  runAsNode: false,
  // Cookies (and the other secrets Chromium keeps) encrypted with the OS keychain.
  enableCookieEncryption: true,
  // NODE_OPTIONS could preload a script into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would attach a debugger to the main process.
  enableNodeCliInspectArguments: false,
  // The app.asar is checked against the hash in the binary, so its code cannot be edited in place…
  enableEmbeddedAsarIntegrityValidation: true,
  // …and only the asar is loaded, not a loose folder put beside it.
  onlyLoadAppFromAsar: true,
  // The renderer is served from app://, so file:// pages need no privileges beyond a browser's.
  grantFileProtocolExtraPrivileges: false,
};

describe('Electron fuses of the packaged app', () => {
  const fuses = packageJson.build?.electronFuses ?? {};

  it.each(Object.entries(REQUIRED_FUSES))('sets %s to %s', (fuse, value) => {
    expect(fuses[fuse], `build.electronFuses.${fuse}`).toBe(value);
  });

  it('sets no fuse this test does not know (a new one is decided here, with its reason)', () => {
    expect(Object.keys(fuses).sort()).toEqual(Object.keys(REQUIRED_FUSES).sort());
  });
});

describe('Electron version', () => {
  const version = packageJson.devDependencies?.electron ?? '';

  it('is pinned to one exact release, so every build ships the binary that was tested', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is a major that still gets security fixes (45 or later: 40 went out of support in July 2026)', () => {
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});
