import { defineConfig } from 'vitest/config';

/** Browser tests: the built app in Debian's Chromium, driven by Playwright (see tests/browser). */
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/browser/shared-app.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// Two files at once: with one served app and one Chromium for all files (shared-app.ts) and the single-thread
		// engine on 2 cores, the suite took 7 min 55 s against 9 min 36 s one file at a time (6 December 2026). Before
		// those, two at once had been no faster and made waits time out.
		fileParallelism: true,
		maxWorkers: 2,
		// A real browser on a shared 2-core machine: one retry, so a slow moment is not a red build (a test that fails twice still fails).
		retry: 1
	}
});
