import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static site: no server ever sees a school's data.
		// precompress: a .br and a .gz beside every file (the 34 MB engine is 0.9 MB as brotli, 7.7 MB as gzip);
		// the host must serve them (see README, "Hosting"). The tests serve the plain files, so `npm test` builds
		// without them (PL_PLAIN_BUILD=1): compressing the engine took about 4 of its minutes.
		adapter: adapter({ fallback: '404.html', precompress: process.env.PL_PLAIN_BUILD !== '1' }),
		alias: { $data: 'data' },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// duckdb-wasm compiles WebAssembly: without 'wasm-unsafe-eval' its start hangs silently.
				'script-src': ['self', 'wasm-unsafe-eval'],
				// 'self' also covers the service worker that keeps the app for offline use.
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
