// Node benchmark, side by side in one run: bare DuckDB read_csv of the synthetic export against the
// app's full import (read, guard, stage, validate, load, check targets) on the wasm engine (as tests
// and the browser run it) and on native DuckDB (as the command line runs it). Each runs on a fresh
// database; the order alternates between repetitions and the median is shown. Prints figures only:
// it asserts nothing about time.
// Usage: tsx tests/bench/engines.bench.ts [repeated-size=100000] [repeats=3] [large-size=1000000]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNativeDb } from '../../src/lib/db/native';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { importSchools } from '../../src/lib/import/pipeline';
import { targetStatus } from '../../src/lib/metrics/achievement';
import { runMetric } from '../../src/lib/metrics/registry';
import { makeScope } from '../../src/lib/metrics/scope';
import { machine, median, ratio, rotate, seconds, table, timed } from './measure';
import { syntheticExport } from './synthetic-export';

const [small, repeats, large] = [Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 3), Number(process.argv[4] ?? 1_000_000)];
type Files = { name: string; bytes: Uint8Array }[];
const scope = makeScope({ asOf: '2026-01-15' });
const aggregate = `SELECT outcome, count(*) AS n FROM targets GROUP BY ALL`;

/** Bare native DuckDB: read_csv straight from disk, types sniffed, one table per file. */
async function bareNative(files: Files, dir: string): Promise<number> {
	const db = await openNativeDb();
	const { ms } = await timed(async () => {
		for (const f of files) await db.exec(`CREATE TABLE ${f.name.replace(/\.csv$/, '')} AS SELECT * FROM read_csv('${join(dir, f.name)}')`);
		await db.query(aggregate);
	});
	return ms;
}

/** Bare DuckDB-wasm: the text handed over as a registered file, read_csv, one table per file. */
async function bareWasm(files: Files): Promise<number> {
	const db = await openNodeDb();
	const { ms } = await timed(async () => {
		for (const f of files) {
			await db.registerText(f.name, new TextDecoder().decode(f.bytes));
			await db.exec(`CREATE TABLE ${f.name.replace(/\.csv$/, '')} AS SELECT * FROM read_csv('${f.name}')`);
			await db.dropFile(f.name);
		}
		await db.query(aggregate);
	});
	return ms;
}

/** The app's import, as the page and the command line run it, then the overview's target figures. */
async function appImport(open: () => Promise<Db>, files: Files): Promise<number> {
	const db = await open();
	const { ms } = await timed(async () => {
		await importSchools(db, [{ school: 'Bench trust', files }]);
		await runMetric(db, targetStatus, scope, undefined);
	});
	return ms;
}

const runs = {
	'bare read_csv, native': bareNative,
	'bare read_csv, wasm': (files: Files) => bareWasm(files),
	'import, wasm (app, tests)': (files: Files) => appImport(openNodeDb, files),
	'import, native (lens CLI)': (files: Files) => appImport(openNativeDb, files)
} as const;
type RunName = keyof typeof runs;
const names = Object.keys(runs) as RunName[];

async function measure(size: number, times: number): Promise<Record<RunName, number[]>> {
	const files = syntheticExport(size);
	const dir = mkdtempSync(join(tmpdir(), 'lens-bench-'));
	for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
	const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<RunName, number[]>;
	try {
		for (let i = 0; i < times; i++) {
			for (const name of rotate(names, i)) {
				out[name].push(await runs[name](files, dir));
				process.stderr.write(`  ${size.toLocaleString('en-GB')} targets, run ${i + 1}: ${name} ${seconds(out[name].at(-1))}\n`);
			}
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return out;
}

console.log(`Node, ${await machine()}`);
const repeated = await measure(small, repeats);
const once = await measure(large, 1);
const base = (r: Record<RunName, number[]>) => median(r['bare read_csv, native']);
const baseWasm = (r: Record<RunName, number[]>) => median(r['bare read_csv, wasm']);
console.log(
	table(
		['Node', `${small.toLocaleString('en-GB')} targets, median of ${repeats}`, '× bare native', '× bare wasm', `${large.toLocaleString('en-GB')} targets, once`, '× bare native', '× bare wasm'],
		names.map((n) => [
			n,
			seconds(median(repeated[n])),
			ratio(median(repeated[n]), base(repeated)),
			ratio(median(repeated[n]), baseWasm(repeated)),
			seconds(once[n][0]),
			ratio(once[n][0], base(once)),
			ratio(once[n][0], baseWasm(once))
		])
	)
);
console.log(
	`Native over wasm, the app's import: ${ratio(median(repeated['import, wasm (app, tests)']), median(repeated['import, native (lens CLI)']))} faster at ${small.toLocaleString('en-GB')}, ${ratio(once['import, wasm (app, tests)'][0], once['import, native (lens CLI)'][0])} at ${large.toLocaleString('en-GB')}`
);
process.exit(0);
