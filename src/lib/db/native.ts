import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBDateValue, DuckDBDecimalValue, DuckDBInstance, DuckDBTypeId, JSDuckDBValueConverter, type DuckDBValueConverter, type JS } from '@duckdb/node-api';
import type { Db, Row } from './types';
import { KEPT_COMPRESSED } from './store';

const DAY_MS = 86_400_000;
type Plain = unknown;

/**
 * Native values → the same plain JS values the wasm adapter gives (arrow-rows.ts), so every
 * caller sees one contract whichever engine runs: whole numbers as numbers, DATE as 'YYYY-MM-DD',
 * DECIMAL as a number worked out the same way (unscaled integer / 10^scale), TIMESTAMP as epoch
 * milliseconds, lists and structs converted item by item.
 */
const toPlain: DuckDBValueConverter<Plain> = (value, type, self) => {
	if (value === null || value === undefined) return null;
	switch (type.typeId) {
		case DuckDBTypeId.DATE:
			return new Date((value as DuckDBDateValue).days * DAY_MS).toISOString().slice(0, 10);
		case DuckDBTypeId.DECIMAL: {
			const d = value as DuckDBDecimalValue;
			return Number(d.value) / 10 ** d.scale;
		}
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_MS:
		case DuckDBTypeId.TIMESTAMP_NS:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return (JSDuckDBValueConverter(value, type, JSDuckDBValueConverter) as Date).getTime();
	}
	const converted = JSDuckDBValueConverter(value, type, self as unknown as DuckDBValueConverter<JS>);
	return typeof converted === 'bigint' ? Number(converted) : converted;
};

/** A registered name must be a plain file name: it becomes a file in our own temporary folder. */
function fileName(name: string): string {
	if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) throw new Error(`cannot register a file named ${name}`);
	return name;
}

/** Every adapter's temporary folder, removed when the process ends. */
const folders = new Set<string>();

/**
 * Native DuckDB for Node (the command line): multi-threaded and about three times faster than the
 * wasm build, running the very same SQL. Text registered for read_csv is written to a private
 * temporary folder that DuckDB searches for relative file names, and removed when dropped.
 */
export async function openNativeDb(options: { threads?: number } = {}): Promise<Db> {
	// By default DuckDB takes every core; a shared machine (or a test run beside others) may give it fewer.
	const instance = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {});
	const conn = await instance.connect();
	const folder = mkdtempSync(join(tmpdir(), 'lens-duckdb-'));
	if (!folders.size) process.once('exit', () => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
	folders.add(folder);
	for (const sql of KEPT_COMPRESSED) await conn.run(sql);
	await conn.run(`SET file_search_path = '${folder.replace(/'/g, "''")}'`);
	return {
		async query<T = Row>(sql: string) {
			const reader = await conn.runAndReadAll(sql);
			return reader.convertRowObjects(toPlain) as T[];
		},
		async exec(sql: string) {
			await conn.run(sql);
		},
		async registerText(name: string, text: string) {
			writeFileSync(join(folder, fileName(name)), text);
		},
		async dropFile(name: string) {
			rmSync(join(folder, fileName(name)), { force: true });
		}
	};
}
