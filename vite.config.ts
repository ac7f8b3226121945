import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	server: { fs: { allow: ['data'] } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Vitest leaves one core free by default; on a 2-core machine that runs every file one after another.
		maxWorkers: 2,
		// Test files share a worker's loaded modules (zod, DuckDB's bindings, the contract) instead of each
		// loading them again: about a fifth of the suite's time. No test relies on a module being fresh.
		isolate: false
	}
});
