// Import benchmark: a synthetic trust export with 1M targets, through the same pipeline as the page
// (DuckDB wasm, run in Node). `npm run bench [-- targets]`. Prints timings; asserts nothing about time.
import { openNodeDb } from '../../src/lib/db/node';
import { commitImport, prepareImport } from '../../src/lib/import/pipeline';
import { importSummary } from '../../src/lib/import/summary';
import { overview } from '../../src/lib/metrics/overview';
import { noFilters } from '../../src/lib/metrics/filters';

const targetCount = Number(process.argv[2] ?? 1_000_000);
const plansCount = Math.ceil(targetCount / 4);
const pupilCount = Math.ceil(plansCount / 4);
const areas = ['C&I', 'C&L', 'SEMH', 'S&P'];
const outcomes = ['YES', 'Progress', 'NO', ''];
const enc = new TextEncoder();

function csv(header: string, n: number, row: (i: number) => string): Uint8Array {
	const lines = [header];
	for (let i = 0; i < n; i++) lines.push(row(i));
	return enc.encode(lines.join('\n') + '\n');
}

const t0 = performance.now();
const files = [
	{ name: 'pupils.csv', bytes: csv('pupil_id,year_group,sen_stage,primary_need', pupilCount, (i) => `P${i},Y${(i % 11) + 1},${i % 7 ? 'K' : 'E'},SLCN`) },
	{ name: 'plans.csv', bytes: csv('plan_id,pupil_id,cycle,start_date,review_due,reviewed_on', plansCount, (i) => `PL${i},P${i % pupilCount},${(i % 4) + 1},08/09/2025,12/12/2025,${i % 3 ? '15/12/2025' : ''}`) },
	{ name: 'targets.csv', bytes: csv('target_id,plan_id,need_area,target_text,outcome', targetCount, (i) => `T${i},PL${i % plansCount},${areas[i % 4]},"[Pupil] will read ${i % 5000} words in class, on 4 out of 5 occasions",${outcomes[i % 4]}`) }
];
const t1 = performance.now();
const db = await openNodeDb();
const plan = await prepareImport(db, 'Bench trust', files);
const t2 = performance.now();
await commitImport(db, plan);
const t3 = performance.now();
const summary = await importSummary(db);
const o = await overview(db, noFilters, '2026-01-15');
const t4 = performance.now();

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`targets ${targetCount.toLocaleString('en-GB')}, plans ${plansCount.toLocaleString('en-GB')}, pupils ${pupilCount.toLocaleString('en-GB')}`);
console.log(`generate CSV            ${s(t1 - t0)}`);
console.log(`read, sniff, stage, scan ${s(t2 - t1)}`);
console.log(`validate and load       ${s(t3 - t2)}`);
console.log(`summary and overview    ${s(t4 - t3)}`);
console.log(JSON.stringify(summary.tables), `achievement ${o.targets.achievement_rate}`);
