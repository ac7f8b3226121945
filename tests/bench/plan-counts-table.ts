// What a table of each plan's target counts (planTargetCountsSql, kept by the import) would save the
// plan-quality figures: the per-plan indicators worked out from the targets each time, against the
// same read from such a table. Native DuckDB, one thread, on the saved data of metrics-timing.ts.
// Usage: npx tsx tests/bench/plan-counts-table.ts [targets=1000000]
import { openNativeDb } from '../../src/lib/db/native';
import { indicatorsMissedSql, planIndicatorsSql, planTargetCountsSql } from '../../src/lib/metrics/plan-quality';
import { makeScope } from '../../src/lib/metrics/scope';
import { median, seconds, timed } from './measure';

const size = process.argv[2] ?? '1000000';
const db = await openNativeDb();
await db.exec(`ATTACH '/tmp/lens-metrics-${size}.duckdb' AS saved (READ_ONLY); COPY FROM DATABASE saved TO memory; DETACH saved; SET threads = 1`);
const made = await timed(() => db.exec(`CREATE TABLE plan_target_counts AS ${planTargetCountsSql}`));
console.log(`making the table: ${seconds(made.ms)}`);
const scope = makeScope({ asOf: '2026-01-15' });
const figure = (counts?: string) => `SELECT ${indicatorsMissedSql} AS missed, count(*)::INTEGER AS plans FROM (${planIndicatorsSql(scope, null, counts)}) GROUP BY 1 ORDER BY 1`;
for (const [label, sql] of [['worked out each time', figure()], ['read from the table', figure('plan_target_counts')]]) {
	const runs: number[] = [];
	for (let i = 0; i < 5; i++) runs.push((await timed(() => db.query(sql))).ms);
	console.log(`${label}: ${seconds(median(runs))}`, JSON.stringify(await db.query(sql)));
}
