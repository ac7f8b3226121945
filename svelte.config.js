import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static site: no server ever sees a school's data.
		adapter: adapter({ fallback: '404.html' }),
		alias: { $data: 'data' },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// duckdb-wasm compiles WebAssembly: without 'wasm-unsafe-eval' its start hangs silently.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
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
