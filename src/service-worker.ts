/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';

/**
 * Offline use after one visit. The app's code, pages and the fictional demo files are cached when
 * this worker installs. The data engine is large and comes in two builds of which a browser uses
 * one: it is cached only when the page fetches it (or tells us which one it uses), never both.
 * Only the app is cached here: the user's data is never in this cache.
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

async function fromCacheOrNetwork(request: Request | string): Promise<Response> {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(request);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok && response.status === 200) await cache.put(request, response.clone());
	return response;
}

// The page says which engine build it started, in case it fetched it before this worker was in charge.
sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; urls?: unknown } | null;
	if (data?.type !== 'keep-engine' || !Array.isArray(data.urls)) return;
	const urls = data.urls.filter((u): u is string => typeof u === 'string' && isEngine(new URL(u, sw.location.href).pathname));
	event.waitUntil(Promise.all(urls.map((u) => fromCacheOrNetwork(new URL(u, sw.location.href).pathname).catch(() => undefined))));
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (known.has(url.pathname)) {
		// Built files have content hashes in their names (and pages are rebuilt with a new worker version): the cache is always right.
		event.respondWith(fromCacheOrNetwork(url.pathname));
		return;
	}
	if (request.mode === 'navigate') {
		// Any other page: the network when there is one, else the app's start page, which routes in the browser.
		event.respondWith(fetch(request).catch(async () => (await caches.match(url.pathname, { cacheName: CACHE })) ?? (await caches.match('/', { cacheName: CACHE })) ?? Response.error()));
	}
});
