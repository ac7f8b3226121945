// Writes the JSON Schemas of the files Provision Lens writes for others to read, from their zod
// schemas: `npm run schemas`. tests/unit/transfer.test.ts fails when a committed one is out of date.
import { writeFileSync } from 'node:fs';
import { transferJsonSchema } from '../src/lib/contract/transfer';

const out = new URL('../schemas/transfer-v1.schema.json', import.meta.url).pathname;
writeFileSync(out, JSON.stringify(transferJsonSchema(), null, '\t') + '\n');
console.log(`wrote ${out}`);
