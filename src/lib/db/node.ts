import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Db } from './types';
import { arrowToRows } from './arrow-rows';
import { KEPT_COMPRESSED, keptCompressedIn, scratchName } from './store';

const require = createRequire(import.meta.url);
// The blocking build is CommonJS and builds its Arrow tables with the CommonJS apache-arrow; only
// that same copy's writer recognises them (an ESM import would silently write an empty stream).
const { tableToIPC } = require('apache-arrow') as typeof import('apache-arrow');

/**
 * DuckDB for Node (tests and the command line): the same wasm engine as the browser,
 * run synchronously, so both run the very same SQL on the very same DuckDB version.
 */
export async function openNodeDb(): Promise<Db> {
	const bundles: duckdb.DuckDBBundles = {
		mvp: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'), mainWorker: '' },
		eh: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), mainWorker: '' }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate(() => {});
	const conn = db.connect();
	for (const sql of KEPT_COMPRESSED) conn.query(sql);
	const on = (c: duckdb.DuckDBConnection): Db => ({
		async query<T>(sql: string) {
			return arrowToRows<T>(c.query(sql) as never);
		},
		async exec(sql: string) {
			c.query(sql);
		},
		async registerText(name: string, text: string) {
			db.registerFileText(name, text);
		},
		async dropFile(name: string) {
			db.dropFile(name);
		},
		async exportArrow(sql: string) {
			return tableToIPC(c.query(sql), 'stream');
		},
		async importArrow(name: string, ipc: Uint8Array) {
			c.insertArrowFromIPCStream(ipc, { name, create: true });
		}
	});
	return {
		...on(conn),
		async scratch() {
			const c = db.connect();
			const name = scratchName();
			for (const sql of keptCompressedIn(name)) c.query(sql);
			return {
				...on(c),
				async close() {
					c.close();
					conn.query(`DETACH DATABASE IF EXISTS ${name}`);
				}
			};
		}
	};
}
