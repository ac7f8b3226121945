import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startApp, type App } from './harness';

/**
 * A fresh app and browser page for one describe block, closed after it. With `openOn`, the page is
 * opened there first and the demo data waited for.
 */
export function session(openOn?: string) {
	const s = {} as { app: App; page: Page; foreign: string[]; errors: string[] };
	beforeAll(async () => {
		s.app = await startApp();
		Object.assign(s, await openPage(s.app));
		if (openOn === undefined) return;
		await s.page.goto(`${s.app.url}${openOn}`);
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
	});
	afterAll(async () => {
		await s.app?.close();
	});
	return s;
}
