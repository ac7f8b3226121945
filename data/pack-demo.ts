// Writes data/demo.plwd, the demo imported ahead of time (see src/lib/import/demo-pack.ts), and
// data/demo-figures.json, the figures of every page's opening view (see src/lib/state/demo-figures.ts): npm run demo:pack
import { writeFileSync } from 'node:fs';
import { readExportFolder } from '../src/cli/read-folder';
import { openNodeDb } from '../src/lib/db/node';
import { demoPackBytes } from '../src/lib/import/demo-pack';
import { DEMO_AS_OF } from '../src/lib/state/demo';
import { workOutDemoFigures } from '../src/lib/state/demo-figures';

const folder = new URL('./demo', import.meta.url).pathname;
const out = new URL('./demo.plwd', import.meta.url).pathname;
const figuresOut = new URL('./demo-figures.json', import.meta.url).pathname;
const db = await openNodeDb();
const schools = readExportFolder(folder);
const bytes = await demoPackBytes(db, schools, DEMO_AS_OF);
writeFileSync(out, bytes);
console.log(`wrote ${out} (${bytes.length.toLocaleString('en-GB')} bytes)`);
const figures = JSON.stringify(
	await workOutDemoFigures(
		db,
		schools.map((s) => s.school)
	)
);
writeFileSync(figuresOut, figures + '\n');
console.log(`wrote ${figuresOut} (${figures.length.toLocaleString('en-GB')} bytes)`);
