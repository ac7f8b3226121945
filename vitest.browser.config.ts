import { defineConfig } from 'vitest/config';

/** Browser tests: the built app in Debian's Chromium, driven by Playwright (see tests/browser). */
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// Two files at a time: a browser test mostly waits on Chromium, so two share the 2 cores of CI better than one does.
		fileParallelism: true,
		maxWorkers: 2,
		// A real browser on a shared 2-core machine: one retry, so a slow moment is not a red build (a test that fails twice still fails).
		retry: 1
	}
});
