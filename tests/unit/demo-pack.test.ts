import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { readWorkspace, restoreWorkspace } from '../../src/lib/import/workspace';
import { loadedTables } from '../../src/lib/validate/schema-sql';
import { demoOpeningScope, workOutDemoFigures } from '../../src/lib/state/demo-figures';
import { openings } from '../../src/lib/metrics/openings';
import { askKey } from '../../src/lib/metrics/registry';
import { reportAsks } from '../../src/lib/report/figures';
import { SMALL_NUMBER } from '../../src/lib/stats/small-number';
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

	it('shows first the figures the metrics give on the demo today, for every page’s opening view (data/demo-figures.json; else run npm run demo:pack)', async () => {
		const known = JSON.parse(readFileSync(figures, 'utf8'));
		const schools = ['Oakfield Primary', 'Riverside High'];
		const now = await workOutDemoFigures((await sharedDemo()).db, schools);
		expect(known).toEqual(now);
		// Every page's opening figures are there, under the keys its page asks by, and the report's too.
		const opening = demoOpeningScope(schools);
		for (const [path, { asks, scope }] of Object.entries(openings)) {
			for (const a of asks) expect(Object.keys(known.figures), `${path}: ${a.metric.id}`).toContain(askKey(a, scope ? scope(opening) : opening));
		}
		const reportKeys = Object.keys(known.figures).filter((k) => k.includes('"academicYear":"2025/26"'));
		expect(reportKeys.length, 'the report’s figures, for its latest year with data').toBeGreaterThanOrEqual(Object.keys(reportAsks(SMALL_NUMBER)).length);
	});
});
