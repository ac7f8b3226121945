import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExportFolder } from '../../src/cli/read-folder';
import { openNativeDb } from '../../src/lib/db/native';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { allMetrics as metrics } from '../../src/lib/metrics/index';
import { runMetric } from '../../src/lib/metrics/registry';
import { makeScope, type Scope } from '../../src/lib/metrics/scope';
import { importSummary } from '../../src/lib/import/summary';
import { fixture, loadFixture } from './load';
import { checkedRun } from './metric-problems';

/**
 * The command line runs native DuckDB, the app runs DuckDB-wasm: both must give the very same
 * figures. Every fixture folder is imported into both engines; then each check runs on both and
 * the results must be identical. A check is a name and a query of a Db, so the list is simply
 * what the import left (every table) plus every registered metric over a few scopes.
 */
interface Check {
	name: string;
	run(db: Db): Promise<unknown>;
}

/**
 * The scopes every metric runs over: the whole data; a term of a year for one stage and key stage
 * and one funding stream (period, pupil and costing filters); one school at one SEN stage. Together
 * they switch on every kind of filter the SQL has.
 */
function scopes(): { label: string; scope: Scope }[] {
	const asOf = '2026-01-15';
	return [
		{ label: 'all', scope: makeScope({ asOf }) },
		{
			label: 'autumn 2025/26, SEN support in KS2, notional SEN budget',
			scope: makeScope({ asOf, filters: { academicYear: '2025/26', term: 'autumn', senStage: 'K', keyStage: 'KS2' }, costing: { fundingStream: 'notional SEN budget' } })
		},
		{ label: 'North, SEN support', scope: makeScope({ asOf, filters: { school: 'North', senStage: 'K' } }) }
	];
}

/**
 * Every metric with each of its example parameters over each scope, once per distinct SQL text.
 * What is compared is the metric's value as pages show it (after its finishing step), so rows
 * that a metric sorts itself may come from SQL in any order, but a list shown as the SQL gives it
 * must come out in the same order on both engines.
 */
function metricChecks(typeProblems: string[]): Check[] {
	const bySql = new Map<string, Check>();
	for (const m of metrics) {
		for (const { label, scope } of scopes()) {
			for (const params of m.examples) {
				const sql = String(m.sql(scope, params));
				const name = `${m.id}(${JSON.stringify(params ?? null)}) over ${label}`;
				if (!bySql.has(sql))
					bySql.set(sql, {
						name,
						run: async (db: Db) => {
							// On the native engine the rows are also held to the metric's row type, as the registry loop does
							// per fixture for the whole-year scope: here every fixture at once, over the narrower scopes too.
							if (db !== native) return runMetric(db, m, scope, params);
							const { rows, problems } = await checkedRun(db, m, scope, params);
							typeProblems.push(...problems.map((p) => `${name}: ${p}`));
							return m.finish(rows, scope, params);
						}
					});
			}
		}
	}
	return [...bySql.values()];
}

/** What the import left: the summary, and every table in full (sorted, so order is not compared). */
async function tableChecks(db: Db): Promise<Check[]> {
	// Staging tables are named by a counter shared by both imports, so they are left out.
	const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary AND table_name NOT LIKE 'stage%' ORDER BY 1`);
	return [
		{ name: 'import summary', run: (d: Db) => importSummary(d) },
		// When each engine imported is a clock reading, not a result.
		...tables.map(({ name }) => ({ name: `table ${name}`, run: (d: Db) => d.query(`SELECT * ${name === 'snapshots' ? 'EXCLUDE (imported_at)' : ''} FROM "${name.replace(/"/g, '""')}" ORDER BY ALL`) }))
	];
}

/** Run a check, turning an engine error into a value so both engines' errors are compared too. */
async function outcome(check: Check, db: Db): Promise<unknown> {
	try {
		return await check.run(db);
	} catch (e) {
		return { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
	}
}

const isError = (x: unknown) => typeof x === 'object' && x !== null && 'error' in x;
const sortedJson = (rows: unknown) => (Array.isArray(rows) ? rows.map((r) => JSON.stringify(r)).sort() : rows);

/** The checks whose results differ or fail, each with what differs (NaN matches NaN; everything else exactly). */
async function differences(checks: Check[], wasm: Db, native: Db): Promise<string[]> {
	const out: string[] = [];
	for (const check of checks) {
		// The native engine works on its own threads while the wasm engine blocks this one: run both at once.
		const [n, w] = await Promise.all([outcome(check, native), outcome(check, wasm)]);
		// Both engines failing alike is not parity worth having: an error is a difference too.
		if (isDeepStrictEqual(w, n) && !isError(w)) continue;
		const what = isDeepStrictEqual(sortedJson(w), sortedJson(n)) ? 'same rows in another order (the SQL needs a complete ORDER BY)' : `wasm ${JSON.stringify(w)} native ${JSON.stringify(n)}`;
		out.push(`${check.name}: ${what}`);
	}
	return out;
}

const root = fixture('');
const folders = readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory() && readExportFolder(join(root, f)).length > 0);

/** Import a fixture folder as the tests do; a refused import is an outcome to compare, not a failure. */
async function load(db: Db, folder: string): Promise<unknown> {
	try {
		const { plans } = await loadFixture(folder, db);
		return plans.map((p) => ({ school: p.school, refused: p.sources.map((s) => s.refused) }));
	} catch (e) {
		return { error: e instanceof Error ? e.message : String(e) };
	}
}

/**
 * Every fixture folder goes into one database per engine (each folder is its own school, or
 * schools), so each metric's SQL runs once over every edge case the fixtures hold.
 */
let native: Db;
describe('native DuckDB and DuckDB-wasm give identical results', () => {
	let wasm: Db;
	const imported: Record<string, { wasm: unknown; native: unknown }> = {};
	beforeAll(async () => {
		// One thread: the other test files keep the second core busy.
		[wasm, native] = await Promise.all([openNodeDb(), openNativeDb({ threads: 1 })]);
		for (const folder of folders) {
			const [n, w] = await Promise.all([load(native, folder), load(wasm, folder)]);
			imported[folder] = { wasm: w, native: n };
		}
	}, 180_000);

	it('finds the fixtures and the registered metrics', () => {
		expect(folders).toEqual(expect.arrayContaining(['trust', 'rules', 'impact', 'personal', 'workbook', 'encodings', 'blank-lines']));
		expect(metrics.map((m) => m.id)).toEqual(expect.arrayContaining(['target_status', 'pupils_by_stage']));
	});

	it('imports every fixture the same way', () => {
		for (const folder of folders) expect(imported[folder].native, folder).toEqual(imported[folder].wasm);
	});

	it('leaves the same tables, row for row', async () => {
		expect(await differences(await tableChecks(wasm), wasm, native)).toEqual([]);
	});

	it('gives the same value for every registered metric over every scope, in rows of its declared type', async () => {
		const typeProblems: string[] = [];
		expect(await differences(metricChecks(typeProblems), wasm, native)).toEqual([]);
		expect(typeProblems).toEqual([]);
	}, 180_000);
});
