// Import benchmark in Node: the synthetic export (1M targets by default) through the same pipeline as
// the page (DuckDB wasm, run in Node). Prints timings; asserts nothing about time.
// Usage: tsx tests/bench/import.bench.ts [targets]
import { openNodeDb } from '../../src/lib/db/node';
import { commitImport, prepareImport } from '../../src/lib/import/pipeline';
import { importSummary } from '../../src/lib/import/summary';
import { targetStatus } from '../../src/lib/metrics/achievement';
import { runMetric } from '../../src/lib/metrics/registry';
import { makeScope } from '../../src/lib/metrics/scope';
import { syntheticExport } from './synthetic-export';

const targetCount = Number(process.argv[2] ?? 1_000_000);
const t0 = performance.now();
const files = syntheticExport(targetCount);
const t1 = performance.now();
const db = await openNodeDb();
const plan = await prepareImport(db, 'Bench trust', files);
const t2 = performance.now();
await commitImport(db, plan);
const t3 = performance.now();
const summary = await importSummary(db);
const targets = await runMetric(db, targetStatus, makeScope({ asOf: '2026-01-15' }), undefined);
const t4 = performance.now();

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`Node: ${targetCount.toLocaleString('en-GB')} targets`);
console.log(`generate CSV                          ${s(t1 - t0)}`);
console.log(`read, sniff, stage, personal-data scan ${s(t2 - t1)}`);
console.log(`validate, load, check targets          ${s(t3 - t2)}`);
console.log(`summary and overview                   ${s(t4 - t3)}`);
console.log(JSON.stringify(summary.tables), `achievement ${targets.achievement_rate}`);
