// Node timing of every registered metric on native DuckDB, one thread (the browser's wasm engine
// has one), each metric run with each of its registry examples: the median of a few runs after one
// warm-up, and the time to plan it alone (EXPLAIN). Prints figures only: it asserts nothing.
// Big data is the synthetic export of metrics-data.ts, imported once through the app's own import
// and kept in /tmp as a DuckDB file, so later runs only copy it into memory.
// With LENS_ENGINE=wasm it runs on the browser's engine in Node instead (imported afresh each time).
// `bench:N` is the browser benchmark's three-file export (synthetic-export.ts) instead; `filter` keeps
// the metrics whose id contains one of its comma-separated words.
// Usage: npx tsx tests/bench/metrics-timing.ts [targets=250000 | bench:N | fixture:NAME] [repeats=3] [threads=1] [filter]
import { existsSync } from 'node:fs';
import { openNativeDb } from '../../src/lib/db/native';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { importSchools } from '../../src/lib/import/pipeline';
import { allMetrics } from '../../src/lib/metrics/index';
import { metricRows, type AnyMetric } from '../../src/lib/metrics/registry';
import { makeScope } from '../../src/lib/metrics/scope';
import { loadFixture } from '../unit/load';
import { machine, median, seconds, table, timed } from './measure';
import { metricsExport } from './metrics-data';
import { syntheticExport } from './synthetic-export';

const [size = '250000', repeatsArg = '3', threadsArg = '1', filter = ''] = process.argv.slice(2);
const repeats = Number(repeatsArg);
const scope = makeScope({ asOf: '2026-01-15' });

const wasm = process.env.LENS_ENGINE === 'wasm';

async function open(): Promise<Db> {
	const db = wasm ? await openNodeDb() : await openNativeDb();
	if (size.startsWith('fixture:')) {
		await loadFixture(size.slice('fixture:'.length), db);
	} else {
		const bench = size.startsWith('bench:');
		const n = Number(bench ? size.slice('bench:'.length) : size);
		const files = () => (bench ? syntheticExport(n) : metricsExport(n));
		const file = `/tmp/lens-metrics-${size.replace(':', '-')}.duckdb`;
		if (wasm) {
			const { ms } = await timed(() => importSchools(db, [{ school: 'Bench LA', files: files() }]));
			console.log(`imported ${size} targets in ${seconds(ms)} (wasm)`);
		} else if (!existsSync(file)) {
			const { ms } = await timed(() => importSchools(db, [{ school: 'Bench LA', files: files() }]));
			console.log(`imported ${size} targets in ${seconds(ms)}; saving ${file}`);
			await db.exec(`ATTACH '${file}' AS saved; COPY FROM DATABASE memory TO saved; DETACH saved`);
		} else {
			await db.exec(`ATTACH '${file}' AS saved (READ_ONLY); COPY FROM DATABASE saved TO memory; DETACH saved`);
		}
	}
	if (!wasm) await db.exec(`SET threads = ${Number(threadsArg)}`);
	return db;
}

const db = await open();
const counts = await db.query<{ t: string; n: number }>(
	`SELECT 'targets' AS t, count(*)::INTEGER AS n FROM targets UNION ALL SELECT 'plans', count(*)::INTEGER FROM plans UNION ALL SELECT 'pupils', count(*)::INTEGER FROM pupils
   UNION ALL SELECT 'provisions', count(*)::INTEGER FROM provisions UNION ALL SELECT 'allocations', count(*)::INTEGER FROM allocations`
);
console.log(`${await machine()}; ${wasm ? 'wasm' : `native, threads ${threadsArg}`}; ${counts.map((c) => `${c.n} ${c.t}`).join(', ')}\n`);

// LENS_BEFORE=DIR: a copy of an earlier src/lib (e.g. `git archive HEAD src/lib | tar -x -C DIR`, with
// node_modules linked) whose metrics run alternately with these, on the same data, for a before/after table.
const beforeRoot = process.env.LENS_BEFORE;
const before: AnyMetric[] = beforeRoot ? (await import(`${beforeRoot}/src/lib/metrics/index.ts`)).allMetrics : [];
const beforeScope = beforeRoot ? (await import(`${beforeRoot}/src/lib/metrics/scope.ts`)).makeScope({ asOf: scope.asOf }) : scope;

async function time(m: AnyMetric, s: typeof scope, params: unknown): Promise<{ ms: number; n: number }> {
	const { ms, value } = await timed(() => metricRows(db, m, s, params));
	return { ms, n: value.length };
}

const rows: string[][] = [];
let total = 0;
let totalBefore = 0;
for (const m of allMetrics) {
	if (filter && !filter.split(',').some((f) => m.id.includes(f))) continue;
	const old = before.find((b) => b.id === m.id);
	for (const params of m.examples) {
		const sql = String(m.sql(scope, params));
		const runs: number[] = [];
		const oldRuns: number[] = [];
		let n = 0;
		for (let i = 0; i <= repeats; i++) {
			// Alternate which goes first; the first round warms up and is not counted.
			const order = i % 2 ? ['new', 'old'] : ['old', 'new'];
			for (const which of order) {
				if (which === 'old' && old) {
					const r = await time(old, beforeScope, params);
					if (i) oldRuns.push(r.ms);
				} else if (which === 'new') {
					const r = await time(m, scope, params);
					n = r.n;
					if (i) runs.push(r.ms);
				}
			}
		}
		const plans: number[] = [];
		for (let i = 0; i < 3; i++) plans.push((await timed(() => db.query(`EXPLAIN ${sql}`))).ms);
		total += median(runs);
		if (old) totalBefore += median(oldRuns);
		const label = JSON.stringify(params ?? null).slice(0, 40);
		rows.push(
			beforeRoot
				? [m.id, label, old ? seconds(median(oldRuns)) : '—', seconds(median(runs)), old ? `${(median(oldRuns) / median(runs)).toFixed(1)}×` : '—', String(n)]
				: [m.id, label, seconds(median(runs)), seconds(median(plans)), String(n)]
		);
	}
}
console.log(beforeRoot ? table(['metric', 'params', 'before', 'after', 'speed-up', 'rows'], rows) : table(['metric', 'params', 'run (median)', 'plan only', 'rows'], rows));
console.log(`\nsum of medians: ${seconds(total)}${beforeRoot ? ` (before: ${seconds(totalBefore)})` : ''}`);
