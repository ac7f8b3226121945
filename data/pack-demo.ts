// Writes data/demo.plwd, the demo imported ahead of time (see src/lib/import/demo-pack.ts): npm run demo:pack
import { writeFileSync } from 'node:fs';
import { readExportFolder } from '../src/cli/read-folder';
import { openNodeDb } from '../src/lib/db/node';
import { demoPackBytes } from '../src/lib/import/demo-pack';
import { DEMO_AS_OF } from '../src/lib/state/demo';

const folder = new URL('./demo', import.meta.url).pathname;
const out = new URL('./demo.plwd', import.meta.url).pathname;
const bytes = await demoPackBytes(await openNodeDb(), readExportFolder(folder), DEMO_AS_OF);
writeFileSync(out, bytes);
console.log(`wrote ${out} (${bytes.length.toLocaleString('en-GB')} bytes)`);
