import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import coiWasm from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import coiWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import coiPthreadWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
import { tableToIPC } from 'apache-arrow';
import { arrowRowsSteps } from './arrow-rows';
import { runInTurns } from '../page-turns';
import { threadsFor, threadsPay } from './threads';
import { utf8Steps } from './utf8';
import type { Db } from './types';
import { KEPT_COMPRESSED, keptCompressedIn, scratchName } from './store';

let shared: Promise<Db> | null = null;

/** How much of the engine (its WebAssembly file) has arrived: shown while the page starts. */
export interface EngineProgress {
	loaded: number;
	/** Null when the server does not say how big the file is. */
	total: number | null;
	/** The engine is running. */
	ready: boolean;
	/** Once ready: the threads the engine runs its queries on (1 on the single-thread build). */
	threads?: number;
	/** Once ready on one thread, why: the page is not cross-origin isolated, or the device has too few cores for threads to pay. */
	oneThread?: 'not-isolated' | 'few-cores';
}
const progressListeners = new Set<(p: EngineProgress) => void>();
export function onEngineProgress(listener: (p: EngineProgress) => void): () => void {
	progressListeners.add(listener);
	return () => progressListeners.delete(listener);
}

/** The engine files this page runs (one build of the three): the service worker keeps them for offline use. */
let engineFiles: string[] = [];
let engineThreaded = false;
const threadedFiles = [coiWasm, coiWorker, coiPthreadWorker];

/**
 * The engine files to keep for offline use once the engine has started: the build this page runs and,
 * on a page not (yet) isolated in a browser that can run the threaded build, that build too. Every
 * later visit through the service worker is isolated and starts the threaded build, offline as well,
 * so it must be kept before the first offline visit. `threaded`: this page runs it, so the other
 * build will not be needed again.
 */
export async function engineFilesToKeep(): Promise<{ urls: string[]; threaded: boolean }> {
	await browserDb();
	if (engineThreaded) return { urls: engineFiles, threaded: true };
	// duckdb-wasm's own check for threads needs SharedArrayBuffer, which only an isolated page has: here,
	// a browser that knows cross-origin isolation (every one that does also runs WebAssembly threads).
	const f = await duckdb.getPlatformFeatures();
	const next = f.wasmExceptions && f.wasmSIMD && 'crossOriginIsolated' in globalThis && threadsPay(navigator.hardwareConcurrency) ? threadedFiles : [];
	return { urls: [...engineFiles, ...next], threaded: false };
}

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
async function engineWorker(workerUrl: string, wasmUrl: string, threaded: boolean): Promise<{ worker: Worker; started: () => void }> {
	// Not for the threaded build: each of its thread workers loads the script its engine worker was started
	// from (emscripten's pthreads import the main script's own address). Started from a blob, that would be
	// the blob, revoked once the engine is up and, in any case, outside the page's script-src ('self').
	if (threaded) return { worker: new Worker(workerUrl), started: () => {} };
	const kept = typeof caches !== 'undefined' && (await caches.match(new URL(wasmUrl, location.href).href).catch(() => undefined));
	if (!kept) return { worker: new Worker(workerUrl), started: () => {} };
	const source = `self.TransformStream = undefined;\nimportScripts(${JSON.stringify(new URL(workerUrl, location.href).href)});`;
	const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	return { worker: new Worker(url), started: () => URL.revokeObjectURL(url) };
}

async function open(): Promise<Db> {
	performance.mark('lens:engine-start');
	// The threaded build needs SharedArrayBuffer, which a browser gives only to a cross-origin isolated
	// page (COOP + COEP headers, from the host or from our service worker); selectBundle checks that and
	// the browser's WebAssembly threads, and otherwise picks the single-thread build the app always used.
	// On a device with few cores the threaded build is not offered at all (threads.ts says why).
	const pays = threadsPay(navigator.hardwareConcurrency);
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker },
		...(pays ? { coi: { mainModule: coiWasm, mainWorker: coiWorker, pthreadWorker: coiPthreadWorker } } : {})
	});
	const threaded = bundle.pthreadWorker != null;
	const absolute = (u: string) => new URL(u, location.href).href;
	engineThreaded = threaded;
	engineFiles = [bundle.mainModule, bundle.mainWorker!, ...(threaded ? [bundle.pthreadWorker!] : [])];
	const { worker, started } = await engineWorker(bundle.mainWorker!, bundle.mainModule, threaded);
	performance.mark('lens:engine-worker');
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// Addresses made absolute: the engine worker resolves them against its own address, not the page's.
	await db.instantiate(absolute(bundle.mainModule), threaded ? absolute(bundle.pthreadWorker!) : null, (p) => {
		const update = { loaded: p.bytesLoaded, total: p.bytesTotal > 0 ? p.bytesTotal : null, ready: false };
		for (const l of progressListeners) l(update);
	});
	started();
	if (threaded) await db.open({ maximumThreads: threadsFor(navigator.hardwareConcurrency) });
	const conn = await db.connect();
	for (const sql of KEPT_COMPRESSED) await conn.query(sql);
	// What the engine itself says it runs on, not what was asked for: the engine line and the tests read this.
	const threads = threaded ? Number((await conn.query(`SELECT current_setting('threads')::INTEGER AS t`)).toArray()[0]?.t ?? 1) : 1;
	const oneThread = threaded ? undefined : pays ? 'not-isolated' : 'few-cores';
	for (const l of progressListeners) l({ loaded: 0, total: null, ready: true, threads, oneThread });
	// For the first-visit benchmark (tests/bench/first-visit.bench.ts): when the engine was ready; and which build, for the tests.
	performance.mark('lens:engine-ready', { detail: { build: threaded ? 'threaded' : 'single', threads } });
	// A file registered is readable by every statement sent after the call, before it settles (the Db's promise):
	// the engine takes its messages in order, and a registration the page must prepare first (text encoded, a
	// chosen file's bytes read for the threaded build) holds back the statements sent meanwhile.
	let preparing: Promise<unknown> = Promise.resolve();
	const registerOnce = (prepared: Promise<void>) => {
		preparing = Promise.all([preparing, prepared.catch(() => undefined)]);
		return prepared;
	};
	/** The app's Db on one of the engine's connections. */
	const on = (c: duckdb.AsyncDuckDBConnection): Db => ({
		async query<T>(sql: string) {
			await preparing;
			return runInTurns(arrowRowsSteps<T>((await c.query(sql)) as never));
		},
		async exec(sql: string) {
			await preparing;
			await c.query(sql);
		},
		async registerText(name: string, text: string) {
			// registerFileText would encode a whole file (tens of MB) in one task: encode it in slices instead.
			await registerOnce(runInTurns(utf8Steps(text)).then((bytes) => db.registerFileBuffer(name, bytes)));
		},
		async registerFile(name: string, file: Blob) {
			// The threaded build hands a file handle to each of its thread workers by message, and reads on
			// whichever thread DuckDB picks. In app.test.ts (the encodings fixture, after earlier imports in the
			// same browser) files registered so came out empty on that build, 0 rows read, in every attempt; the
			// same files read in full in a fresh page. Until that is understood, the threaded build gets the
			// file's bytes, which every thread sees in the engine's shared memory (the cost: the file is held
			// in memory while it is read).
			if (threaded) await registerOnce(file.arrayBuffer().then((bytes) => db.registerFileBuffer(name, new Uint8Array(bytes))));
			else await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		},
		async dropFile(name: string) {
			await db.dropFile(name);
		},
		async exportArrow(sql: string) {
			return tableToIPC(await c.query(sql), 'stream');
		},
		async importArrow(name: string, ipc: Uint8Array) {
			await c.insertArrowFromIPCStream(ipc, { name, create: true });
		}
	});
	return {
		...on(conn),
		async scratch() {
			const c = await db.connect();
			const name = scratchName();
			for (const sql of keptCompressedIn(name)) await c.query(sql);
			return {
				...on(c),
				async close() {
					await c.close();
					await conn.query(`DETACH DATABASE IF EXISTS ${name}`);
				}
			};
		}
	};
}
