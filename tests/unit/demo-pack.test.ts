import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { readWorkspace, restoreWorkspace } from '../../src/lib/import/workspace';
import { loadedTables } from '../../src/lib/validate/schema-sql';
import { sharedDemo } from './load';

const packed = new URL('../../data/demo.plwd', import.meta.url).pathname;

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
});
