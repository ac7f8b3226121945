import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lens as run } from '../../src/cli/lens';
import { openNativeDb } from '../../src/lib/db/native';
import { fixture } from './load';

/** The command in this process, on one core (the other test files keep the second one busy). */
async function lens(...args: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await run([...args, '--threads', '1'], { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
	return { code, stdout, stderr };
}
const json = async (...args: string[]) => {
	const r = await lens(...args, '--as-of', '2026-01-15', '--json');
	expect(r.code, r.stderr).toBe(0);
	return JSON.parse(r.stdout);
};

describe('lens --engine', () => {
	it('runs on native DuckDB by default and prints exactly what the wasm engine prints', async () => {
		expect(await json('analyse', fixture('trust'))).toEqual(await json('analyse', fixture('trust'), '--engine', 'wasm'));
	});

	it('refuses an engine it does not know', async () => {
		const r = await lens('analyse', fixture('trust'), '--engine', 'sqlite');
		expect(r.code).toBe(2);
		expect(r.stderr).toBe('lens: --engine is native or wasm\n');
	});

	it('refuses a number of cores that is not a whole number from 1', async () => {
		for (const n of ['0', '-2', '1.5', 'all']) {
			let stderr = '';
			expect(await run(['analyse', fixture('trust'), '--threads', n], { write: () => {} }, { write: (t: string) => (stderr += t) }), n).toBe(2);
			expect(stderr).toBe('lens: --threads needs a whole number of cores, 1 or more\n');
		}
	});
});

describe('lens and Parquet', () => {
	it('writes every loaded table to Parquet, and reading them back gives the same figures', async () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'lens-parquet-test-')), 'out');
		const first = await json('analyse', fixture('impact'), '--out-parquet', dir);
		expect(readdirSync(dir).sort()).toEqual(['allocations.parquet', 'plans.parquet', 'provisions.parquet', 'pupils.parquet', 'targets.parquet']);
		const again = await json('analyse', dir);
		expect(again.import.tables).toEqual(
			Object.fromEntries(
				Object.entries(first.import.tables as Record<string, { loaded: number }>).map(([t, c]) => [t, { read: c.loaded, loaded: c.loaded, rejected: 0, warnings: again.import.tables[t].warnings }])
			)
		);
		for (const key of ['overview', 'achievement', 'entry_exit', 'quality', 'provision', 'report']) expect(again[key], key).toEqual(first[key]);
	});

	it("keeps a trust's schools apart through a Parquet round trip", async () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'lens-parquet-test-')), 'trust');
		await json('analyse', fixture('trust'), '--out-parquet', dir);
		const back = await json('analyse', dir);
		expect(back.schools).toEqual(['North', 'South']);
		expect(back.overview.targets).toMatchObject({ total: 11, reviewed: 7, achieved: 4, open: 2, overdue: 2 });
	});

	it('validates Parquet as it validates CSV: a bad value is a rejected row naming the file and line', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'lens-parquet-test-'));
		const db = await openNativeDb({ threads: 1 });
		await db.exec(`COPY (SELECT * FROM (VALUES ('P1', '3', 'K', 'SLCN'), ('P2', '4', 'Z', 'SLCN')) v(pupil_id, year_group, sen_stage, primary_need))
      TO '${join(dir, 'pupils.parquet')}' (FORMAT parquet)`);
		const out = await json('analyse', dir);
		expect(out.import.tables.pupils).toEqual({ read: 2, loaded: 1, rejected: 1, warnings: 0 });
		expect(out.import.rejected).toEqual([expect.objectContaining({ file: 'pupils.parquet', table: 'pupils', line: 3, column: 'sen_stage', value: 'Z' })]);
	});

	it('needs the native engine for Parquet', async () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'lens-parquet-test-')), 'out');
		const r = await lens('analyse', fixture('trust'), '--engine', 'wasm', '--out-parquet', dir);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe('lens: Parquet files need the native engine (leave out --engine wasm)\n');
		expect(existsSync(dir)).toBe(false);
	});
});
