import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static site: no server ever sees a school's data.
		// The .br and .gz copies beside every file (the 34 MB engine is 5.2 MB as brotli, 7.7 MB as gzip) are written
		// after the build by scripts/precompress.ts, which keeps each compressed file by its hash and reuses it: at
		// brotli's highest setting the engine alone took about 4 minutes of every build on two cores.
		adapter: adapter({ fallback: '404.html', precompress: false }),
		alias: { $data: 'data' },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// duckdb-wasm compiles WebAssembly: without 'wasm-unsafe-eval' its start hangs silently.
				'script-src': ['self', 'wasm-unsafe-eval'],
				// 'self' also covers the service worker that keeps the app for offline use, and the threaded engine's
				// worker (its thread workers are started by that worker, not by the page, and load only from 'self').
				// blob: is the single-thread engine's worker on a repeat visit (src/lib/db/browser.ts, engineWorker).
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'connect-src': ['self', 'blob:', 'data:'],
				'img-src': ['self', 'data:', 'blob:'],
				// Plot and Svelte set inline style attributes.
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
