import { readdirSync, statSync } from 'node:fs';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExportFolder } from '../../cli/read-folder';
import { openTestDb } from '../../../tests/unit/test-db';
import { sql } from '../db/sql';
import type { Db } from '../db/types';
import { DEMO_AS_OF } from '../state/demo';
import { clearData } from '../import/pipeline';
import { fixture, sharedDemo, sharedFixture } from '../../../tests/unit/load';
import { checkedRun } from '../../../tests/unit/metric-problems';
import { allMetrics } from './index';
import { col, metric, type AnyMetric } from './registry';
import { makeScope, type Scope } from './scope';

/**
 * Every registered metric, with every example of its parameters, on every fixture folder that
 * imports, on the demo and on an empty database: the SQL rows must match the metric's declared row
 * type (no NaN or Infinity, no value missing, null only where declared) and the finished value must
 * hold no NaN, Infinity or undefined anywhere.
 */

/** How many SQL rows each metric gave over the whole loop: a metric that never gave one was never type-checked. */
const rowsSeen = new Map<string, number>();

/** Run one metric as the app does and list everything wrong with its rows and its value. */
async function problemsOf(db: Db, m: AnyMetric, scope: Scope, params: unknown): Promise<string[]> {
	const { rows, problems } = await checkedRun(db, m, scope, params);
	rowsSeen.set(m.id, (rowsSeen.get(m.id) ?? 0) + rows.length);
	return problems;
}

const fixtureRoot = fixture('');
/**
 * Folders that test how a file is read (an encoding, a workbook, blank lines) and hold the same kinds of
 * rows as the others: their rows are type-checked with every other folder's in engine-parity.test.ts.
 */
const formatOnly = new Set(['blank-lines', 'encodings', 'workbook']);
const fixtureNames = readdirSync(fixtureRoot)
	// Folders of export files only (not helper scripts), so no run is on nothing.
	.filter((n) => statSync(`${fixtureRoot}/${n}`).isDirectory() && readExportFolder(`${fixtureRoot}/${n}`).length > 0 && !formatOnly.has(n))
	.sort();

/** A year scope and a narrower one (a term, SEN support in KS2 only, one funding stream) so both SQL paths run. */
function scopesAt(asOf: string, narrow = true): Scope[] {
	const year = makeScope({ asOf });
	if (!narrow) return [year];
	return [year, makeScope({ asOf, filters: { academicYear: '2025/26', term: 'autumn', senStage: 'K', keyStage: 'KS2' }, costing: { fundingStream: 'notional SEN budget' } })];
}

/**
 * The folders of the hand-worked figures: each must load. Every folder here gets the year scope; the
 * narrower scopes' SQL is type-checked over every folder at once by engine-parity.test.ts, which runs
 * each metric over a term and over one school at one stage on the native engine and checks its rows.
 */
const analytic = new Set(['costs', 'impact', 'pivot', 'quality', 'rules', 'trust']);

/** Every metric, every example, every scope, on what `db` holds now: the problems found, each with where. */
async function problemsOnData(db: Db, scopes: Scope[]): Promise<string[]> {
	const problems: string[] = [];
	for (const m of allMetrics)
		for (const [si, scope] of scopes.entries())
			for (const params of m.examples)
				for (const p of await problemsOf(db, m, scope, params).catch((e: Error) => [`query failed: ${e.message.split('\n')[0]}`]))
					problems.push(`${m.id}, scope ${si}, params ${JSON.stringify(params ?? null)}: ${p}`);
	return problems;
}

describe('every registered metric', () => {
	// Each folder as the other test files in this worker read it (one import each), and an empty database.
	let db: Db;
	beforeAll(async () => {
		db = await openTestDb();
		await clearData(db);
	});

	it('has unique ids', () => {
		const ids = allMetrics.map((m) => m.id);
		expect(ids.length).toBeGreaterThan(30);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
	});

	it.for(fixtureNames)('on tests/fixtures/%s: rows match their types, values hold no NaN or undefined', async (name, ctx) => {
		const loaded = await sharedFixture(name).catch(() => null);
		const plans = loaded?.plans;
		// Refused imports (personal data, an unreadable file) and folders of other files (the checker's labelled
		// targets) load no table: nothing to run on.
		if (!plans?.some((p) => p.sources.some((s) => s.table && !s.refused && !s.ignored))) {
			expect(analytic.has(name), `tests/fixtures/${name} loaded nothing`).toBe(false);
			return ctx.skip();
		}
		expect(await problemsOnData(loaded!.db, scopesAt('2026-01-15', false))).toEqual([]);
	});

	it('on the demo: rows match their types, values hold no NaN or undefined', async () => {
		expect(await problemsOnData((await sharedDemo()).db, scopesAt(DEMO_AS_OF))).toEqual([]);
	});

	it('on an empty database: rows match their types, values hold no NaN or undefined', async () => {
		expect(await problemsOnData(db, scopesAt('2026-01-15', false))).toEqual([]);
	});

	it('has checked rows of every metric somewhere (an example that finds nothing checks nothing)', () => {
		expect(allMetrics.filter((m) => !rowsSeen.get(m.id)).map((m) => m.id)).toEqual([]);
	});

	it('catches a null the row type does not allow, a missing value, and NaN in a finished value', async () => {
		const scope = makeScope({ asOf: '2026-01-15' });
		const nullable = metric({ id: 'test_null', describe: '', row: z.object({ x: col.num }), sql: () => sql`SELECT NULL::DOUBLE AS x` });
		expect((await problemsOf(db, nullable, scope, undefined)).join()).toMatch(/^row 0: .*x/);
		const missing = metric({ id: 'test_missing', describe: '', row: z.object({ x: col.num, y: col.num.nullable() }), sql: () => sql`SELECT 1::DOUBLE AS x` });
		expect((await problemsOf(db, missing, scope, undefined)).join()).toMatch(/^row 0: .*y/);
		const nan = metric({ id: 'test_nan', describe: '', row: z.object({ x: col.num }), sql: () => sql`SELECT 0::DOUBLE AS x`, finish: (rows) => ({ y: [rows[0].x / rows[0].x] }) });
		expect(await problemsOf(db, nan, scope, undefined)).toEqual(['value.y[0] is NaN']);
	});
});
