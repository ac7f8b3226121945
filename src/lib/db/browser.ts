import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { arrowToRows } from './arrow-rows';
import type { Db } from './types';

let shared: Promise<Db> | null = null;

/** The page's one DuckDB: bundled wasm and worker from our own origin, opened once. */
export function browserDb(): Promise<Db> {
	shared ??= open();
	return shared;
}

async function open(): Promise<Db> {
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	const conn = await db.connect();
	return {
		async query<T>(sql: string) {
			return arrowToRows<T>((await conn.query(sql)) as never);
		},
		async exec(sql: string) {
			await conn.query(sql);
		},
		async registerText(name: string, text: string) {
			await db.registerFileText(name, text);
		},
		async dropFile(name: string) {
			await db.dropFile(name);
		}
	};
}
