// npm run example-espace: writes the example association the app ships (« Découvrir avec une association
// exemple ») from the fixture association every test knows, so that the two never drift apart
// (tests/unit/data/example-espace.test.ts fails when they do).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { fixtureEspace } = await jiti.import('../tests/fixtures/generator/fixture-espace.ts');
const espace = fixtureEspace();
const target = fileURLToPath(new URL('../src/renderer/src/data/example-espace.json', import.meta.url));
writeFileSync(target, `${JSON.stringify({ profile: espace.profile, tables: espace.tables })}\n`);
console.log(
  `example espace written: ${Object.entries(espace.tables)
    .map(([t, rows]) => `${t} ${rows.length}`)
    .join(', ')}`,
);
