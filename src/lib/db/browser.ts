import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { tableToIPC } from 'apache-arrow';
import { arrowRowsSteps } from './arrow-rows';
import { runInTurns } from '../page-turns';
import { utf8Steps } from './utf8';
import type { Db } from './types';

let shared: Promise<Db> | null = null;

/** How much of the engine (its WebAssembly file) has arrived: shown while the page starts. */
export interface EngineProgress {
	loaded: number;
	/** Null when the server does not say how big the file is. */
	total: number | null;
	/** The engine is running. */
	ready: boolean;
}
const progressListeners = new Set<(p: EngineProgress) => void>();
export function onEngineProgress(listener: (p: EngineProgress) => void): () => void {
	progressListeners.add(listener);
	return () => progressListeners.delete(listener);
}

/** The engine files this browser uses (only one of the bundles is ever fetched): the service worker keeps them for offline use. */
export let engineFiles: string[] = [];

/** The page's one DuckDB: bundled wasm and worker from our own origin, opened once. */
export function browserDb(): Promise<Db> {
	shared ??= open();
	return shared;
}

/**
 * The engine's worker. duckdb-wasm counts the engine's bytes as they arrive by piping them through a
 * TransformStream, and compiles the module from that stream rather than from the response itself.
 * When our service worker already keeps the engine there is nothing to count, so its worker starts
 * without TransformStream and compiles straight from the kept response: on a repeat visit the engine
 * was ready about 0.2 s sooner (median of four visits each way, 1.09 s against 1.30 s).
 */
async function engineWorker(workerUrl: string, wasmUrl: string): Promise<{ worker: Worker; started: () => void }> {
	const kept = typeof caches !== 'undefined' && (await caches.match(new URL(wasmUrl, location.href).href).catch(() => undefined));
	if (!kept) return { worker: new Worker(workerUrl), started: () => {} };
	const source = `self.TransformStream = undefined;\nimportScripts(${JSON.stringify(new URL(workerUrl, location.href).href)});`;
	const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	return { worker: new Worker(url), started: () => URL.revokeObjectURL(url) };
}

async function open(): Promise<Db> {
	performance.mark('lens:engine-start');
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	engineFiles = [bundle.mainModule, bundle.mainWorker!];
	const { worker, started } = await engineWorker(bundle.mainWorker!, bundle.mainModule);
	performance.mark('lens:engine-worker');
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker, (p) => {
		const update = { loaded: p.bytesLoaded, total: p.bytesTotal > 0 ? p.bytesTotal : null, ready: false };
		for (const l of progressListeners) l(update);
	});
	started();
	for (const l of progressListeners) l({ loaded: 0, total: null, ready: true });
	// For the first-visit benchmark (tests/bench/first-visit.bench.ts): when the engine was ready.
	performance.mark('lens:engine-ready');
	const conn = await db.connect();
	return {
		async query<T>(sql: string) {
			return runInTurns(arrowRowsSteps<T>((await conn.query(sql)) as never));
		},
		async exec(sql: string) {
			await conn.query(sql);
		},
		async registerText(name: string, text: string) {
			// registerFileText would encode a whole file (tens of MB) in one task: encode it in slices instead.
			await db.registerFileBuffer(name, await runInTurns(utf8Steps(text)));
		},
		async registerFile(name: string, file: Blob) {
			await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		},
		async dropFile(name: string) {
			await db.dropFile(name);
		},
		async exportArrow(sql: string) {
			return tableToIPC(await conn.query(sql), 'stream');
		},
		async importArrow(name: string, ipc: Uint8Array) {
			await conn.insertArrowFromIPCStream(ipc, { name, create: true });
		}
	};
}
