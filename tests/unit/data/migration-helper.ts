import { Dexie } from 'dexie';
import { declareVersions, type SchemaVersion } from '../../../src/renderer/src/data/schema';

/**
 * Opens a database at schema version `from`, lets the test seed it as a user's laptop would hold it, then
 * reopens it at `from + 1` so that the upgrade runs for real, and hands the upgraded database to `check`.
 */
export async function migrateFrom(options: {
  name: string;
  versions: readonly SchemaVersion[];
  from: number;
  seed: (db: Dexie) => Promise<void>;
  check: (db: Dexie) => Promise<void>;
}): Promise<void> {
  const { name, versions, from, seed, check } = options;
  await Dexie.delete(name);
  const before = new Dexie(name);
  declareVersions(before, versions, from);
  await before.open();
  if (before.verno !== from) throw new Error(`Expected to open version ${from}, got ${before.verno}.`);
  await seed(before);
  before.close();

  const after = new Dexie(name);
  declareVersions(after, versions, from + 1);
  await after.open();
  try {
    if (after.verno !== from + 1) throw new Error(`Expected to reopen at version ${from + 1}, got ${after.verno}.`);
    await check(after);
  } finally {
    after.close();
    await Dexie.delete(name);
  }
}
