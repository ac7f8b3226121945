/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';

/**
 * Offline use after one visit. The app's code, pages and the fictional demo files are cached when
 * this worker installs. The data engine is large and comes in builds of which a browser uses one:
 * it is cached only when the page fetches it or tells us which one it uses (src/lib/offline.ts).
 * Only the app is cached here: the user's data is never in this cache.
 *
 * Threads: the engine's threaded build needs a cross-origin isolated page, which takes two response
 * headers that many static hosts cannot set. This worker adds them to everything it serves, so from
 * the second visit (or the next reload) the page is isolated and, on a device with the cores for it
 * (src/lib/db/threads.ts), the engine uses several threads.
 * A page that opened before this worker was in charge stays as it opened, on one thread: the worker
 * never reloads it, because a school's data lives only in the tab and a reload would throw it away.
 * That first page asks us to keep both its single-thread build and the threaded one (the next visit
 * may be offline); the first page to run the threaded build has the other dropped.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `provision-lens-app-${version}`;

const isEngine = (path: string) => /\.wasm$/.test(path) || /duckdb-browser-[^/]*\.worker\./.test(path);
const shell = [...build.filter((p) => !isEngine(p)), ...files, ...prerendered];
const known = new Set([...build, ...files, ...prerendered]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(shell);
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

/**
 * Every response the app gets through this worker, with the headers that make the page cross-origin
 * isolated. require-corp asks nothing of the app: it loads only files from its own origin.
 */
function isolated(response: Response): Response {
	if (response.type === 'opaque' || response.type === 'error' || response.status === 0) return response;
	const headers = new Headers(response.headers);
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
	return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function fromCacheOrNetwork(request: Request | string): Promise<Response> {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(request);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok && response.status === 200) await cache.put(request, response.clone());
	return response;
}

/**
 * Once the page runs the threaded build, every later visit through this worker is isolated and runs it
 * too: a single-thread build kept from a first visit (before this worker was in charge) is dropped.
 * Never the other way round, so a tab still open from that first visit cannot drop the threaded build.
 */
async function dropOtherEngines(keep: string[]): Promise<void> {
	const cache = await caches.open(CACHE);
	for (const request of await cache.keys()) {
		const path = new URL(request.url).pathname;
		if (isEngine(path) && !keep.includes(path)) await cache.delete(request);
	}
}

// The page says which engine build it started, in case it fetched it before this worker was in charge.
sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; urls?: unknown; threaded?: unknown } | null;
	if (data?.type !== 'keep-engine' || !Array.isArray(data.urls)) return;
	const paths = data.urls
		.filter((u): u is string => typeof u === 'string')
		.map((u) => new URL(u, sw.location.href).pathname)
		.filter(isEngine);
	event.waitUntil(
		(async () => {
			await Promise.all(paths.map((p) => fromCacheOrNetwork(p).catch(() => undefined)));
			if (data.threaded === true) await dropOtherEngines(paths);
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (known.has(url.pathname)) {
		// Built files have content hashes in their names (and pages are rebuilt with a new worker version): the cache is always right.
		event.respondWith(fromCacheOrNetwork(url.pathname).then(isolated));
		return;
	}
	if (request.mode === 'navigate') {
		// Any other page: the network when there is one, else the app's start page, which routes in the browser.
		event.respondWith(
			fetch(request)
				.catch(async () => (await caches.match(url.pathname, { cacheName: CACHE })) ?? (await caches.match('/', { cacheName: CACHE })) ?? Response.error())
				.then(isolated)
		);
	}
});
