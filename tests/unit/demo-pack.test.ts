import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExportFolder } from '../../src/cli/read-folder';
import { openNodeDb } from '../../src/lib/db/node';
import { importSchools } from '../../src/lib/import/schools';
import { readWorkspace, restoreWorkspace } from '../../src/lib/import/workspace';
import { DEMO_AS_OF } from '../../src/lib/state/demo';
import { loadedTables } from '../../src/lib/validate/schema-sql';
import { openTestDb } from './test-db';

const demo = new URL('../../data/demo', import.meta.url).pathname;
const packed = new URL('../../data/demo.plwd', import.meta.url).pathname;

describe('the demo as the page opens it (data/demo.plwd)', () => {
	it('holds exactly what importing data/demo gives today (else run npm run demo:pack)', async () => {
		const fresh = await openTestDb();
		await importSchools(fresh, readExportFolder(demo), { snapshot: DEMO_AS_OF });
		const restored = await openNodeDb();
		const { schools } = await restoreWorkspace(restored, await readWorkspace(new Uint8Array(readFileSync(packed))));
		expect(schools).toEqual(['Oakfield Primary', 'Riverside High']);
		for (const table of loadedTables) {
			// When it was imported is left out of the pack on purpose.
			const rows = (db: typeof fresh) => db.query(`SELECT * ${table === 'snapshots' ? 'EXCLUDE (imported_at)' : ''} FROM ${table} ORDER BY ALL`);
			expect(await rows(restored), `${table}: run npm run demo:pack`).toEqual(await rows(fresh));
		}
	});
});
