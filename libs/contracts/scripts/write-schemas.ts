// Writes the JSON Schema of every published type to libs/contracts/schemas/<type>.json.
// Run after changing a contract: npx ts-node --transpile-only libs/contracts/scripts/write-schemas.ts
// The contracts spec fails while a checked-in file differs from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_TYPES, publishedSchema } from '../src/catalogue';

export const SCHEMAS_DIR = join(__dirname, '..', 'schemas');

function main(): void {
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const type of PUBLISHED_TYPES) {
    writeFileSync(join(SCHEMAS_DIR, `${type}.json`), `${JSON.stringify(publishedSchema(type), null, 2)}\n`);
  }
  console.log(`wrote ${PUBLISHED_TYPES.length} schemas to ${SCHEMAS_DIR}`);
}

main();
