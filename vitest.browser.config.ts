import { defineConfig } from 'vitest/config';

/** Browser tests: the built app in Debian's Chromium, driven by Playwright (see tests/browser). */
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/browser/shared-app.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// One file at a time: two at once took as long in all (each ran at half speed on 2 cores) and made waits time out.
		fileParallelism: false,
		// A real browser on a shared 2-core machine: one retry, so a slow moment is not a red build (a test that fails twice still fails).
		retry: 1
	}
});
