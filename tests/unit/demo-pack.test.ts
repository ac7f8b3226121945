import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { readWorkspace, restoreWorkspace } from '../../src/lib/import/workspace';
import { loadedTables } from '../../src/lib/validate/schema-sql';
import { workOutDemoFigures } from '../../src/lib/state/demo-figures';
import { sharedDemo } from './load';

const packed = new URL('../../data/demo.plwd', import.meta.url).pathname;
const figures = new URL('../../data/demo-figures.json', import.meta.url).pathname;

describe('the demo as the page opens it (data/demo.plwd)', () => {
	it('holds exactly what importing data/demo gives today (else run npm run demo:pack)', async () => {
		const fresh = (await sharedDemo()).db;
		const restored = await openNodeDb();
		const { schools } = await restoreWorkspace(restored, await readWorkspace(new Uint8Array(readFileSync(packed))));
		expect(schools).toEqual(['Oakfield Primary', 'Riverside High']);
		for (const table of loadedTables) {
			// When it was imported is left out of the pack on purpose.
			const rows = (db: Db) => db.query(`SELECT * ${table === 'snapshots' ? 'EXCLUDE (imported_at)' : ''} FROM ${table} ORDER BY ALL`);
			expect(await rows(restored), `${table}: run npm run demo:pack`).toEqual(await rows(fresh));
		}
	});

	it('shows first the Overview figures the metrics give on the demo today (data/demo-figures.json; else run npm run demo:pack)', async () => {
		const known = JSON.parse(readFileSync(figures, 'utf8'));
		const now = await workOutDemoFigures((await sharedDemo()).db, ['Oakfield Primary', 'Riverside High']);
		expect(Object.keys(known.figures).length, 'every figure of the Overview').toBeGreaterThanOrEqual(9);
		expect(known).toEqual(now);
	});
});
