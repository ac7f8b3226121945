// Bundled by browser-import.bench.ts and loaded into the app's own page: bare DuckDB-wasm (the very
// engine files the app runs in that page, with as many threads) reading the chosen files itself with
// read_csv, for the side-by-side timing.
import * as duckdb from '@duckdb/duckdb-wasm';

export interface BareResult {
	startMs: number;
	readMs: number;
	aggregateMs: number;
	rows: number;
}

/** Which build, by the addresses of its files, and the threads it is given (1 on the single-thread build). */
export interface BareBuild {
	worker: string;
	wasm: string;
	/** The threaded build's thread worker; null for the single-thread build. */
	pthread: string | null;
	threads: number;
}

async function bareReadCsv(inputId: string, aggregate: string, build: BareBuild): Promise<BareResult> {
	const files = [...((document.getElementById(inputId) as HTMLInputElement).files ?? [])];
	const t0 = performance.now();
	const worker = new Worker(build.worker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(build.wasm, build.pthread);
	if (build.pthread) await db.open({ maximumThreads: build.threads });
	const conn = await db.connect();
	const t1 = performance.now();
	for (const f of files) {
		// As the app gives each build a chosen file: the threaded build loses file handles on large files ("No HTML5
		// file registered", duckdb-wasm #2243; it stopped the bench at a million targets), so it is given the bytes.
		if (build.pthread) await db.registerFileBuffer(f.name, new Uint8Array(await f.arrayBuffer()));
		else await db.registerFileHandle(f.name, f, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
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
