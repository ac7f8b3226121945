// Bundled by browser-import.bench.ts and loaded into the app's own page: bare DuckDB-wasm (the same
// build the app runs in that page, with as many threads) reading the chosen files itself with read_csv,
// for the side-by-side timing.
import * as duckdb from '@duckdb/duckdb-wasm';

export interface BareResult {
	startMs: number;
	readMs: number;
	aggregateMs: number;
	rows: number;
}

/** Which build: the single-thread one (eh), or the threaded one (coi) with this many threads. */
export interface BareBuild {
	threaded: boolean;
	threads: number;
}

async function bareReadCsv(inputId: string, base: string, aggregate: string, build: BareBuild): Promise<BareResult> {
	const files = [...((document.getElementById(inputId) as HTMLInputElement).files ?? [])];
	const t0 = performance.now();
	const name = build.threaded ? 'coi' : 'eh';
	const worker = new Worker(`${base}/duckdb-browser-${name}.worker.js`);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(`${base}/duckdb-${name}.wasm`, build.threaded ? `${base}/duckdb-browser-coi.pthread.worker.js` : null);
	if (build.threaded) await db.open({ maximumThreads: build.threads });
	const conn = await db.connect();
	const t1 = performance.now();
	for (const f of files) {
		await db.registerFileHandle(f.name, f, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		await conn.query(`CREATE TABLE "${f.name.replace(/\.csv$/, '')}" AS SELECT * FROM read_csv('${f.name}')`);
	}
	const t2 = performance.now();
	const result = await conn.query(aggregate);
	const t3 = performance.now();
	await conn.close();
	await db.terminate();
	return { startMs: t1 - t0, readMs: t2 - t1, aggregateMs: t3 - t2, rows: result.numRows };
}

(window as unknown as { bareReadCsv: typeof bareReadCsv }).bareReadCsv = bareReadCsv;
