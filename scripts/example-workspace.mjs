// node scripts/example-workspace.mjs: writes the example association the app ships (« Découvrir avec une association
// exemple ») from the fixture association every test knows, so that the two never drift apart
// (tests/unit/data/example-workspace.test.ts fails when they do).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { fixtureWorkspace } = await jiti.import('../tests/fixtures/generator/fixture-workspace.ts');
const espace = fixtureWorkspace();
const target = fileURLToPath(new URL('../src/renderer/src/data/example-workspace.json', import.meta.url));
writeFileSync(target, `${JSON.stringify({ profile: espace.profile, tables: espace.tables })}\n`);
console.log(
  `example espace written: ${Object.entries(espace.tables)
    .map(([t, rows]) => `${t} ${rows.length}`)
    .join(', ')}`,
);
