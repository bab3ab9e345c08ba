import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import {
  changeWorkspacePassphrase,
  createVerifier,
  getLockDelayMinutes,
  getLockVerifier,
  passphraseOpens,
  protectWorkspace,
  removeWorkspaceProtection,
  setLockDelayMinutes,
  verifyPassphrase,
} from '../../../src/renderer/src/data/workspace-lock';
import { base64ToBytes } from '../../../src/renderer/src/data/backup-codec';

// The real cost (600 000 iterations) is checked once; the other tests use a cheap derivation so that the
// suite stays quick on a loaded machine.
const FAST = 1_000;
const ID = '4f1c7a55-7a43-4b8e-9a63-0d6c1c2b9e01';
const GOOD = 'le chat dort au soleil';

let registry: RegistryDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  registry = new RegistryDb();
  await registry.open();
});

afterEach(() => registry.close());

const allSettings = () => registry.settings.toArray();

describe('the passphrase verifier', () => {
  it('is PBKDF2-SHA256 with 600 000 iterations and a random 16-byte salt, and holds no passphrase', async () => {
    const verifier = await createVerifier(GOOD);
    expect(verifier.kdf).toBe('PBKDF2-SHA256');
    expect(verifier.iterations).toBe(600_000);
    expect(base64ToBytes(verifier.salt)).toHaveLength(16);
    expect(base64ToBytes(verifier.hash)).toHaveLength(32);
    expect(JSON.stringify(verifier)).not.toContain('chat');
    expect(await verifyPassphrase(verifier, GOOD)).toBe(true);
    expect(await verifyPassphrase(verifier, 'le chat dort au soleil ')).toBe(false);
  });

  it('uses a new salt each time, so two espaces with the same passphrase have different verifiers', async () => {
    const a = await createVerifier(GOOD, FAST);
    const b = await createVerifier(GOOD, FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it.each(['', 'Le chat dort au soleil', 'le chat dort au solei', 'autre chose'])('refuses %j', async (guess) => {
    expect(await verifyPassphrase(await createVerifier(GOOD, FAST), guess)).toBe(false);
  });
});

describe('protecting an espace', () => {
  it('stores only a verifier in the registry, under a key of its own', async () => {
    const result = await protectWorkspace(registry, ID, GOOD, GOOD, FAST);
    expect(result.ok).toBe(true);
    const settings = await allSettings();
    expect(settings.map((s) => s.key)).toEqual([`lockVerifier:${ID}`]);
    expect(JSON.stringify(settings)).not.toContain(GOOD);
    expect(await passphraseOpens(registry, ID, GOOD)).toBe(true);
    expect(await passphraseOpens(registry, ID, 'mauvaise phrase')).toBe(false);
    // Another espace is not protected by it.
    expect(await passphraseOpens(registry, 'autre-espace', 'nimporte')).toBe(true);
  });

  it.each([
    ['too short', 'court', 'court', { passphrase: 'Phrase de passe\u00a0: 8 caractères au moins.' }],
    [
      'not matching',
      GOOD,
      'le chat dort au soleil!',
      { confirmation: 'Confirmation de la phrase de passe\u00a0: les deux phrases de passe ne sont pas identiques.' },
    ],
  ])('refuses a passphrase %s and writes nothing', async (_case, passphrase, confirmation, errors) => {
    const result = await protectWorkspace(registry, ID, passphrase, confirmation, FAST);
    expect(result).toEqual({ ok: false, errors });
    expect(await allSettings()).toEqual([]);
  });

  it('refuses to protect twice, keeping the first passphrase', async () => {
    await protectWorkspace(registry, ID, GOOD, GOOD, FAST);
    const before = await allSettings();
    const again = await protectWorkspace(registry, ID, 'une autre phrase', 'une autre phrase', FAST);
    expect(again.ok).toBe(false);
    expect(await allSettings()).toEqual(before);
  });
});

describe('changing and removing the protection', () => {
  beforeEach(async () => {
    await protectWorkspace(registry, ID, GOOD, GOOD, FAST);
  });

  it('changes the passphrase when the current one is given', async () => {
    const result = await changeWorkspacePassphrase(registry, ID, GOOD, 'une nouvelle phrase', 'une nouvelle phrase', FAST);
    expect(result.ok).toBe(true);
    expect(await passphraseOpens(registry, ID, 'une nouvelle phrase')).toBe(true);
    expect(await passphraseOpens(registry, ID, GOOD)).toBe(false);
  });

  it.each([
    [
      'a wrong current passphrase',
      'pas la bonne',
      'une nouvelle phrase',
      'une nouvelle phrase',
      { current: 'Phrase de passe actuelle\u00a0: elle ne correspond pas.' },
    ],
    ['a new passphrase too short', GOOD, 'court', 'court', { passphrase: 'Phrase de passe\u00a0: 8 caractères au moins.' }],
    [
      'a confirmation that differs',
      GOOD,
      'une nouvelle phrase',
      'une nouvelle frase',
      { confirmation: 'Confirmation de la phrase de passe\u00a0: les deux phrases de passe ne sont pas identiques.' },
    ],
  ])('refuses %s and changes nothing', async (_case, current, next, confirmation, errors) => {
    const before = await allSettings();
    const result = await changeWorkspacePassphrase(registry, ID, current, next, confirmation, FAST);
    expect(result).toEqual({ ok: false, errors });
    expect(await allSettings()).toEqual(before);
    expect(await passphraseOpens(registry, ID, GOOD)).toBe(true);
  });

  it('refuses to remove the protection without the right passphrase, and changes nothing', async () => {
    const before = await allSettings();
    const result = await removeWorkspaceProtection(registry, ID, 'pas la bonne');
    expect(result).toEqual({ ok: false, errors: { current: 'Phrase de passe actuelle\u00a0: elle ne correspond pas.' } });
    expect(await allSettings()).toEqual(before);
  });

  it('removes the protection with the right passphrase', async () => {
    expect((await removeWorkspaceProtection(registry, ID, GOOD)).ok).toBe(true);
    expect(await getLockVerifier(registry, ID)).toBeUndefined();
    expect(await passphraseOpens(registry, ID, 'nimporte')).toBe(true);
  });
});

describe('the inactivity delay', () => {
  it('is 10 minutes by default, kept per espace, and refused out of range without a write', async () => {
    expect(await getLockDelayMinutes(registry, ID)).toBe(10);
    expect(await setLockDelayMinutes(registry, ID, '3')).toEqual({ ok: true, value: 3 });
    expect(await getLockDelayMinutes(registry, ID)).toBe(3);
    expect(await getLockDelayMinutes(registry, 'autre-espace')).toBe(10);
    const refused = await setLockDelayMinutes(registry, ID, '241');
    expect(refused.ok).toBe(false);
    expect(await getLockDelayMinutes(registry, ID)).toBe(3);
  });
});
