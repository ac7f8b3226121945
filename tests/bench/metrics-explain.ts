// The profile of one metric on the saved synthetic data of metrics-timing.ts (run that first):
// EXPLAIN ANALYZE on native DuckDB, one thread.
// Usage: npx tsx tests/bench/metrics-explain.ts METRIC_ID [params-json=null] [targets=250000] [threads=1]
import { openNativeDb } from '../../src/lib/db/native';
import { allMetrics } from '../../src/lib/metrics/index';
import { makeScope } from '../../src/lib/metrics/scope';

const [id, paramsArg = 'null', size = '250000', threads = '1'] = process.argv.slice(2);
const m = allMetrics.find((x) => x.id === id);
if (!m) throw new Error(`no metric ${id}`);
const db = await openNativeDb();
await db.exec(`ATTACH '/tmp/lens-metrics-${size}.duckdb' AS saved (READ_ONLY); COPY FROM DATABASE saved TO memory; DETACH saved; SET threads = ${Number(threads)}`);
const sql = String(m.sql(makeScope({ asOf: '2026-01-15' }), JSON.parse(paramsArg)));
const rows = await db.query<{ explain_value: string }>(`EXPLAIN ANALYZE ${sql}`);
console.log(rows.map((r) => r.explain_value).join('\n'));
