import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { columnsOf, tableOrder } from '../contract/tables';
import { ident, lit } from '../db/sql';
import type { Db } from '../db/types';
import type { SchoolFiles } from './schools';

/**
 * Parquet in and out, for trusts and local authorities who keep a data pipeline. Both run on the
 * native engine only (the wasm build cannot read or write files on disk).
 *
 * Out: every validated table, one `<table>.parquet` per table, all schools together (a `school`
 * column), the contract's columns with their types. In: a folder of such files, one per table.
 * They go through the very same import as CSV (guard, validation, rejected rows and warnings):
 * each file is turned into CSV text per school, named after the Parquet file, so a problem is
 * reported against `pupils.parquet`, line = row within that school's rows + 1 (the header).
 */

const parquetFile = /\.parquet$/i;

export function parquetFilesIn(folder: string): string[] {
	return readdirSync(folder)
		.filter((n) => parquetFile.test(n) && statSync(join(folder, n)).isFile())
		.sort();
}

/** Write every table that holds rows to `<dir>/<table>.parquet`; returns the tables written. */
export async function writeParquet(db: Db, dir: string): Promise<string[]> {
	mkdirSync(dir, { recursive: true });
	const written: string[] = [];
	for (const table of tableOrder) {
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`);
		if (!n) continue;
		const cols = ['school', ...columnsOf(table).map((c) => c.name)].map(ident).join(', ');
		const target = resolve(dir, `${table}.parquet`);
		await db.exec(`COPY (SELECT ${cols} FROM ${ident(table)} ORDER BY school, source_file, source_line) TO ${lit(target)} (FORMAT parquet)`);
		written.push(table);
	}
	return written;
}

/** One school's rows of a Parquet file as CSV bytes (lists written back as `a;b`, as a school would). */
async function csvOf(db: Db, source: string, columns: { name: string; list: boolean }[], school: { sql: string; is: string } | null, out: string): Promise<Uint8Array> {
	const select = columns
		.filter((c) => c.name !== 'school')
		.map((c) => (c.list ? `array_to_string(${ident(c.name)}, ';') AS ${ident(c.name)}` : ident(c.name)))
		.join(', ');
	const where = school === null ? '' : `WHERE ${school.sql} = ${lit(school.is)}`;
	await db.exec(`COPY (SELECT ${select} FROM read_parquet(${lit(source)}) ${where}) TO ${lit(out)} (FORMAT csv, HEADER true)`);
	const bytes = new Uint8Array(readFileSync(out));
	rmSync(out, { force: true });
	return bytes;
}

/**
 * Read a folder of Parquet files as the schools' exports: one school per value of a `school`
 * column, or the folder's name when there is none.
 */
export async function readParquetFolder(db: Db, folder: string): Promise<SchoolFiles[]> {
	const own = basename(resolve(folder));
	const scratch = mkdtempSync(join(tmpdir(), 'lens-parquet-'));
	const bySchool = new Map<string, SchoolFiles>();
	const add = (school: string, name: string, bytes: Uint8Array) => {
		if (!bySchool.has(school)) bySchool.set(school, { school, files: [] });
		bySchool.get(school)!.files.push({ name, bytes });
	};
	try {
		for (const name of parquetFilesIn(folder)) {
			const source = resolve(folder, name);
			const described = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet(${lit(source)})`);
			const columns = described.map((c) => ({ name: c.column_name, list: c.column_type.endsWith('[]') }));
			const out = join(scratch, `${basename(name, '.parquet')}.csv`);
			if (!columns.some((c) => c.name === 'school')) {
				add(own, name, await csvOf(db, source, columns, null, out));
				continue;
			}
			// A row without a school belongs to the folder's own school rather than being dropped.
			const sql = `coalesce(nullif(trim(school::VARCHAR), ''), ${lit(own)})`;
			const schools = await db.query<{ school: string }>(`SELECT DISTINCT ${sql} AS school FROM read_parquet(${lit(source)}) ORDER BY 1`);
			for (const { school } of schools) add(school, name, await csvOf(db, source, columns, { sql, is: school }, out));
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	return [...bySchool.values()];
}
